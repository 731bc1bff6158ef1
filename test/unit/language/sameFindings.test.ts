// One tree, three callers: the core language service (what the editor shows),
// `edgo validate`, and the check kinds ("Check my work") report the same
// errors, file by file and line by line, for Kubernetes manifests, GitHub
// workflows and Mermaid diagrams.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { validatePaths } from '../../../src/cli/validate';
import { eventsValidator, mermaidParserValidator } from '../../../src/core/checks/defaultValidators';
import { kubernetesManifestsCheck } from '../../../src/core/checks/kinds/kubernetes';
import { workflowCheck } from '../../../src/core/checks/kinds/workflow';
import { mermaidCheck } from '../../../src/core/checks/mermaidCheck';
import { nodeProcessRunner } from '../../../src/core/host/nodeProcessRunner';
import { nodeCourseFs } from '../../../src/core/host/nodeCourseFs';
import type { CheckKind, CheckSpec } from '../../../src/core/checks/types';
import { nodeLanguageHost } from '../../../src/core/host/nodeLanguageHost';
import { createLanguageService } from '../../../src/core/language/service';

const tree: Record<string, string> = {
  'deploy/k8s/app.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicass: 2\n  selector:\n    matchLabels: {app: app}\n  template:\n    metadata:\n      labels: {app: app}\n    spec:\n      containers:\n        - name: app\n          image: app:1\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: app\nspec:\n  selector: {app: nope}\n  ports:\n    - port: 80\n',
  '.github/workflows/ci.yml': 'on:\n  pushh: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n',
  'docs/flow.md': '# Flow\n\n```mermaid\nsequenceDiagram\n  A->>B hello\n```\n',
};

const checks: [CheckKind, CheckSpec][] = [
  [kubernetesManifestsCheck, { id: 'k', kind: 'kubernetes-manifests', title: 'k', files: ['deploy/k8s/*.yaml'] }],
  [workflowCheck, { id: 'w', kind: 'github-workflow', title: 'w', glob: '.github/workflows/*.yml' }],
  [mermaidCheck, { id: 'm', kind: 'mermaid', title: 'm', glob: 'docs/*.md' }],
];

test('the language service, edgo validate and the checks report the same errors on one tree', async () => {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-same-'));
  const cwd = process.cwd();
  try {
    for (const [rel, text] of Object.entries(tree)) {
      fs.mkdirSync(path.dirname(path.join(ws, rel)), { recursive: true });
      fs.writeFileSync(path.join(ws, rel), text);
    }
    const service = createLanguageService({ workspace: { folders: () => [ws] }, host: nodeLanguageHost(() => [ws]) });
    for (const rel of Object.keys(tree)) service.setFile(path.join(ws, rel), tree[rel] as string);
    const fromService: string[] = [];
    for (const rel of Object.keys(tree)) for (const d of await service.diagnostics(path.join(ws, rel))) if (d.severity === 'error') fromService.push(`${rel}:${d.range.start.line + 1} ${d.message}`);

    process.chdir(ws);
    const fromCli = (await validatePaths(['.'])).filter((f) => f.severity === 'error').map((f) => `${f.file}:${f.range.start.line + 1} ${f.message}`);
    process.chdir(cwd);

    const fromChecks: string[] = [];
    const ctx = { folder: ws, runner: nodeProcessRunner, fs: nodeCourseFs, eventYaml: eventsValidator(ws), mermaid: mermaidParserValidator };
    for (const [kind, spec] of checks) {
      const outcome = await kind.run(spec, ctx);
      for (const p of outcome.problems ?? []) if (p.location) fromChecks.push(`${p.location.file}:${p.location.line ?? 0} ${p.message}`);
    }
    const sorted = (a: string[]) => [...a].sort();
    assert.ok(fromService.length >= 4, fromService.join('\n'));
    assert.deepEqual(sorted(fromCli), sorted(fromService));
    assert.deepEqual(sorted(fromChecks), sorted(fromService));
  } finally {
    process.chdir(cwd);
    fs.rmSync(ws, { recursive: true, force: true });
  }
});
