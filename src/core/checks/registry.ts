/**
 * The check kinds `module.json` may use. A kind validates its own fields and runs
 * in a learner's folder. To add a kind (Dockerfile rules, Kubernetes schemas, Helm),
 * write it in its own file exporting a `CheckKind` and add one entry to `checkKinds`.
 */
import type { CheckKind } from './types';
import { goBuildCheck, goVetCheck } from './goBuildCheck';
import { goTestCheck } from './goTestCheck';
import { goTestFindsBugCheck } from './goTestFindsBugCheck';
import { importRuleCheck } from './importRuleCheck';
import { eventYamlCheck } from './eventYamlCheck';
import { mermaidCheck } from './mermaidCheck';
import { filesExistCheck, markdownSectionsCheck } from './fileChecks';
import { workflowCheck } from './kinds/workflow';
import { dockerfileCheck } from './kinds/dockerfile';
import { kubernetesManifestsCheck } from './kinds/kubernetes';
import { helmChartCheck } from './kinds/helm';
import { helmPackageCheck } from './kinds/helmPackage';
import { eventCatalogCheck } from './kinds/catalog';
import { eventSeenCheck } from './kinds/eventSeen';
import { eventCatalogBuildsCheck } from './kinds/catalogBuild';
import { mermaidLayersCheck } from './kinds/mermaidLayers';

export const checkKinds: readonly CheckKind[] = [
  goBuildCheck,
  goVetCheck,
  goTestCheck,
  goTestFindsBugCheck,
  importRuleCheck,
  eventYamlCheck,
  mermaidCheck,
  filesExistCheck,
  markdownSectionsCheck,
  workflowCheck,
  dockerfileCheck,
  kubernetesManifestsCheck,
  helmChartCheck,
  helmPackageCheck,
  eventCatalogCheck,
  eventSeenCheck,
  eventCatalogBuildsCheck,
  mermaidLayersCheck,
];

export function findCheckKind(kind: string): CheckKind | undefined {
  return checkKinds.find((k) => k.kind === kind);
}
