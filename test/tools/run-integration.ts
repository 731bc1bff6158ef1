// Runs the mocha suites of test/integration inside the extension host of a real
// VS Code (code-server), with this extension loaded in development mode, and
// returns their result as the exit code. The workbench reports the end through
// `window.codeAutomationExit(code)`; the per-test results come through a JSON file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot, startCodeServer } from './codeServer';
import { openWorkbench, screenshot } from './workbench';
import { prepareSampleWorkspace } from './sampleWorkspace';

interface Results {
  failures: number;
  tests: { title: string; state: 'passed' | 'failed' | 'pending'; durationMs?: number; error?: string }[];
  figures?: string[];
}

const timeoutMs = Number(process.env.EDGO_INTEGRATION_TIMEOUT_MS ?? 20 * 60_000);

async function main(): Promise<number> {
  const testsEntry = path.join(repoRoot, 'out', 'integration', 'index.js');
  if (!fs.existsSync(testsEntry)) throw new Error(`${testsEntry} is missing: run \`npm run build\` first.`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'edgo-integration-'));
  const workspace = prepareSampleWorkspace(path.join(tmp, 'workspace'));
  const resultsFile = path.join(repoRoot, 'test-results', 'integration-results.json');
  fs.rmSync(resultsFile, { force: true });

  const server = await startCodeServer({
    workspace,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: testsEntry,
    env: {
      EDGO_TEST_RESULTS: resultsFile,
      EDGO_TEST_TMP: path.join(tmp, 'scratch'),
      ...(process.env.EDGO_TEST_GREP ? { EDGO_TEST_GREP: process.env.EDGO_TEST_GREP } : {}),
    },
  });
  let exitCode: number | undefined;
  let bench: Awaited<ReturnType<typeof openWorkbench>> | undefined;
  try {
    const exited = new Promise<number>((resolve) => {
      void openWorkbench(server.url, {
        waitForShell: false,
        exposeFunctions: { codeAutomationExit: (code: number) => resolve(code) },
      }).then((wb) => (bench = wb));
    });
    const timedOut = new Promise<number>((resolve) => setTimeout(() => resolve(-1), timeoutMs).unref());
    exitCode = await Promise.race([exited, timedOut]);
    if (exitCode === -1) {
      console.error(`integration: no result after ${timeoutMs / 1000} s`);
      if (bench) await screenshot(bench.page, 'integration-timeout').catch(() => undefined);
    }
  } finally {
    await bench?.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  }

  const results: Results | undefined = fs.existsSync(resultsFile) ? JSON.parse(fs.readFileSync(resultsFile, 'utf8')) : undefined;
  if (!results) {
    console.error('integration: the suites wrote no results (did the extension host start the tests?)');
    console.error(server.log().slice(-4000));
  }
  report(results);
  const failed = results ? results.tests.filter((t) => t.state === 'failed').length : 1;
  return exitCode === 0 && failed === 0 && results && results.tests.length > 0 ? 0 : 1;
}

function report(results: Results | undefined): void {
  const tests = results?.tests ?? [];
  for (const t of tests) {
    const mark = t.state === 'passed' ? '✔' : t.state === 'failed' ? '✖' : '-';
    console.log(`${mark} ${t.title}${t.durationMs !== undefined ? ` (${t.durationMs} ms)` : ''}`);
  }
  for (const figure of results?.figures ?? []) console.log(`figure: ${figure}`);
  for (const t of tests.filter((x) => x.state === 'failed')) {
    console.log(`\n✖ ${t.title}\n${t.error ?? ''}`);
  }
  const counts = {
    passed: tests.filter((t) => t.state === 'passed').length,
    failed: tests.filter((t) => t.state === 'failed').length + (results ? 0 : 1),
    skipped: tests.filter((t) => t.state === 'pending').length,
    failures: tests.filter((t) => t.state === 'failed').map((t) => t.title),
  };
  const summary = path.join(repoRoot, 'test-results', 'summary', 'integration.json');
  fs.mkdirSync(path.dirname(summary), { recursive: true });
  fs.writeFileSync(summary, JSON.stringify(counts));
  console.log(`\nintegration: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
