/**
 * `dockerfile`: the rules module 6 teaches for a Go service's image, checked
 * without a Docker engine: multi-stage, pinned base images, CGO_ENABLED=0 for a
 * static binary, a final stage that is not the Go toolchain, copies only what
 * the build stage produced, and runs as a non-root user.
 *
 * `lintDockerfile` is pure (text in, diagnostics with the line of each finding out).
 */
import { range, type CoreDiagnostic } from '../../diagnostic';
import { num, strs } from '../fields';
import { defineCheckKind } from '../defineCheckKind';
import { matchFiles, readText } from '../files';
import { failWith } from '../goTool';
import type { CheckProblem } from '../types';

const source = 'edgo-dockerfile';

/** One instruction, continuation lines joined. Lines are 0-based. */
export interface Instruction {
  readonly keyword: string;
  readonly args: string;
  readonly line: number;
  readonly endLine: number;
}

interface Stage {
  readonly from: Instruction;
  readonly image: string;
  readonly name?: string | undefined;
  readonly body: Instruction[];
}

/** Splits a Dockerfile into instructions (comments dropped, `\` continuations joined). */
export function parseDockerfile(text: string): Instruction[] {
  const lines = text.split(/\r?\n/);
  const escape = /^#\s*escape\s*=\s*`/i.test(lines[0] ?? '') ? '`' : '\\';
  const out: Instruction[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i] ?? '';
    if (/^\s*(#.*)?$/.test(first)) continue;
    const start = i;
    let joined = '';
    let current = first;
    for (;;) {
      const trimmed = current.trimEnd();
      if (trimmed.endsWith(escape) && i + 1 < lines.length) {
        joined += trimmed.slice(0, -1) + ' ';
        i++;
        current = lines[i] ?? '';
        // Comment lines inside a continuation are skipped, as Docker does.
        while (/^\s*#/.test(current) && i + 1 < lines.length) current = lines[++i] ?? '';
        continue;
      }
      joined += current;
      break;
    }
    const m = /^\s*(\S+)\s*(.*)$/.exec(joined);
    if (m) out.push({ keyword: (m[1] ?? '').toUpperCase(), args: (m[2] ?? '').trim(), line: start, endLine: i });
  }
  return out;
}

/** `image[:tag][@digest]` split; a `:` before the last `/` belongs to a registry port. */
export function imageReference(image: string): { name: string; tag?: string | undefined; digest?: string | undefined } {
  const [withTag = '', digest] = image.split('@');
  const slash = withTag.lastIndexOf('/');
  const colon = withTag.lastIndexOf(':');
  if (colon > slash) return { name: withTag.slice(0, colon), tag: withTag.slice(colon + 1), digest };
  return { name: withTag, digest };
}

function substitute(value: string, args: ReadonlyMap<string, string>): string {
  return value.replace(/\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)/g, (all, a: string | undefined, def: string | undefined, b: string | undefined) => {
    const key = a ?? b ?? '';
    return args.get(key) ?? def ?? all;
  });
}

function splitStages(instructions: readonly Instruction[]): { stages: Stage[]; globalArgs: Map<string, string> } {
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const words = ins.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const image = substitute(words[0] ?? '', globalArgs);
      const name = words[1]?.toUpperCase() === 'AS' ? words[2] : undefined;
      stages.push({ from: ins, image, name, body: [] });
    } else if (stages.length === 0) {
      if (ins.keyword === 'ARG') {
        const [key = '', value] = ins.args.split('=', 2);
        if (value !== undefined) globalArgs.set(key.trim(), value.trim().replace(/^["']|["']$/g, ''));
      }
    } else {
      stages[stages.length - 1]?.body.push(ins);
    }
  }
  return { stages, globalArgs };
}

function finding(ins: Instruction | undefined, code: string, message: string, severity: CoreDiagnostic['severity'] = 'error'): CoreDiagnostic {
  const line = ins?.line ?? 0;
  return { range: range(line, 0, line, Math.max(1, (ins?.keyword.length ?? 0) + 1 + (ins?.args.length ?? 0))), severity, code: `dockerfile/${code}`, message, source };
}

const isRootUser = (user: string): boolean => /^(root|0)(:.*)?$/.test(user.trim());

/** Lints one Dockerfile; each diagnostic is on the line of the instruction at fault. */
export function lintDockerfile(text: string): CoreDiagnostic[] {
  const { stages } = splitStages(parseDockerfile(text));
  if (stages.length === 0) return [finding(undefined, 'no-from', 'The Dockerfile has no FROM instruction.')];
  const out: CoreDiagnostic[] = [];
  const stageNames = new Set(stages.map((s) => s.name?.toLowerCase()).filter((n): n is string => !!n));

  if (stages.length < 2) {
    out.push(
      finding(stages[0]?.from, 'single-stage', 'Use a multi-stage build: compile in a `golang` stage (`FROM golang:1.26 AS build`), then copy only the binary into a small runtime stage (`FROM gcr.io/distroless/static-debian12:nonroot`).'),
    );
  }
  for (const stage of stages) {
    const { name, tag, digest } = imageReference(stage.image);
    if (stageNames.has(stage.image.toLowerCase()) || stage.image === 'scratch' || stage.image.includes('$')) continue;
    if (!tag && !digest) {
      out.push(
        finding(
          stage.from,
          'unpinned-image',
          `Base image "${stage.image}" has no tag, so it means "latest" and changes under you: pin a version, e.g. ${name.endsWith('golang') ? 'golang:1.26-bookworm' : `${name}:<version>`} (or a digest, @sha256:...).`,
        ),
      );
    } else if (tag === 'latest' && !digest) {
      out.push(finding(stage.from, 'unpinned-image', `Base image "${stage.image}" uses the moving "latest" tag: pin a version (or a digest, @sha256:...).`));
    }
  }

  // Where `go build` runs, the binary must be static for distroless/static or scratch.
  for (const stage of stages) {
    const cgoOffInStage = stage.body.some((i) => (i.keyword === 'ENV' || i.keyword === 'ARG') && /\bCGO_ENABLED[= ]+["']?0\b/.test(i.args));
    for (const ins of stage.body) {
      if (ins.keyword === 'RUN' && /\bgo\s+(build|install)\b/.test(ins.args) && !cgoOffInStage && !/\bCGO_ENABLED=["']?0\b/.test(ins.args)) {
        out.push(finding(ins, 'cgo-enabled', '`go build` runs without CGO_ENABLED=0: the binary may link against libc and fail to start on distroless/static or scratch. Use `RUN CGO_ENABLED=0 go build ...` or `ENV CGO_ENABLED=0`.'));
      }
    }
  }

  const final = stages[stages.length - 1];
  if (final && stages.length > 1) {
    const finalName = imageReference(final.image).name;
    if (/(^|\/)golang$/.test(finalName)) {
      out.push(finding(final.from, 'toolchain-runtime', `The final stage runs on "${final.image}", the whole Go toolchain (hundreds of MB): run the binary on gcr.io/distroless/static-debian12:nonroot or scratch.`));
    }
    for (const ins of final.body) {
      if ((ins.keyword === 'COPY' || ins.keyword === 'ADD') && !/(^|\s)--from=/.test(ins.args)) {
        out.push(finding(ins, 'copies-context', `The final stage copies from the build context (\`${ins.keyword} ${ins.args}\`): copy only the binary from the build stage, e.g. \`COPY --from=build /out/order /order\`.`));
      }
    }
  }
  if (final) {
    const users = final.body.filter((i) => i.keyword === 'USER');
    const lastUser = users[users.length - 1];
    const nonrootBase = /(^|[:-])nonroot\b/.test(imageReference(final.image).tag ?? '');
    if (lastUser && isRootUser(lastUser.args)) {
      out.push(finding(lastUser, 'root-user', `The image runs as root (\`USER ${lastUser.args}\`): use a non-root user, e.g. \`USER 65532:65532\` (distroless's nonroot).`));
    } else if (!lastUser && !nonrootBase) {
      out.push(finding(final.from, 'root-user', 'The final stage never sets USER, so the container runs as root: add `USER 65532:65532` or use a `:nonroot` distroless image.'));
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}

/** `files`: globs of Dockerfiles (e.g. `["order/Dockerfile", "inventory/Dockerfile"]`); `min`: how many must exist (default 1). */
export const dockerfileCheck = defineCheckKind({
  kind: 'dockerfile',
  fields: {
    files: { type: 'array', required: true, minItems: 1, items: { type: 'string' }, description: 'Dockerfiles (globs allowed)' },
    min: { type: 'integer', description: 'At least this many files (default 1)' },
  },
  summary: 'Every Dockerfile matching `files` is multi-stage, pins its base images, builds with CGO_ENABLED=0, copies only the binary into the final stage and runs as non-root (`min`: how many files, default 1).',
  run(spec, ctx) {
    const globs = strs(spec, 'files') ?? [];
    const min = num(spec, 'min') ?? 1;
    const files = [...new Set(globs.flatMap((g) => matchFiles(ctx.fs, ctx.folder, g)))].sort();
    const problems: CheckProblem[] = [];
    for (const file of files) {
      for (const d of lintDockerfile(readText(ctx.fs, ctx.folder, file) ?? '')) {
        if (d.severity === 'error') problems.push({ message: d.message, location: { file, line: d.range.start.line + 1 } });
      }
    }
    if (files.length < min) {
      const missing = globs.filter((g) => !files.some((f) => matchFiles(ctx.fs, ctx.folder, g).includes(f)));
      problems.push({ message: `Found ${files.length} Dockerfile${files.length === 1 ? '' : 's'} matching ${globs.join(', ')}; the step asks for ${min}${missing.length > 0 ? ` (missing: ${missing.join(', ')})` : ''}.` });
    }
    if (problems.length > 0) return Promise.resolve(failWith(`${problems.length} Dockerfile problem${problems.length === 1 ? '' : 's'}`, problems));
    return Promise.resolve({ status: 'pass' as const, message: `${files.length} Dockerfile${files.length === 1 ? ' follows' : 's follow'} the image rules.` });
  },
});
