// package.json's walkthroughs are generated from walkthroughs/NN-slug/module.json:
// these tests fail when they are out of date, or when a step refers to a media
// file, a command or a completion event that does not exist.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { completionEvents, loadAllModules, walkthroughContributions, type LoadedModule } from '../../../src/core/checks';
import { findModule } from '../../../src/core/modules';
import { fixtureModules, repoRoot } from './helpers';

interface Step {
  id: string;
  description: string;
  media: { markdown?: string; image?: string | Record<string, string>; svg?: string };
  completionEvents: string[];
}
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  engines: { vscode: string };
  contributes: {
    commands: { command: string }[];
    walkthroughs?: { id: string; featuredFor?: string[]; steps: Step[] }[];
    views?: Record<string, { id: string }[]>;
    configuration?: { properties?: Record<string, unknown> } | { properties?: Record<string, unknown> }[];
  };
};
const walkthroughs = pkg.contributes.walkthroughs ?? [];
const contributedCommands = new Set(pkg.contributes.commands.map((c) => c.command));
/** VS Code's own commands a step may use. */
const builtInCommands = new Set([
  'workbench.action.openWalkthrough',
  'workbench.action.openSettings',
  'workbench.action.tasks.runTask',
  'workbench.action.terminal.new',
  'workbench.view.testing.focus',
  'workbench.view.extension.edgo-learning',
  'workbench.view.explorer',
  'workbench.extensions.search',
  'vscode.open',
  'vscode.openFolder',
  'markdown.showPreview',
  'markdown.showPreviewToSide',
  'git.clone',
  'workbench.trust.manage',
  'workbench.action.files.openFolder',
  'workbench.action.quickOpen',
  'workbench.action.showCommands',
]);
const views = new Set(
  Object.values(pkg.contributes.views ?? {})
    .flat()
    .map((v) => v.id),
);
const configs = [pkg.contributes.configuration ?? []].flat();
const settings = new Set(configs.flatMap((c) => Object.keys(c.properties ?? {})));
const allSteps = walkthroughs.flatMap((w) => w.steps.map((s) => ({ walkthrough: w.id, ...s })));

describe('walkthroughs in package.json', () => {
  it('are up to date with walkthroughs/*/module.json (else run npm run gen:walkthroughs)', () => {
    const loaded = loadAllModules(path.join(repoRoot, 'walkthroughs'));
    const broken = loaded.flatMap((m) => ('error' in m ? [m.error.message] : []));
    assert.deepEqual(broken, [], 'every module.json validates');
    const expected = walkthroughContributions(loaded as LoadedModule[]);
    assert.deepEqual(walkthroughs, JSON.parse(JSON.stringify(expected)), 'package.json is out of date: run npm run gen:walkthroughs');
  });

  it('need VS Code 1.86 or later, where completion events work', () => {
    const m = /(\d+)\.(\d+)/.exec(pkg.engines.vscode);
    assert.ok(m && (Number(m[1]) > 1 || Number(m[2]) >= 86), `engines.vscode ${pkg.engines.vscode}`);
  });

  it('feature module 1 for Go workspaces', () => {
    const first = walkthroughs.find((w) => w.id === 'edgo.module01');
    assert.ok(first, 'package.json has no walkthrough edgo.module01');
    assert.ok(first.featuredFor?.includes('go.mod'));
  });

  it('point every step at media files that exist', () => {
    const missing: string[] = [];
    for (const s of allSteps) {
      const files = [s.media.markdown, s.media.svg, ...(typeof s.media.image === 'string' ? [s.media.image] : Object.values(s.media.image ?? {}))].filter((f): f is string => !!f);
      if (files.length === 0) missing.push(`${s.walkthrough}#${s.id}: no media`);
      for (const f of files) if (!fs.existsSync(path.join(repoRoot, f))) missing.push(`${s.walkthrough}#${s.id}: ${f}`);
    }
    assert.deepEqual(missing, []);
  });

  it('link only to commands that exist, with JSON arguments', () => {
    const bad: string[] = [];
    for (const s of allSteps) {
      for (const m of s.description.matchAll(/\]\(command:([\w.-]+)(?:\?([^)\s]*))?\)/g)) {
        const [, command = '', args] = m;
        if (!contributedCommands.has(command) && !builtInCommands.has(command)) bad.push(`${s.walkthrough}#${s.id}: command:${command} is not contributed`);
        if (args) {
          try {
            JSON.parse(decodeURIComponent(args));
          } catch {
            bad.push(`${s.walkthrough}#${s.id}: the arguments of command:${command} are not URI-encoded JSON: ${args}`);
          }
        }
      }
    }
    assert.deepEqual(bad, []);
  });

  it('complete on events that can happen', () => {
    const bad: string[] = [];
    const modules = loadAllModules(path.join(repoRoot, 'walkthroughs'));
    for (const s of allSteps) {
      if (s.completionEvents.length === 0) bad.push(`${s.walkthrough}#${s.id}: no completion event`);
      const nn = s.walkthrough.slice(-2);
      const loaded = modules.find((m) => m.module.walkthroughId === s.walkthrough);
      const spec = loaded && !('error' in loaded) ? loaded.spec : undefined;
      for (const e of s.completionEvents) {
        const [kind, ...rest] = e.split(':');
        const value = rest.join(':');
        const ok =
          e === 'onStepSelected' ||
          (kind === 'onCommand' && (contributedCommands.has(value) || builtInCommands.has(value))) ||
          (kind === 'onView' && views.has(value)) ||
          (kind === 'onSettingChanged' && settings.has(value)) ||
          (kind === 'onLink' && /^https?:\/\//.test(value)) ||
          (kind === 'onContext' && value.startsWith(`edgo.check.${nn}.`) && !!spec?.checks.some((c) => `edgo.check.${nn}.${c.id}` === value)) ||
          (kind === 'onContext' && value.startsWith(`edgo.task.${nn}.`) && !!spec?.steps.some((st) => st.completion.startsWith('task:')));
        if (!ok) bad.push(`${s.walkthrough}#${s.id}: ${e}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('keep actions out of media Markdown, where VS Code strips command links (microsoft/vscode#135505)', () => {
    const bad = allSteps.filter((s) => s.media.markdown && /\]\(command:/.test(fs.readFileSync(path.join(repoRoot, s.media.markdown), 'utf8'))).map((s) => `${s.walkthrough}#${s.id}: ${s.media.markdown}`);
    assert.deepEqual(bad, []);
  });
});

describe('completion events from module.json', () => {
  it('follow VS Code semantics for read, command, check and task steps', () => {
    const loaded = loadAllModules(fixtureModules)[0];
    assert.ok(loaded && !('error' in loaded));
    const m = findModule(1)!;
    assert.deepEqual(completionEvents(m, loaded.spec, 'intro'), ['onStepSelected']);
    assert.deepEqual(completionEvents(m, loaded.spec, 'scaffold'), ['onCommand:edgo.scaffold']);
    // Its own check:tests, plus the build check that names the step.
    assert.deepEqual(completionEvents(m, loaded.spec, 'users-endpoint'), ['onContext:edgo.check.01.tests', 'onContext:edgo.check.01.build']);
    assert.deepEqual(completionEvents(m, loaded.spec, 'notes'), ['onContext:edgo.task.01.run-the-server']);
  });

  it('write media paths from the package root and prefix the title', () => {
    const loaded = loadAllModules(fixtureModules) as LoadedModule[];
    const [w] = walkthroughContributions(loaded);
    assert.equal(w?.id, 'edgo.module01');
    assert.equal(w?.title, 'Event-Driven Go 01: Fixture: Go and HTTP foundations');
    assert.deepEqual(w?.steps[0]?.media, { markdown: 'walkthroughs/01-go-foundations/01-intro.md' });
    assert.deepEqual(w?.featuredFor, ['go.mod', '**/*.go']);
  });
});
