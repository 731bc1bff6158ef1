// The part of js-yaml 4 the fast path uses (the package ships no types).
declare module 'js-yaml' {
  interface LoadOptions {
    schema?: unknown;
    json?: boolean;
    filename?: string;
  }
  const jsyaml: {
    CORE_SCHEMA: unknown;
    loadAll(text: string, iterator?: undefined, options?: LoadOptions): unknown[];
  };
  export default jsyaml;
}
