// Types of generate.mjs for the test that keeps the committed JSON fresh.
export declare const workflowSchema: Record<string, unknown>;
export declare const workflowSchemaPath: string;
export declare function workflowSchemaText(): string;
