// A node:test reporter that writes only the counts, as JSON, for `npm test`'s closing line,
// with each failed test's reason: CI shows the end of the output, where the spec report's
// details are long gone.
export default async function* summaryReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    // Suites (describe) report too; count only leaf tests, but say why a suite failed
    // (a failed before hook leaves its tests only "cancelled").
    if (event.data.details?.type === 'suite') {
      const error = event.data.details.error;
      const why = event.type === 'test:fail' && error?.failureType !== 'subtestsFailed' ? failureReason(error) : '';
      if (why) counts.failures.push(`${event.data.file ?? ''}: ${event.data.name} (the suite)\n${why}`);
      continue;
    }
    if (event.type === 'test:fail') {
      counts.failed++;
      const why = failureReason(event.data.details?.error);
      counts.failures.push(`${event.data.file ?? ''}: ${event.data.name}${why ? `\n${why}` : ''}`);
    } else if (event.data.skip || event.data.todo) counts.skipped++;
    else counts.passed++;
  }
  yield JSON.stringify(counts);
}

/** The first lines of why a test failed: the test's own error (node:test wraps it as `cause`). */
export function failureReason(error) {
  const inner = error?.cause ?? error;
  if (!inner) return '';
  const text = String(inner.message ?? inner);
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const shown = lines.slice(0, 12).map((line) => (line.length > 300 ? `${line.slice(0, 300)}…` : line));
  if (lines.length > shown.length) shown.push(`… ${lines.length - shown.length} more lines in the stage's report above`);
  return shown.map((line) => `      ${line}`).join('\n');
}
