// A node:test reporter that writes only the counts, as JSON, for `npm test`'s closing line.
export default async function* summaryReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    // Suites (describe) report too; count only leaf tests.
    if (event.data.details?.type === 'suite') continue;
    if (event.type === 'test:fail') {
      counts.failed++;
      counts.failures.push(`${event.data.file ?? ''}: ${event.data.name}`);
    } else if (event.data.skip || event.data.todo) counts.skipped++;
    else counts.passed++;
  }
  yield JSON.stringify(counts);
}
