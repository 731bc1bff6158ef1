/**
 * The JSON Schema of `module.json`, built from the check kinds' declared `fields`,
 * so VS Code completes and checks a module's checks as they are typed
 * (`schemas/module.schema.json`, contributed with `jsonValidation`; regenerate
 * with `npm run gen:module-schema`).
 */
import { fieldsJsonSchema } from './checkFields';
import { commonCheckFields } from './defineCheckKind';
import type { CheckKind } from './types';

type Schema = Record<string, unknown>;

const text = (description: string): Schema => ({ type: 'string', minLength: 1, description });
const texts = (description: string): Schema => ({ type: 'array', items: { type: 'string', minLength: 1 }, description });

const step: Schema = {
  type: 'object',
  required: ['id', 'title', 'description', 'media', 'completion'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$', description: 'kebab-case, unique in the module' },
    title: text('The step title in the walkthrough.'),
    description: { type: 'string', description: 'Shown under the title; may hold [command links](command:edgo.check).' },
    media: { type: 'object', description: '{ "markdown": "file.md" } or { "image": "media/x.svg", "altText": "..." }' },
    completion: { type: 'string', pattern: '^(read|(command|check|task):\\S.*)$', description: '"read", "command:<id>", "check:<checkId>" or "task:<label>"' },
  },
};

export function moduleJsonSchema(kinds: readonly CheckKind[]): Schema {
  const common: Schema = {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$', description: 'kebab-case, unique in the module' },
    kind: { enum: kinds.map((k) => k.kind), description: 'The check kind (walkthroughs/README.md lists them).' },
    title: text('What passes, as the learner reads it in the Test Explorer.'),
    step: text('A step this check completes when it passes.'),
    hints: texts('Shown one at a time: the first on the first failure, the next on the next.'),
    solutionFiles: texts('Files "Compare with the Reference Solution" offers after two failures.'),
  };
  const check: Schema = {
    type: 'object',
    required: ['id', 'kind', 'title'],
    properties: common,
    allOf: kinds.map((k) => ({
      if: { properties: { kind: { const: k.kind } } },
      then: { description: k.summary, ...(k.declaredFields ? fieldsJsonSchema(k.declaredFields, commonCheckFields) : k.fields ? { properties: k.fields } : {}) },
    })),
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://edgo.dev/schemas/module.schema.json',
    title: 'Event-Driven Go Lab module.json',
    type: 'object',
    required: ['title', 'description', 'steps'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      title: text('The module title.'),
      description: { type: 'string' },
      steps: { type: 'array', minItems: 1, items: step },
      base: text("Another module whose solution this module's starter and solution are laid over."),
      starter: text('The starter folder the learner scaffolds.'),
      solution: text('The reference solution folder.'),
      starterFrom: text('Another module whose solution the starter is laid over (the learner may start from their own folder of it instead).'),
      checkTests: { ...texts("Globs of the starter's _test.go files that decide the Go checks (laid over the learner's folder with go test -overlay)."), minItems: 1 },
      checks: { type: 'array', items: check },
      expect: {
        type: 'object',
        properties: {
          starterFails: texts('Check ids a fresh starter must fail.'),
          starterMessages: { type: 'object', additionalProperties: { type: 'string' }, description: 'Text each starter failure must contain.' },
        },
      },
    },
  };
}
