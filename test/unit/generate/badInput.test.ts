import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { planAsyncApi } from '../../../src/core/generate/asyncapi/index';
import { planCatalog } from '../../../src/core/generate/catalog/index';
import { planDocs } from '../../../src/core/generate/docs/index';
import { MemoryFs } from './memoryFs';
import { applyPlan } from '../../../src/core/generate/plan';
import { loadWorkspace, subjectOf } from '../../../src/core/generate/workspace';
import { readRoutes } from '../../../src/core/generate/goSource';

describe('generators on bad input', () => {
  it('never writes outside the output folder, whatever the event name or subject', async () => {
    const fs = new MemoryFs({
      '/ws/events/a.yaml': 'name: "../../../etc/passwd"\nversion: 1.0.0\nproducers: [x]\npayload: { a: string }\n',
      '/ws/events/b.yaml': 'name: ok.event\nmetadata: { subject: "../../outside/x" }\nproducers: [x]\n',
    });
    const input = await loadWorkspace(fs, '/ws');
    for (const plan of [await planCatalog(input, fs, '/ws/eventcatalog'), await planAsyncApi(input, fs, '/ws/asyncapi'), await planDocs(input, fs, '/ws')]) {
      await applyPlan(fs, plan);
    }
    const outside = [...fs.files.keys()].filter((p) => !/^\/ws\/(events|eventcatalog|asyncapi|docs)\/|^\/ws\/README\.md$/.test(p));
    assert.deepEqual(outside, []);
    assert.ok([...fs.files.keys()].every((p) => !p.includes('..')));
    assert.equal(subjectOf({ name: 'a/b c', metadata: {} }), 'a-b-c');
    assert.equal(subjectOf({ name: '...', metadata: {} }), 'events');
  });

  it('turns broken, binary, empty and odd files into warnings, not crashes', async () => {
    const fs = new MemoryFs({
      '/ws/events/broken.yaml': 'name: [unclosed\n  - x: {\n',
      '/ws/events/binary.yaml': '\u0000\u0001\u0002PNG\u0000',
      '/ws/events/empty.yaml': '',
      '/ws/events/list.yaml': '- just\n- a list\n',
      '/ws/events/version.yaml': 'name: shipped\nversion: latest\npayload: { $ref: ./missing.json }\n',
      '/ws/events/z-twice.yaml': 'name: shipped\n',
      '/ws/events/symbols.yaml': 'name: "!!!"\n',
    });
    const input = await loadWorkspace(fs, '/ws');
    assert.deepEqual(
      input.events.map((e) => `${e.name}@${e.version}`),
      ['shipped@1.0.0'],
    );
    const w = input.warnings.join('\n');
    assert.match(w, /broken\.yaml: no event/);
    assert.match(w, /binary\.yaml: no event/);
    assert.match(w, /version "latest", not semver/);
    assert.match(w, /payload \$ref \.\/missing\.json could not be read/);
    assert.match(w, /z-twice\.yaml: event shipped is defined twice/);
    assert.match(w, /"!!!" has no letters or digits/);
    const plan = await planCatalog(input, fs, '/ws/eventcatalog');
    assert.ok(plan.changes.some((c) => c.path === 'events/shipped/index.mdx'));
  });

  it('reads routes only from real HandleFunc calls', () => {
    const src = [
      'package x',
      '// mux.HandleFunc("GET /commented", h)',
      '/* mux.HandleFunc("GET /block", h) */',
      's := "mux.HandleFunc(\\"GET /in-string\\", h)"',
      'mux.HandleFunc("PUT /orders/{id}", h.put)',
      'http.Handle("/static/", fileServer)',
      'mux.HandleFunc("GET example.com/host", h.host)',
    ].join('\n');
    assert.deepEqual(
      readRoutes(src, 'x.go').map((r) => `${r.method} ${r.path} ${r.handler} :${r.line}`),
      ['PUT /orders/{id} h.put :5', 'ANY /static/ fileServer :6', 'GET /host h.host :7'],
    );
  });
});
