import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseKubectlVersion, toolSpec } from '../../../src/core/preflight/toolSpecs';
import { compareVersions, isAtLeast } from '../../../src/core/preflight/version';
import { fixture } from './fakes';

describe('version parsing of recorded tool output', () => {
  const cases: [Parameters<typeof toolSpec>[0], string, string][] = [
    ['go', fixture('go-version.linux.txt'), '1.26.8'],
    ['go', 'go version go1.22rc1 darwin/arm64\n', '1.22rc1'],
    ['go', 'go version devel go1.24-5a2f6f2 Tue Jun 4 linux/amd64\n', '1.24'],
    ['git', fixture('git-version.linux.txt'), '2.39.5'],
    ['git', 'git version 2.45.1.windows.1\n', '2.45.1'],
    ['docker', fixture('docker-version.linux.txt'), '28.2.2'],
    ['kubectl', fixture('kubectl-version-client.json'), '1.32.4'],
    ['helm', fixture('helm-version-v3.txt'), '3.2.1'],
    ['helm', fixture('helm-version-v4-unreleased.txt'), '4.0'],
    ['helm', 'v3.14.2+gc309b6f\n', '3.14.2'],
    ['kind', fixture('kind-version.txt'), '0.6.0'],
    ['minikube', fixture('minikube-version.txt'), '1.36.0'],
    ['nats-server', fixture('nats-server-version.linux.txt'), '2.9.10'],
  ];
  for (const [tool, output, expected] of cases) {
    it(`${tool}: ${output.trim().split('\n')[0]?.slice(0, 60)}`, () => {
      assert.equal(toolSpec(tool).parseVersion(output, ''), expected);
    });
  }

  it('kubectl: the text form of older clients', () => {
    assert.equal(parseKubectlVersion('Client Version: v1.28.2\nKustomize Version: v5.0.4-0.20230601165947-6ce0bf390ce3\n'), '1.28.2');
    assert.equal(parseKubectlVersion('Client Version: version.Info{Major:"1", Minor:"14", GitVersion:"v1.14.1", GitCommit:"b7394102"}'), '1.14.1');
  });

  it('returns undefined for output that holds no version', () => {
    assert.equal(toolSpec('go').parseVersion('bash: go: command not found', ''), undefined);
    assert.equal(toolSpec('kubectl').parseVersion('error: unknown flag: --client', ''), undefined);
  });
});

describe('compareVersions', () => {
  it('compares numeric parts, missing parts as 0, prereleases first', () => {
    assert.equal(compareVersions('1.26.8', '1.22'), 1);
    assert.equal(compareVersions('1.22', '1.22.0'), 0);
    assert.equal(compareVersions('1.9', '1.10'), -1);
    assert.equal(compareVersions('1.22rc1', '1.22'), -1);
    assert.equal(isAtLeast('2.9.10', '2.9'), true);
    assert.equal(isAtLeast('1.21.13', '1.22'), false);
  });
});
