/**
 * The capstone's assets agree with each other, without running Go: the module
 * loads, every metric the alert rules and the dashboard query is one the Go
 * services define, the events match the Go contracts and validate, the
 * starter's workflow is valid but incomplete, and the starter differs from the
 * solution only where its TODOs are.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { loadModule } from '../../../src/core/checks';
import { validateWorkflowText } from '../../../src/core/checks/kinds/workflow';
import { validateText } from '../../../src/core/events/validate';
import { repoRoot } from '../checks/helpers';

const capstone = path.join(repoRoot, 'walkthroughs', '10-capstone');
const solution = path.join(capstone, 'solution');
const starter = path.join(capstone, 'starter');
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');
const chartFiles = 'deploy/helm/booking-system/files';

/** Metric names the Go code registers (`Name: "..."`), with a histogram's series suffixes. */
function goMetricNames(): Set<string> {
  const src = read(solution, 'internal/platform/observability/metrics.go');
  const names = new Set<string>();
  for (const m of src.matchAll(/Name:\s*"([a-z_:]+)"/g)) {
    const name = m[1] ?? '';
    names.add(name);
    if (/_seconds$/.test(name)) for (const s of ['_bucket', '_count', '_sum']) names.add(name + s);
  }
  return names;
}

const promqlWords = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset']);

/** Metric names a PromQL expression reads: identifiers that are not functions, keywords, labels or strings. */
function metricsIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\b(by|without|on|ignoring)\s*\([^)]*\)/g, '')
    .replace(/\$__\w+/g, '');
  return [...bare.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)].filter((m) => !m[2] && !promqlWords.has(m[1] ?? '')).map((m) => m[1] ?? '');
}

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

describe('capstone module', () => {
  it('loads: steps point at existing Markdown, checks are well-formed', () => {
    const loaded = loadModule(path.join(repoRoot, 'walkthroughs'), '10-capstone');
    const ids = loaded.spec.steps.map((s) => s.id);
    for (const id of ['design', 'build', 'test', 'deploy', 'observe', 'review']) assert.ok(ids.includes(id), `step ${id}`);
    const checks = new Set(loaded.spec.checks.map((c) => c.id));
    for (const id of loaded.spec.expect.starterFails) assert.ok(checks.has(id), `starterFails names unknown check ${id}`);
  });

  it('ties to a step only checks the starter fails, so no step completes before its work is done', () => {
    const loaded = loadModule(path.join(repoRoot, 'walkthroughs'), '10-capstone');
    // An event-seen check watches the learner's running services: the starter's services
    // publish too, and watching them is that step's whole work, so it may pass on the starter.
    const watching = new Set(loaded.spec.checks.filter((c) => c.kind === 'event-seen').map((c) => c.id));
    assert.deepEqual([...watching], ['booking-seen']);
    const early = loaded.spec.checks.filter((c) => c.step !== undefined && !watching.has(c.id) && !loaded.spec.expect.starterFails.includes(c.id)).map((c) => c.id);
    assert.deepEqual(early, []);
    for (const s of loaded.spec.steps.filter((x) => x.completion.startsWith('check:') && !watching.has(x.completion.slice(6)))) {
      assert.ok(loaded.spec.expect.starterFails.includes(s.completion.slice(6)), `step ${s.id} completes on a check the starter already passes`);
    }
  });
});

describe('capstone observability assets', () => {
  const known = goMetricNames();
  const rules = (parse(read(solution, `${chartFiles}/slo-rules.yaml`)) as { groups: { name: string; rules: Rule[] }[] }).groups.flatMap((g) => g.rules);
  const recorded = new Set(rules.flatMap((r) => (r.record ? [r.record] : [])));

  it('reads metric names out of PromQL, bare or with selectors', () => {
    assert.deepEqual(metricsIn('sum by (le) (rate(http_request_duration_seconds_bucket{route="POST /bookings"}[5m]))'), ['http_request_duration_seconds_bucket']);
    assert.deepEqual(metricsIn('slo:x:ratio_rate1h > (14.4 * 0.005) and slo:x:ratio_rate5m > 0.07'), ['slo:x:ratio_rate1h', 'slo:x:ratio_rate5m']);
  });

  it('the Go services define the metrics the issue names', () => {
    for (const n of ['http_requests_total', 'http_request_duration_seconds', 'events_published_total', 'events_consumed_total', 'events_failed_total']) assert.ok(known.has(n), n);
  });

  it('every rule reads only metrics the services expose or rules record', () => {
    for (const r of rules) {
      for (const m of metricsIn(r.expr)) assert.ok(known.has(m) || recorded.has(m), `${r.record ?? r.alert}: unknown metric ${m}`);
    }
  });

  it('has alerts for both SLOs, each with severity, summary and runbook', () => {
    const alerts = rules.filter((r) => r.alert);
    assert.ok(alerts.some((a) => a.labels?.slo === 'booking-success-rate'));
    assert.ok(alerts.some((a) => a.labels?.slo === 'booking-latency' && /0\.3/.test(a.expr)));
    for (const a of alerts) {
      assert.ok(a.labels?.severity, `${a.alert} has no severity`);
      assert.ok(a.annotations?.summary && a.annotations.runbook, `${a.alert} lacks summary or runbook`);
      if (a.for) assert.match(a.for, /^\d+[smh]$/);
    }
  });

  it('the dashboard queries only known metrics, with unique panel ids on a 24-column grid', () => {
    const dash = JSON.parse(read(solution, `${chartFiles}/grafana-dashboard.json`)) as { panels: { id: number; type: string; gridPos: { x: number; w: number }; targets?: { expr: string }[] }[] };
    const ids = dash.panels.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const p of dash.panels) {
      assert.ok(p.gridPos.x + p.gridPos.w <= 24, `panel ${p.id} overflows the grid`);
      for (const t of p.targets ?? []) {
        for (const m of metricsIn(t.expr)) assert.ok(known.has(m) || recorded.has(m), `panel ${p.id}: unknown metric ${m}`);
      }
    }
    assert.ok(dash.panels.some((p) => p.type !== 'row' && (p.targets ?? []).some((t) => t.expr.includes('events_failed_total'))));
  });

  it('docs/slos.md names the SLIs the rules compute', () => {
    const doc = read(solution, 'docs/slos.md');
    assert.match(doc, /## Booking success rate/);
    assert.match(doc, /## Booking latency/);
    assert.match(doc, /99\.5 %/);
    assert.match(doc, /300 ms/);
  });
});

describe('capstone contracts', () => {
  const contracts = read(solution, 'internal/contracts/events.go');
  const goTypes = new Set([...contracts.matchAll(/=\s*"([a-z]+\.[a-z]+)"/g)].map((m) => m[1] ?? ''));
  const eventFiles = fs.readdirSync(path.join(solution, 'events')).filter((f) => f.endsWith('.yaml'));

  it('has one valid event YAML per Go event type, with producers and consumers that are services', () => {
    assert.equal(eventFiles.length, 5);
    const cmds = new Set(fs.readdirSync(path.join(solution, 'cmd')).map((c) => `${c}-service`));
    const names = new Set<string>();
    for (const f of eventFiles) {
      const text = read(solution, `events/${f}`);
      const diags = validateText(`events/${f}`, text)?.diagnostics ?? [];
      assert.deepEqual(
        diags.filter((d) => d.severity === 'error'),
        [],
        f,
      );
      const ev = parse(text) as { name: string; producers: string[]; consumers: string[]; metadata: { type: string } };
      names.add(ev.name);
      assert.equal(ev.metadata.type, ev.name);
      for (const s of [...ev.producers, ...ev.consumers]) assert.ok(cmds.has(s), `${f}: ${s} is not one of ${[...cmds].join(', ')}`);
    }
    assert.deepEqual([...names].sort(), [...goTypes].sort());
  });
});

describe('capstone starter', () => {
  it('has a valid workflow that lacks the delivery jobs', () => {
    const text = read(starter, '.github/workflows/ci.yml');
    assert.deepEqual(validateWorkflowText(text), []);
    const codes = validateWorkflowText(text, { requireUses: ['docker/build-push-action'], requireRun: ['helm upgrade --install'] }).map((d) => d.code);
    assert.deepEqual(codes, ['workflow/missing-action', 'workflow/missing-command']);
  });

  it('differs from the solution only in the files with TODOs', () => {
    const goFiles = (dir: string, rel = ''): string[] =>
      fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
        const r = rel ? `${rel}/${e.name}` : e.name;
        return e.isDirectory() ? goFiles(dir, r) : e.name.endsWith('.go') || e.name === 'go.mod' || e.name === 'go.sum' ? [r] : [];
      });
    const files = goFiles(solution);
    assert.deepEqual(goFiles(starter).sort(), [...files].sort());
    const differing = files.filter((f) => read(solution, f) !== read(starter, f)).sort();
    assert.deepEqual(differing, ['internal/booking/app/service.go', 'internal/notification/app/service.go']);
    for (const f of differing) assert.match(read(starter, f), /TODO\((compensation|idempotency)\)/);
  });
});
