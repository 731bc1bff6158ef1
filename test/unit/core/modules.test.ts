import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { courseModules, findModule } from '../../../src/core/modules';

describe('courseModules', () => {
  it('lists ten modules numbered 1 to 10 with two-digit slugs', () => {
    assert.equal(courseModules.length, 10);
    courseModules.forEach((m, i) => {
      assert.equal(m.number, i + 1);
      assert.match(m.slug, /^\d\d-[a-z-]+$/);
      assert.equal(m.walkthroughId, `edgo.module${m.slug.slice(0, 2)}`);
    });
  });

  it('finds a module by number, padded number, slug or bare name', () => {
    assert.equal(findModule(3)?.slug, '03-ddd');
    assert.equal(findModule('03')?.slug, '03-ddd');
    assert.equal(findModule('03-ddd')?.number, 3);
    assert.equal(findModule('capstone')?.number, 10);
    assert.equal(findModule('11'), undefined);
    assert.equal(findModule('nope'), undefined);
  });
});
