import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { runPreflight, type ToolReport } from '../../../src/core/preflight/preflight';
import { renderPreflightMarkdown } from '../../../src/core/preflight/preflightReport';
import { interpretCurrentContext, interpretDockerInfo, interpretReadyz } from '../../../src/core/preflight/toolSpecs';
import { allTools, allToolsAnswers, exited, fakeFs, fakeRunner, fixture } from './fakes';
import { readRun } from '../../../src/core/preflight/processRunner';

const readExited = (...args: Parameters<typeof exited>) => readRun(exited(...args));

const env = { PATH: '/usr/local/bin:/usr/bin', HOME: '/home/learner' };

function tool(report: { tools: readonly ToolReport[] }, id: string): ToolReport {
  const t = report.tools.find((x) => x.id === id);
  assert.ok(t, `no report for ${id}`);
  return t;
}

describe('runPreflight', () => {
  it('reports each tool ready when installed, new enough and live', async () => {
    const runner = fakeRunner(allToolsAnswers());
    const report = await runPreflight({ runner, fs: fakeFs(allTools), env, platform: 'linux' });
    // the recorded kind output is kind 0.6.0, older than the course's 0.20
    assert.deepEqual(
      report.tools.map((t) => [t.id, t.status, t.version]),
      [
        ['go', 'ok', '1.26.8'],
        ['git', 'ok', '2.39.5'],
        ['docker', 'ok', '28.2.2'],
        ['kubectl', 'ok', '1.32.4'],
        ['helm', 'ok', '3.14.2'],
        ['kind', 'outdated', '0.6.0'],
        ['minikube', 'ok', '1.36.0'],
        ['nats-server', 'ok', '2.9.10'],
        ['node', 'outdated', '20.19.2'],
        ['npm', 'outdated', '10.8.2'],
      ],
    );
    assert.equal(report.pathEntries, 2);
    assert.match(renderPreflightMarkdown(report), /7 of 10 tools are ready/);
  });

  it('says Go is missing and how to install it on each OS when it is not on PATH', async () => {
    const runner = fakeRunner({});
    const linux = await runPreflight({ runner, fs: fakeFs([]), env, platform: 'linux', only: ['go'] });
    const go = tool(linux, 'go');
    assert.equal(go.status, 'missing');
    assert.match(go.explanation, /not on the PATH, nor in the folders where its installers put it/);
    assert.deepEqual(
      go.install.options.map((o) => o.command),
      ['sudo snap install go --classic', 'brew install go', 'sudo apt install golang-go'],
    );
    assert.deepEqual(runner.calls, [], 'nothing is run for a tool that is not found');
    const md = renderPreflightMarkdown(linux);
    assert.match(md, /## Go: missing/);
    assert.match(md, /`sudo snap install go --classic`/);

    const mac = await runPreflight({ runner, fs: fakeFs([]), env, platform: 'darwin', only: ['go'] });
    assert.deepEqual(
      tool(mac, 'go').install.options.map((o) => o.command),
      ['brew install go'],
    );
    const win = await runPreflight({ runner, fs: fakeFs([]), env: { Path: 'C:\\Go\\bin' }, platform: 'win32', only: ['go'] });
    assert.deepEqual(
      tool(win, 'go').install.options.map((o) => o.command),
      ['winget install --id GoLang.Go -e'],
    );
  });

  it('uses Go installed off the PATH, in its standard place, and says where it is', async () => {
    const runner = fakeRunner({ 'go version': exited(fixture('go-version.linux.txt')) });
    const report = await runPreflight({ runner, fs: fakeFs(['/usr/local/go/bin/go']), env, platform: 'linux', only: ['go'] });
    const go = tool(report, 'go');
    assert.equal(go.status, 'ok', go.explanation);
    assert.equal(go.path, '/usr/local/go/bin/go');
    assert.equal(go.outsidePath, '/usr/local/go/bin');
    assert.match(go.explanation, /Found at \/usr\/local\/go\/bin\/go, in a folder that is not on the PATH .*the lab uses it from there/);
    assert.deepEqual(runner.calls, ['go version'], 'the Go found is run');
    const md = renderPreflightMarkdown(report);
    assert.match(md, /\| Go \| \*\*ready\*\* \| 1\.26\.8 \| 1\.26\.0\+ \| `\/usr\/local\/go\/bin\/go` \(not on PATH\) \|/);
    assert.match(md, /Found outside PATH, and used from there: Go in `\/usr\/local\/go\/bin`/);
    assert.doesNotMatch(md, /[\u2600-\u27bf\u{1f300}-\u{1faff}]/u, 'no emoji a font may lack');
  });

  it('names the setting when edgo.tools.go points at nothing', async () => {
    const report = await runPreflight({ runner: fakeRunner({}), fs: fakeFs(allTools), env, platform: 'linux', only: ['go'], toolPaths: { go: '/opt/go/bin/go' } });
    assert.equal(tool(report, 'go').status, 'missing');
    assert.match(tool(report, 'go').explanation, /edgo\.tools\.go says "\/opt\/go\/bin\/go"/);
  });

  it('uses the path from the setting, ~ included', async () => {
    const runner = fakeRunner({ 'go version': exited(fixture('go-version.linux.txt')) });
    const report = await runPreflight({ runner, fs: fakeFs(['/home/learner/sdk/go/bin/go']), env, platform: 'linux', only: ['go'], toolPaths: { go: '~/sdk/go/bin/go' } });
    assert.equal(tool(report, 'go').status, 'ok');
    assert.equal(tool(report, 'go').path, '/home/learner/sdk/go/bin/go');
  });

  it('checks Go against the go line of go.mod', async () => {
    const runner = fakeRunner({ 'go version': exited('go version go1.21.13 linux/amd64\n') });
    const report = await runPreflight({ runner, fs: fakeFs(allTools), env, platform: 'linux', only: ['go'], goMod: { goVersion: '1.22.3', file: 'order/go.mod' } });
    const go = tool(report, 'go');
    assert.equal(go.status, 'outdated');
    assert.equal(go.minVersion, '1.22.3');
    assert.match(go.explanation, /order\/go.mod needs Go 1.22.3 or later; you have 1.21.13/);
    assert.match(go.explanation, /GOTOOLCHAIN=auto/);
  });

  it('reports Docker installed but its engine not running (recorded output)', async () => {
    const runner = fakeRunner({
      'docker --version': exited(fixture('docker-version.linux.txt')),
      'docker info --format {{.ServerVersion}}': exited(fixture('docker-info-daemon-down.stdout.txt'), fixture('docker-info-daemon-down.stderr.txt'), 1),
    });
    const report = await runPreflight({ runner, fs: fakeFs(allTools), env, platform: 'linux', only: ['docker'] });
    const docker = tool(report, 'docker');
    assert.equal(docker.status, 'not-live');
    assert.equal(docker.live?.problem, 'daemon-down');
    assert.match(docker.explanation, /engine is not running/);
    assert.match(renderPreflightMarkdown(report), /## Docker: not ready/);
  });

  it('reports kubectl without a current context, without asking a server (recorded output)', async () => {
    const runner = fakeRunner({
      'kubectl version --client -o json': exited(fixture('kubectl-version-client.json')),
      'kubectl config current-context': exited(fixture('kubectl-current-context-unset.stdout.txt'), fixture('kubectl-current-context-unset.stderr.txt'), 1),
    });
    const report = await runPreflight({ runner, fs: fakeFs(allTools), env, platform: 'linux', only: ['kubectl'] });
    const kubectl = tool(report, 'kubectl');
    assert.equal(kubectl.status, 'not-live');
    assert.equal(kubectl.live?.problem, 'no-context');
    assert.match(kubectl.explanation, /kind create cluster/);
    assert.deepEqual(runner.calls, ['kubectl version --client -o json', 'kubectl config current-context']);
  });

  it('reports a context whose cluster does not answer (recorded output)', async () => {
    const runner = fakeRunner({
      'kubectl version --client -o json': exited(fixture('kubectl-version-client.json')),
      'kubectl config current-context': exited('kind-edgo\n'),
      'kubectl get --raw /readyz --request-timeout=5s': exited('', fixture('kubectl-readyz-refused.stderr.txt'), 1),
    });
    const report = await runPreflight({ runner, fs: fakeFs(allTools), env, platform: 'linux', only: ['kubectl'] });
    assert.equal(tool(report, 'kubectl').live?.problem, 'unreachable');
    assert.match(tool(report, 'kubectl').explanation, /context "kind-edgo" does not answer \(The connection to the server localhost:8080 was refused/);
  });

  it('reports a tool that exists but cannot be started, or prints no version', async () => {
    const runner = fakeRunner({
      'helm version --short': { exitCode: null, stdout: '', stderr: 'spawn /usr/bin/helm EACCES', notFound: true },
      'kind version': exited('weird\n'),
    });
    const report = await runPreflight({ runner, fs: fakeFs(allTools), env, platform: 'linux', only: ['helm', 'kind'] });
    assert.equal(tool(report, 'helm').status, 'missing');
    assert.match(tool(report, 'helm').explanation, /could not be run/);
    assert.equal(tool(report, 'kind').status, 'unknown-version');
  });
});

describe('liveness interpretation', () => {
  it('docker: permission denied on the socket is not "daemon down"', () => {
    const r = interpretDockerInfo(readExited('', 'permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock', 1));
    assert.equal(r.problem, 'permission');
    assert.match(r.message, /usermod -aG docker/);
  });

  it('docker: Docker Desktop on Windows not started', () => {
    const r = interpretDockerInfo(readExited('', 'error during connect: Get "http://%2F%2F.%2Fpipe%2FdockerDesktopLinuxEngine/v1.46/info": open //./pipe/dockerDesktopLinuxEngine: The system cannot find the file specified.', 1));
    assert.equal(r.problem, 'daemon-down');
  });

  it('kubectl: a timeout and a live cluster', () => {
    assert.equal(interpretReadyz({ kind: 'timeout', stdout: '', stderr: '' }, 'prod').problem, 'timeout');
    assert.equal(interpretReadyz(readExited('ok'), 'kind-edgo').live, true);
    assert.equal(interpretCurrentContext(readExited('minikube\n')).message, 'minikube');
  });
});
