/** The public entry of the checks engine, for the CLI, the extension and tests. */
export type * from './types';
export { checkKinds, findCheckKind } from './registry';
export { parseCompletion } from './types';
export { parseModuleSpec, validateModuleSpec, ModuleSpecError, type SpecProblem } from './moduleSpec';
export { loadModule, loadAllModules, markerFileName, markerText, readMarker, type LoadedModule } from './moduleStore';
export { runChecks, stepsCompletedBy, formatResultLine, type RunChecksOptions } from './runChecks';
export { nodeProcessRunner } from '../host/nodeProcessRunner';
export { goInstallHelp, formatLocation } from './goTool';
export { walkthroughContributions, walkthroughContribution, completionEvents, checkContextKey, taskContextKey, labelSlug, type WalkthroughContribution } from './walkthroughContributions';
export { eventsValidator, mermaidParserValidator } from './defaultValidators';
export { planScaffold, applyScaffold, type ScaffoldPlan } from './scaffold';
export { folderLayers, composedFiles, composeFolder } from './moduleLayers';
export { findLearnerFolders, starterLayersFrom, targetProblem } from './learnerStart';
export { pathStates, moduleState, isStepDone, type StepState, type PathModule } from './learningProgress';
export { hintFor, hintsOf, failureKey, memoryFailureCounts, fileFailureCounts, defaultStateDir, type FailureCounts, type CheckHint } from './hints';
export { layCheckTests, checkTestFiles, type CheckTestOverlay } from './checkTests';
export { restoredSteps, shouldOfferRestore, scaffoldCommand } from './restoreProgress';
