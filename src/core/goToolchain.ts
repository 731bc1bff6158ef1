/**
 * A check runs the learner's `go`, offline. Since Go 1.21 `go` downloads
 * another toolchain by itself when go.mod asks for a newer Go and GOTOOLCHAIN
 * allows it (`auto`, the default of a learner's shell or `go env -w`). Inside a
 * check that would be a silent network download, so a check always runs with
 * GOTOOLCHAIN=local and, when go then stops for want of a newer Go, says why.
 */

/** What the check sets, whatever the learner's environment says. */
export const checkToolchain = 'local';

/** The environment entries for `go` inside a check. */
export function goCheckEnv(): Record<string, string> {
  return { GOTOOLCHAIN: checkToolchain };
}

/**
 * A sentence for a failed `go` run that wanted another toolchain, naming the
 * learner's own setting when it would have downloaded one; undefined otherwise.
 */
export function toolchainNote(output: string, learnerSetting: string | undefined): string | undefined {
  const wanted = /requires go >= ?([\w.]+)|toolchain not available|go: downloading go\d/.exec(output);
  if (!wanted) return undefined;
  const version = wanted[1] !== undefined ? `go ${wanted[1]}` : 'another Go toolchain';
  const setting = learnerSetting !== undefined && learnerSetting !== checkToolchain ? `Your GOTOOLCHAIN=${learnerSetting} would have made go download it; ` : '';
  return `This folder's go.mod asks for ${version}. ${setting}checks run with GOTOOLCHAIN=local and download nothing. Install that Go (https://go.dev/dl/) or lower the go line in go.mod.`;
}
