/**
 * Files a learner's YAML points at (`# $schema:`, `$ref`, `schemaPath`) are
 * read through the host, which may refuse them: outside the workspace, not a
 * regular file (`/dev/zero`, a FIFO), a system file (`/proc/...`), too large.
 * A refusal carries only the reason in words, never any of the file's bytes.
 */

/** Why the host would not read a linked file. */
export interface Refused {
  readonly refused: string;
}

/** The file's text, a refusal, or undefined when no such file exists. */
export type LinkedText = string | Refused | undefined;

/** Reads `path`, which the file `from` links to. */
export type LinkedFileReader = (path: string, from: string) => LinkedText;

/** Largest linked schema file read (schemas are small; this bounds memory and time). */
export const maxLinkedFileBytes = 1024 * 1024;

export function isRefused(r: LinkedText): r is Refused {
  return typeof r === 'object' && r !== null;
}

/** The text, or undefined when missing or refused. */
export function textOf(r: LinkedText): string | undefined {
  return typeof r === 'string' ? r : undefined;
}

const linkRe = /(?:\$ref|schemaPath)[ \t]*:[ \t]*["']?([^"'\s#]+)/g;

/**
 * The files a text seems to link (`$ref:`, `schemaPath:` values), as paths next to `path`, found
 * without parsing: a host may read them ahead, while the text is parsed. A miss costs nothing.
 */
export function likelyLinkedFiles(path: string, text: string, join: (dir: string, ref: string) => string, dirname: (p: string) => string): string[] {
  const out = new Set<string>();
  if (!text.includes('$ref') && !text.includes('schemaPath')) return [];
  for (const m of text.matchAll(linkRe)) {
    const ref = m[1] as string;
    if (/^[a-z][a-z0-9+.-]*:/i.test(ref)) continue; // remote: never read
    out.add(join(dirname(path), ref));
  }
  return [...out];
}
