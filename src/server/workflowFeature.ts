/**
 * GitHub Actions workflow diagnostics in the language server: files under
 * `.github/workflows/` are validated against the workflow JSON Schema shipped
 * offline (src/core/checks/kinds/workflow.ts), as the capstone's `pipeline`
 * check does, so a learner sees a misspelt key while typing.
 */
import type { Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { validateWorkflowText } from '../core/checks/kinds/workflow';
import { toLspDiagnostic, uriToPath } from './convert';
import type { ServerFeature } from './feature';

export const isWorkflowPath = (path: string): boolean => /(^|[\\/])\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$/.test(path);

export function createWorkflowFeature(): ServerFeature {
  return {
    name: 'github-workflow',
    validate(doc: TextDocument): Diagnostic[] {
      if (!isWorkflowPath(uriToPath(doc.uri))) return [];
      return validateWorkflowText(doc.getText()).map(toLspDiagnostic);
    },
  };
}
