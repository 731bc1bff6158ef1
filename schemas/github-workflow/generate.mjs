// Writes schemas/github-workflow.schema.json: the GitHub Actions workflow keys the
// course and its checks rely on (triggers, jobs, steps, permissions, concurrency,
// strategy/matrix, services, reusable workflows), written here from GitHub's
// workflow syntax. Closed objects, so a misspelt key is named at its line.
// Run `node schemas/github-workflow/generate.mjs` after editing; the JSON is committed
// and test/unit/checks/kinds/workflowSchema.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const expr = { type: 'string', pattern: '^\\$\\{\\{(.|[\\r\\n])*\\}\\}$' };
const or = (...alts) => ({ oneOf: alts });
const strs = { type: 'array', items: { type: 'string' }, minItems: 1 };
const strOrStrs = or({ type: 'string' }, strs);
const scalar = { type: ['string', 'number', 'boolean'] };
const boolOrExpr = or({ type: 'boolean' }, expr);
const numOrExpr = or({ type: 'number' }, expr);
const closed = (properties, extra = {}) => ({ type: 'object', properties, additionalProperties: false, ...extra });
const mapOf = (value) => ({ type: 'object', additionalProperties: value });
const nullable = (schema) => or({ type: 'null' }, schema);

const level = { enum: ['read', 'write', 'none'] };
const scopes = ['actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models', 'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses'];
const idTokenLevel = { enum: ['write', 'none'] };
const permissions = or({ type: 'string', enum: ['read-all', 'write-all'] }, closed(Object.fromEntries(scopes.map((s) => [s, s === 'id-token' ? idTokenLevel : s === 'models' ? { enum: ['read', 'none'] } : level]))));
const concurrency = or({ type: 'string' }, closed({ group: { type: 'string' }, 'cancel-in-progress': boolOrExpr }, { required: ['group'] }));
const env = or(mapOf(scalar), expr);
const defaults = closed({ run: closed({ shell: { type: 'string' }, 'working-directory': { type: 'string' } }) });

const types = strOrStrs;
const refFilters = { branches: strOrStrs, 'branches-ignore': strOrStrs, tags: strOrStrs, 'tags-ignore': strOrStrs, paths: strOrStrs, 'paths-ignore': strOrStrs };
const pick = (o, keys) => Object.fromEntries(keys.map((k) => [k, o[k]]));
const typed = nullable(closed({ types }));
const prFilters = nullable(closed({ types, ...pick(refFilters, ['branches', 'branches-ignore', 'paths', 'paths-ignore']) }));
const inputType = (kinds) => ({ enum: kinds });
const callInput = closed({ description: { type: 'string' }, required: { type: 'boolean' }, default: scalar, type: inputType(['string', 'boolean', 'number']) }, { required: ['type'] });
const dispatchInput = closed({
  description: { type: 'string' },
  required: { type: 'boolean' },
  default: scalar,
  deprecationMessage: { type: 'string' },
  type: inputType(['string', 'boolean', 'choice', 'number', 'environment']),
  options: strs,
});
const inputName = '^[A-Za-z_][A-Za-z0-9_-]*$';
const events = {
  branch_protection_rule: typed,
  check_run: typed,
  check_suite: typed,
  create: { type: 'null' },
  delete: { type: 'null' },
  deployment: { type: 'null' },
  deployment_status: { type: 'null' },
  discussion: typed,
  discussion_comment: typed,
  fork: { type: 'null' },
  gollum: { type: 'null' },
  issue_comment: typed,
  issues: typed,
  label: typed,
  merge_group: typed,
  milestone: typed,
  page_build: { type: 'null' },
  project: typed,
  project_card: typed,
  project_column: typed,
  public: { type: 'null' },
  pull_request: prFilters,
  pull_request_review: typed,
  pull_request_review_comment: typed,
  pull_request_target: prFilters,
  push: nullable(closed(refFilters)),
  registry_package: typed,
  release: typed,
  repository_dispatch: typed,
  schedule: { type: 'array', minItems: 1, items: closed({ cron: { type: 'string' }, timezone: { type: 'string' } }, { required: ['cron'] }) },
  status: { type: 'null' },
  watch: typed,
  workflow_call: nullable(
    closed({
      inputs: { type: 'object', propertyNames: { pattern: inputName }, additionalProperties: callInput },
      outputs: mapOf(closed({ description: { type: 'string' }, value: { type: 'string' } }, { required: ['value'] })),
      secrets: mapOf(nullable(closed({ description: { type: 'string' }, required: { type: 'boolean' } }))),
    }),
  ),
  workflow_dispatch: nullable(closed({ inputs: { type: 'object', propertyNames: { pattern: inputName }, additionalProperties: dispatchInput } })),
  workflow_run: nullable(closed({ workflows: strOrStrs, types, ...pick(refFilters, ['branches', 'branches-ignore']) })),
};
// `type` too: a map given where a name belongs then fails this branch by kind, so the map's own error is the one reported.
const eventName = { type: 'string', enum: Object.keys(events) };
const on = or(eventName, { type: 'array', items: eventName, minItems: 1 }, closed(events, { minProperties: 1 }));

const container = closed(
  {
    image: { type: 'string' },
    credentials: closed({ username: { type: 'string' }, password: { type: 'string' } }),
    env: mapOf(scalar),
    ports: { type: 'array', items: { type: ['string', 'number'] } },
    volumes: strs,
    options: { type: 'string' },
  },
  { required: ['image'] },
);
const matrixValues = or({ type: 'array' }, expr);
const matrix = or(expr, {
  type: 'object',
  minProperties: 1,
  properties: { include: or({ type: 'array', items: { type: 'object' } }, expr), exclude: or({ type: 'array', items: { type: 'object' } }, expr) },
  additionalProperties: matrixValues,
});
const strategy = closed({ matrix, 'fail-fast': boolOrExpr, 'max-parallel': numOrExpr }, { required: ['matrix'] });
const needs = strOrStrs;
const condition = { type: ['string', 'boolean', 'number'] };
const step = closed(
  {
    id: { type: 'string' },
    if: condition,
    name: { type: 'string' },
    uses: { type: 'string' },
    run: { type: 'string' },
    shell: { type: 'string' },
    'working-directory': { type: 'string' },
    with: or(mapOf(scalar), expr),
    env,
    'continue-on-error': boolOrExpr,
    'timeout-minutes': numOrExpr,
  },
  { oneOf: [{ required: ['uses'] }, { required: ['run'] }] },
);
const runsOn = or({ type: 'string' }, strs, closed({ group: { type: 'string' }, labels: strOrStrs }));
const environment = or({ type: 'string' }, closed({ name: { type: 'string' }, url: { type: 'string' }, deployment: boolOrExpr }, { required: ['name'] }));
const normalJob = closed(
  {
    name: { type: 'string' },
    needs,
    permissions,
    'runs-on': runsOn,
    environment,
    concurrency,
    outputs: mapOf({ type: 'string' }),
    env,
    defaults,
    if: condition,
    steps: { type: 'array', items: step, minItems: 1 },
    'timeout-minutes': numOrExpr,
    strategy,
    'continue-on-error': boolOrExpr,
    container: or({ type: 'string' }, container),
    services: mapOf(container),
  },
  { required: ['runs-on'] },
);
const reusableJob = closed(
  {
    name: { type: 'string' },
    needs,
    permissions,
    if: condition,
    uses: { type: 'string' },
    with: or(mapOf(scalar), expr),
    secrets: or({ const: 'inherit' }, mapOf(scalar)),
    strategy,
    concurrency,
  },
  { required: ['uses'] },
);

/** The workflow schema as an object (the committed JSON is this, pretty-printed). */
export const workflowSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://edgo-lab.github.io/schemas/github-workflow.schema.json',
  $comment: 'Written for Event-Driven Go Lab from GitHub Actions workflow syntax: the keys the course and its checks use. Generated by schemas/github-workflow/generate.mjs.',
  title: 'GitHub Actions workflow (the keys this course checks)',
  ...closed(
    {
      name: { type: 'string' },
      'run-name': { type: 'string' },
      on,
      env: mapOf(scalar),
      defaults,
      concurrency,
      permissions,
      jobs: { type: 'object', minProperties: 1, propertyNames: { pattern: '^[_A-Za-z][A-Za-z0-9_-]*$' }, additionalProperties: or(normalJob, reusableJob) },
    },
    { required: ['on', 'jobs'] },
  ),
};

const here = dirname(fileURLToPath(import.meta.url));
export const workflowSchemaPath = join(here, '..', 'github-workflow.schema.json');
export const workflowSchemaText = () => `${JSON.stringify(workflowSchema, null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(workflowSchemaPath, workflowSchemaText());
