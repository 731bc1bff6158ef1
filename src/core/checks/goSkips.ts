/**
 * A check that passes while some of its tests were skipped says so: a learner
 * without PostgreSQL sees which test did not run and why (the test's t.Skip
 * text), instead of a silent pass.
 */
import type { FailedTest } from './goTestJson';

/** The reason a skipped test gave: its first output line that is not go test's own. */
function skipReason(output: readonly string[]): string {
  const line = output.map((l) => l.trim()).find((l) => l !== '' && !/^(=== |--- )/.test(l)) ?? '';
  // t.Skip output reads "file_test.go:42: reason".
  return line.replace(/^[\w./-]+_test\.go:\d+:\s*/, '');
}

/** One note per skipped test (at most five, then a count). */
export function skippedNotes(skipped: readonly FailedTest[]): string[] {
  const notes = skipped.slice(0, 5).map((s) => {
    const reason = skipReason(s.output);
    return `Skipped ${s.test}${reason ? `: ${reason}` : ' (it called t.Skip)'}`;
  });
  if (skipped.length > 5) notes.push(`… and ${skipped.length - 5} more skipped tests.`);
  return notes;
}
