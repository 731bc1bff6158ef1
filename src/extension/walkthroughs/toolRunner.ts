/**
 * The runner Check my work uses: each tool (go, helm) found by the one tool
 * resolver (src/extension/tools/toolService.ts), the same lookup as the tasks and
 * Check My Tools, and run with the integrated terminal's environment.
 */
export { resolvedToolRunner as terminalToolRunner } from '../tools/toolService';
