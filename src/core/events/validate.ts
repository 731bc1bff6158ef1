/**
 * Single-file validation: text in, diagnostics out. Picks the schema from the
 * file kind, parses YAML (or Markdown frontmatter) keeping source ranges, runs
 * the cached Ajv validator and the checks that need only this file.
 */
import type { CoreDiagnostic } from '../diagnostic';
import { classifyFile, type ClassifyOptions, type FileKind } from './fileKinds';
import { extractFrontmatter } from './frontmatter';
import { looksLikeJsonSchema } from './model';
import { schemaErrorsToDiagnostics } from './schemaDiagnostics';
import { bundledSchemas, catalogSchemaId, compileCustomSchema, schemaProblem, validatorFor, type JsonObject } from './schemas';
import { eventsSource, findPointer, nodeRange, parseYaml, whole, type ParsedDoc, type ParsedYaml } from './yamlText';
import { dirnameOf, joinPath } from '../paths';
import { isRefused, type LinkedFileReader } from './linkedFiles';
import type { FileFacts } from './facts';
import { validateCatalogEntries, type EntryCache } from './catalogEntries';
import { errorMessage } from '../errorMessage';

export interface ValidateOptions extends ClassifyOptions {
  /** Overrides the kind found from the path. */
  readonly kind?: FileKind | undefined;
  /** Per-entry results of the previous validation of this file (a large course catalog re-validates only changed entries). */
  readonly entryCache?: EntryCache | undefined;
  /** Reads a linked file (a modeline's schema) as the host allows; undefined when it does not exist. */
  readonly readLinked?: LinkedFileReader | undefined;
}

export interface ValidationResult {
  readonly path: string;
  readonly kind: FileKind;
  readonly diagnostics: CoreDiagnostic[];
  /** The parsed YAML (for completion, hover, symbols, cross-file facts); absent when skipped. */
  readonly parsed?: ParsedYaml | undefined;
  /** The bundled schema used, if any. */
  readonly schemaId?: string | undefined;
  /** Facts already gathered while validating (the incremental catalog path); else extracted from `parsed`. */
  readonly facts?: FileFacts | undefined;
}

/** Validates one file; returns undefined when the file is none of ours. Never throws. */
export function validateText(path: string, text: string, options: ValidateOptions = {}): ValidationResult | undefined {
  const kind = options.kind ?? classifyFile(path, text, options);
  if (!kind) return undefined;
  try {
    return validateKind(path, text, kind, options);
  } catch (err) {
    // A bug of ours must not take the editor down: report it on the first line.
    return { path, kind, diagnostics: [whole(text, 0, 'internal-error', `The event validator failed on this file: ${errorMessage(err)}`, 'warning')] };
  }
}

function validateKind(path: string, text: string, kind: FileKind, options: ValidateOptions): ValidationResult {
  if (kind.type === 'catalog-page') return validateCatalogPage(path, text, kind);
  if (kind.type === 'event-catalog-yaml' && options.entryCache) {
    const incremental = validateCatalogEntries(path, text, options.entryCache, (skeleton) => validateKind(path, skeleton, kind, { ...options, entryCache: undefined }));
    if (incremental) return incremental;
  }
  const parsed = parseYaml(text);
  const diagnostics = [...parsed.diagnostics];
  if (kind.type === 'custom-schema') {
    validateAgainstCustom(path, text, kind.schemaPath, parsed, diagnostics, options);
    return { path, kind, diagnostics, parsed };
  }
  const schemaId = kind.type === 'event-yaml' ? 'event' : 'event-catalog';
  const what = kind.type === 'event-yaml' ? 'event' : 'event catalog';
  const codePrefix = kind.type === 'event-yaml' ? 'event' : 'catalog';
  const emptyMessage = `This ${what} file is empty. Start with \`${schemaId === 'event' ? 'name: order.created' : 'events:'}\`.`;
  // An empty (or comments-only) file has no YAML document at all.
  if (parsed.docs.length === 0 && parsed.diagnostics.length === 0) diagnostics.push(whole(text, 0, `${codePrefix}/empty`, emptyMessage, 'warning'));
  for (const d of parsed.docs) {
    if (!d.ok) continue;
    const value = d.value;
    if (value === null) {
      if (parsed.docs.length === 1) diagnostics.push(whole(text, 0, `${codePrefix}/empty`, emptyMessage, 'warning'));
      continue;
    }
    const validate = validatorFor(schemaId);
    if (!validate(value)) diagnostics.push(...schemaErrorsToDiagnostics(validate.errors ?? [], { parsed, parsedDoc: d, what, codePrefix, schemaId }));
    if (kind.type === 'event-yaml') diagnostics.push(...checkInlinePayload(value, parsed, d));
  }
  return { path, kind, diagnostics, parsed, schemaId };
}

function validateCatalogPage(path: string, text: string, kind: Extract<FileKind, { type: 'catalog-page' }>): ValidationResult {
  const fm = extractFrontmatter(text);
  const schemaId = catalogSchemaId(kind.kind);
  const isPage = kind.kind === 'doc' || kind.kind === 'team' || kind.kind === 'user';
  if (!fm) {
    const diagnostics = isPage ? [] : [whole(text, 0, 'catalog/missing-frontmatter', `This EventCatalog ${kind.kind} page has no frontmatter. Start the file with a \`---\` block holding at least \`id\`, \`name\` and \`version\`.`)];
    return { path, kind, diagnostics };
  }
  const parsed = parseYaml(fm.yaml, fm.lineOffset);
  const diagnostics = [...parsed.diagnostics];
  if (fm.closeLine === undefined) diagnostics.push({ ...whole(text, 0, 'catalog/unclosed-frontmatter', 'The frontmatter opened by `---` on line 1 is never closed: add a `---` line after it.'), source: eventsSource });
  const doc = parsed.docs[0];
  if (doc && doc.ok) {
    const value = doc.value ?? {};
    const validate = validatorFor(schemaId);
    const what = `EventCatalog ${kind.kind}`;
    if (!validate(value)) diagnostics.push(...schemaErrorsToDiagnostics(validate.errors ?? [], { parsed, parsedDoc: doc, what, codePrefix: 'catalog', schemaId }));
    const version = (value as JsonObject).version;
    if (kind.versionFolder && typeof version === 'string' && version !== kind.versionFolder) {
      const r = parsed.locate(0, '/version')?.value ?? nodeRange(parsed, findPointer(doc.doc, '/version').value);
      if (r) {
        diagnostics.push({
          range: r,
          severity: 'warning',
          code: 'catalog/version-folder-mismatch',
          message: `This file lies in \`versioned/${kind.versionFolder}/\` but says \`version: ${version}\`; EventCatalog expects them to match.`,
          source: eventsSource,
          pointer: '/version',
        });
      }
    }
  }
  return { path, kind, diagnostics, parsed, schemaId };
}

/** An inline payload JSON Schema must itself be valid, and inline examples must match it. */
function checkInlinePayload(value: unknown, parsed: ParsedYaml, parsedDoc: ParsedDoc): CoreDiagnostic[] {
  if (typeof value !== 'object' || value === null) return [];
  const { payload, examples } = value as JsonObject;
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload) || '$ref' in payload) return [];
  if (!looksLikeJsonSchema(payload as JsonObject)) return [];
  const out: CoreDiagnostic[] = [];
  // Compiling a schema costs about a millisecond; checking it against the meta-schema
  // is far cheaper, so compile only when there are examples to check.
  const hasExamples = Array.isArray(examples) && examples.length > 0;
  const validate = hasExamples ? compileCustomSchema(JSON.stringify(payload)) : schemaProblem(payload as JsonObject);
  if (typeof validate === 'string') {
    const r = nodeRange(parsed, findPointer(parsedDoc.doc, '/payload').key);
    if (r) out.push({ range: r, severity: 'error', code: 'event/invalid-payload-schema', message: `\`payload\` is not a valid JSON Schema: ${validate}.`, source: eventsSource, pointer: '/payload' });
    return out;
  }
  if (!validate || !Array.isArray(examples)) return out;
  examples.forEach((example, i) => {
    if (validate(example)) return;
    const first = validate.errors?.[0];
    const pointer = `/examples/${i}${first?.instancePath ?? ''}`;
    const t = findPointer(parsedDoc.doc, pointer);
    const r = nodeRange(parsed, t.value) ?? nodeRange(parsed, findPointer(parsedDoc.doc, `/examples/${i}`).value);
    if (r) {
      out.push({
        range: r,
        severity: 'error',
        code: 'event/example-mismatch',
        message: `Example ${i + 1} does not match the payload schema: \`${first?.instancePath || '(root)'}\` ${first?.message ?? 'is invalid'}.`,
        source: eventsSource,
        pointer,
      });
    }
  });
  return out;
}

function validateAgainstCustom(path: string, text: string, schemaPath: string, parsed: ParsedYaml, diagnostics: CoreDiagnostic[], options: ValidateOptions): void {
  const resolved = schemaPath.startsWith('/') || /^[a-z]+:/i.test(schemaPath) ? schemaPath : joinPath(dirnameOf(path), schemaPath);
  const schemaText = /^[a-z][a-z0-9+.-]+:/i.test(resolved) ? { refused: 'remote schemas are not fetched (everything works offline)' } : options.readLinked?.(resolved, path);
  const modeline = { start: { line: 0, character: 0 }, end: { line: 0, character: (text.split('\n', 1)[0] ?? '').length } };
  if (isRefused(schemaText)) {
    diagnostics.push({
      range: modeline,
      severity: 'error',
      code: 'schema/unreadable',
      message: `The schema \`${schemaPath}\` named on the first line was not read: ${schemaText.refused}. Point at a JSON Schema file inside the workspace.`,
      source: eventsSource,
    });
    return;
  }
  if (schemaText === undefined) {
    diagnostics.push({ range: modeline, severity: 'error', code: 'schema/not-found', message: `The schema \`${schemaPath}\` named on the first line was not found (looked for ${resolved}).`, source: eventsSource });
    return;
  }
  const validate = compileCustomSchema(schemaText);
  if (typeof validate === 'string') {
    diagnostics.push({ range: modeline, severity: 'error', code: 'schema/invalid', message: `The schema \`${schemaPath}\` is not a valid JSON Schema: ${validate}.`, source: eventsSource });
    return;
  }
  for (const d of parsed.docs) {
    if (!d.ok) continue;
    if (!validate(d.value)) diagnostics.push(...schemaErrorsToDiagnostics(validate.errors ?? [], { parsed, parsedDoc: d, what: 'document', codePrefix: 'schema' }));
  }
}

export { bundledSchemas };
