// Extracts the few Kubernetes JSON Schemas the course needs from the
// `kubernetes-validate` Python package (Apache-2.0; its schemas are generated
// from the Kubernetes OpenAPI), keeping only the definitions they reference.
//
//   pip download --no-deps kubernetes-validate==1.37.0 -d /tmp/kv && cd /tmp/kv && unzip -q *.whl
//   node schemas/kubernetes/extract.mjs /tmp/kv/kubernetes_validate/kubernetes-json-schema/v1.37.0-local-strict
import * as fs from 'node:fs';
import * as path from 'node:path';

const [source] = process.argv.slice(2);
if (!source) throw new Error('usage: node extract.mjs <kubernetes-json-schema/vX-local-strict folder>');
const version = path.basename(source).replace(/-local-strict$/, '');
const out = path.join(path.dirname(new URL(import.meta.url).pathname), version);
// kind file name -> [apiVersion, kind]
const wanted = ['deployment-apps-v1', 'service-v1', 'configmap-v1', 'secret-v1', 'pod-v1', 'serviceaccount-v1', 'statefulset-apps-v1', 'ingress-networking-v1', 'horizontalpodautoscaler-autoscaling-v2', 'poddisruptionbudget-policy-v1'];
const all = JSON.parse(fs.readFileSync(path.join(source, '_definitions.json'), 'utf8')).$defs;
const defsId = 'https://kubernetes.io/api/_definitions.json';

const keep = new Set();
const visit = (node) => {
  if (Array.isArray(node)) return node.forEach(visit);
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') {
      const name = v.split('#/$defs/')[1];
      if (name && !keep.has(name)) {
        keep.add(name);
        visit(all[name]);
      }
    } else visit(v);
  }
};
// Descriptions make the file large; the validator's messages don't need them.
const strip = (node) => {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => k !== 'description')
      .map(([k, v]) => [k, k === '$ref' ? String(v).replace(/^\/api\/_definitions\.json/, defsId) : strip(v)]),
  );
};
fs.mkdirSync(out, { recursive: true });
for (const name of wanted) {
  const schema = JSON.parse(fs.readFileSync(path.join(source, `${name}.json`), 'utf8'));
  visit(schema);
  fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify(strip(schema), null, 1) + '\n');
}
const defs = Object.fromEntries([...keep].sort().map((n) => [n, strip(all[n])]));
fs.writeFileSync(path.join(out, 'definitions.json'), JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: defsId, $defs: defs }) + '\n');
console.log(`${wanted.length} kinds, ${keep.size} definitions -> ${out}`);
