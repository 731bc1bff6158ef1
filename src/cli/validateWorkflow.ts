/**
 * `edgo validate` for GitHub Actions workflows: files under `.github/workflows/`
 * are checked against the workflow JSON Schema shipped offline (the same core
 * as the `github-workflow` check). Course rules (required actions, main-only
 * deploys) belong to the check, not to plain validation.
 */
import type { CoreDiagnostic } from '../core/diagnostic';
import { validateWorkflowText } from '../core/checks/kinds/workflow';
import type { FileValidator } from './validateRegistry';

export const workflowValidator: FileValidator = {
  name: 'github-workflow',
  matches: (path) => /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(path),
  validate(files) {
    const out = new Map<string, CoreDiagnostic[]>();
    for (const f of files) out.set(f.path, validateWorkflowText(f.text));
    return out;
  },
};
