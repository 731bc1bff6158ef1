import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { exposedPorts, imageNameFromFolder } from '../../../src/core/tasks/dockerfile';
import { parseModuleMarker } from '../../../src/core/tasks/folderScan';
import { parseGoMod, usesNats } from '../../../src/core/tasks/goMod';
import { parseManifestObjects } from '../../../src/core/tasks/k8sManifests';

describe('parseGoMod', () => {
  it('reads module, go, toolchain and requires (block and single line, comments, indirect)', () => {
    const info = parseGoMod(
      [
        'module example.com/order // the order service',
        '',
        'go 1.22.3',
        'toolchain go1.23.1',
        'require github.com/google/uuid v1.6.0',
        'require (',
        '\tgithub.com/nats-io/nats.go v1.37.0',
        '\tgolang.org/x/sys v0.20.0 // indirect',
        ')',
      ].join('\n'),
    );
    assert.equal(info.modulePath, 'example.com/order');
    assert.equal(info.goVersion, '1.22.3');
    assert.equal(info.toolchain, '1.23.1');
    assert.deepEqual(info.requires, ['github.com/google/uuid', 'github.com/nats-io/nats.go', 'golang.org/x/sys']);
    assert.equal(usesNats(info), true);
  });

  it('yields what it can from a half-typed file', () => {
    const info = parseGoMod('module\ngo\nrequire (\n');
    assert.equal(info.modulePath, undefined);
    assert.equal(info.goVersion, undefined);
    assert.equal(usesNats(info), false);
  });
});

describe('exposedPorts', () => {
  it("takes the last stage's EXPOSE lines, with protocols and continuations, skipping variables", () => {
    const text = 'FROM golang AS build\nEXPOSE 1234\nFROM alpine\n# EXPOSE 1\nEXPOSE 8080 \\\n  9090/UDP $PORT\nEXPOSE 8080\n';
    assert.deepEqual(exposedPorts(text), [
      { port: 8080, protocol: 'tcp' },
      { port: 9090, protocol: 'udp' },
    ]);
  });
});

describe('imageNameFromFolder', () => {
  it('makes a valid lowercase repository name', () => {
    assert.equal(imageNameFromFolder('Order Service'), 'order-service');
    assert.equal(imageNameFromFolder('__Ünïcode__'), 'n-code');
    assert.equal(imageNameFromFolder('!!!'), 'app');
  });
});

describe('parseManifestObjects', () => {
  it('reads every document and List items, Service ports and namespaces', () => {
    const objects = parseManifestObjects(
      [
        'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: { name: a, namespace: shop }\n',
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports: [{ port: 80 }, { port: "x" }]\n',
        '# only a comment\n',
      ].join('---\n'),
    );
    assert.deepEqual(objects, [
      { kind: 'Deployment', name: 'a', namespace: 'shop' },
      { kind: 'Service', name: 's', ports: [80] },
    ]);
  });

  it('returns nothing for YAML that is broken or not a manifest', () => {
    assert.deepEqual(parseManifestObjects('kind: [unclosed\n'), []);
    assert.deepEqual(parseManifestObjects('name: x\n'), []);
  });
});

describe('parseModuleMarker', () => {
  it('accepts a number or a slug, rejects the rest', () => {
    assert.equal(parseModuleMarker('{"module": 5}'), 5);
    assert.equal(parseModuleMarker('{"module": "07-kubernetes-advanced"}'), 7);
    assert.equal(parseModuleMarker('{"module": 11}'), undefined);
    assert.equal(parseModuleMarker('not json'), undefined);
    assert.equal(parseModuleMarker(undefined), undefined);
  });
});
