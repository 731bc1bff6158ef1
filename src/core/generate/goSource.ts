/**
 * What the generators read from Go source without a Go parser: the HTTP routes
 * registered with Go 1.22 patterns and the string literals (NATS subjects).
 */
import type { HttpRoute } from './input';

// mux.HandleFunc("POST /orders", h.create) · http.Handle("GET /orders/{id}", ...) · r.HandleFunc("/healthz", ...)
const routeCall = /\b(?:HandleFunc|Handle)\(\s*"(?:([A-Z]+)\s+)?([^"\s]*\/[^"]*)"\s*,\s*([^\n]*)$/gm;

/** Routes in one Go file; a pattern without a method is listed as `ANY`. */
export function readRoutes(goSource: string, file: string): HttpRoute[] {
  const routes: HttpRoute[] = [];
  const code = stripComments(goSource);
  for (const m of code.matchAll(routeCall)) {
    const line = code.slice(0, m.index).split('\n').length;
    const rawPath = m[2]!;
    // Go 1.22 patterns may carry a host ("example.com/orders"); the docs show the path.
    const path = rawPath.slice(rawPath.indexOf('/'));
    routes.push({ method: m[1] ?? 'ANY', path, handler: trimHandler(m[3] ?? ''), file, line });
  }
  return routes;
}

function trimHandler(expr: string): string {
  let depth = 0;
  let out = '';
  for (const ch of expr) {
    if (ch === '(') depth++;
    if (ch === ')') {
      if (depth === 0) break;
      depth--;
    }
    out += ch;
  }
  return out.trim().replace(/,$/, '');
}

/** Every interpreted string literal in a Go file (comments removed). */
export function stringLiterals(goSource: string): Set<string> {
  const out = new Set<string>();
  for (const m of stripComments(goSource).matchAll(/"((?:[^"\\\n]|\\.)*)"/g)) out.add(m[1]!);
  return out;
}

/** Removes // and /* *\/ comments, keeping line breaks so line numbers stay right. */
export function stripComments(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const next = src[i + 1];
    if (ch === '"' || ch === '`' || ch === "'") {
      const end = findStringEnd(src, i, ch);
      out += src.slice(i, end);
      i = end;
    } else if (ch === '/' && next === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (ch === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, '');
      i = stop;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function findStringEnd(src: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\\' && quote !== '`') i += 2;
    else if (ch === quote) return i + 1;
    else if (ch === '\n' && quote !== '`') return i;
    else i++;
  }
  return src.length;
}
