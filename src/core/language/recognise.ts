/**
 * How a file is recognised, one rule per kind, in one place. Every caller (the
 * language server, `edgo validate`, the checks) goes through these, so a path
 * is judged the same everywhere: separators are normalised to `/` first, and
 * Mermaid in Markdown is found only by the block extractor itself.
 */
import { classifyFile, type ClassifyOptions } from '../events/fileKinds';
import { extractMarkdownBlocks, isMarkdownFileName, isMermaidFileName } from '../mermaid/blocks';

/** The one path rule: `\` becomes `/` before any pattern sees the path. */
export const normalisePath = (path: string): string => path.replace(/\\/g, '/');

/** A GitHub Actions workflow: a YAML file directly in `.github/workflows/`. */
export function isWorkflowPath(path: string): boolean {
  return /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(normalisePath(path));
}

/** Event YAML, the course's event catalog YAML, or an EventCatalog page. */
export function isEventsFile(path: string, text: string | undefined, options: ClassifyOptions = {}): boolean {
  return classifyFile(normalisePath(path), text, options) !== undefined;
}

/** A `.mmd` file, or Markdown with at least one Mermaid block (found as the validator finds them). */
export function hasMermaid(path: string, text: string | undefined): boolean {
  const p = normalisePath(path);
  if (isMermaidFileName(p)) return true;
  return isMarkdownFileName(p) && text !== undefined && /mermaid/i.test(text) && extractMarkdownBlocks(text).length > 0;
}

/**
 * A Helm template: Go template actions make it no YAML until rendered, so it
 * is left to the `helm-chart` check (which renders it) and never validated raw.
 */
export function isHelmTemplate(path: string, text: string | undefined): boolean {
  return /(^|\/)templates\/[^/]+$/.test(normalisePath(path)) || (text !== undefined && text.includes('{{'));
}

const topLevelApiVersion = /^apiVersion:[ \t]*["']?[\w.-]+(\/[\w.-]+)?["']?[ \t]*(#.*)?$/m;
const topLevelKind = /^kind:[ \t]*["']?[A-Z][A-Za-z0-9]*["']?[ \t]*(#.*)?$/m;
/** Config files that look like objects but are no cluster resources (Kustomize, Helm's Chart.yaml has no kind). */
const notClusterObjects = /^apiVersion:[ \t]*["']?kustomize\.config\.k8s\.io\//m;

/**
 * A Kubernetes manifest: a YAML file with a top-level `apiVersion` and `kind`,
 * whatever its name. Workflows, event files and Helm templates are not.
 */
export function isKubernetesManifest(path: string, text: string | undefined, options: ClassifyOptions = {}): boolean {
  const p = normalisePath(path);
  if (!/\.ya?ml$/i.test(p) || text === undefined) return false;
  if (!topLevelApiVersion.test(text) || !topLevelKind.test(text) || notClusterObjects.test(text)) return false;
  return !isWorkflowPath(p) && !isHelmTemplate(p, text) && !isEventsFile(p, text, options);
}
