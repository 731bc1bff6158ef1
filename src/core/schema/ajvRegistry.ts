/**
 * The one Ajv registry of the project: every JSON Schema (event files, course
 * catalogs, EventCatalog pages, learners' linked schemas, GitHub workflows,
 * Kubernetes manifests) is compiled by one of these instances, each created on
 * first use with the options below, so every kind reports schema errors alike
 * (all errors, verbose for messages, unknown keywords tolerated).
 */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * - `draft-07`: our bundled schemas, the workflow schema, learners' draft-04/06/07 schemas; formats checked.
 * - `2020-12`: learners' 2019-09 and 2020-12 schemas; formats checked.
 * - `2020-12-no-formats`: Kubernetes' schemas, whose own formats (`int-or-string`, `int64`) Ajv does not know.
 */
export type AjvFlavour = 'draft-07' | '2020-12' | '2020-12-no-formats';

const common = { allErrors: true, verbose: true, strict: false, allowUnionTypes: true } as const;
const instances = new Map<AjvFlavour, Ajv>();

export function ajvFor(flavour: AjvFlavour): Ajv {
  let ajv = instances.get(flavour);
  if (!ajv) {
    ajv = flavour === 'draft-07' ? new Ajv({ ...common, validateSchema: true }) : new Ajv2020({ ...common, validateFormats: flavour === '2020-12' });
    if (flavour !== '2020-12-no-formats') addFormats(ajv);
    instances.set(flavour, ajv);
  }
  return ajv;
}
