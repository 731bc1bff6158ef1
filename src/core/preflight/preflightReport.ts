import type { PreflightReport, ToolReport, ToolStatus } from './preflight';

const statusText: Record<ToolStatus, string> = {
  ok: 'ready',
  missing: 'missing',
  outdated: 'too old',
  'not-live': 'not ready',
  'unknown-version': 'found',
  broken: 'not working',
};

export function toolStatusLabel(status: ToolStatus): string {
  return statusText[status];
}

/** Tools that need the learner's attention, most serious first. */
export function problems(report: PreflightReport): ToolReport[] {
  const rank: Record<ToolStatus, number> = { missing: 0, broken: 1, outdated: 2, 'not-live': 3, 'unknown-version': 4, ok: 5 };
  return report.tools.filter((t) => t.status !== 'ok').sort((a, b) => rank[a.status] - rank[b.status]);
}

/** The preflight as a Markdown document: a summary table, then what to do for each tool that is not ready. */
export function renderPreflightMarkdown(report: PreflightReport): string {
  const lines: string[] = ['# Check my tools', ''];
  const todo = problems(report);
  lines.push(todo.length === 0 ? 'Every tool the course uses is installed and ready.' : `${report.tools.length - todo.length} of ${report.tools.length} tools are ready. What to do for the others is below.`, '');
  lines.push('| Tool | Status | Version | Needs | Where |', '|---|---|---|---|---|');
  for (const t of report.tools) {
    // Words, not emoji: the Markdown preview's font may have no glyph for them.
    const where = t.path ? `${code(t.path)}${t.outsidePath ? ' (not on PATH)' : ''}` : '-';
    lines.push(`| ${t.name} | **${statusText[t.status]}** | ${t.version ?? '-'} | ${t.minVersion}+ | ${where} |`);
  }
  for (const t of todo) {
    lines.push('', `## ${t.name}: ${statusText[t.status]}`, '', t.explanation);
    if (needsInstall(t)) {
      lines.push('', 'Install or update it:', '');
      for (const o of t.install.options) {
        lines.push(`- ${o.via}: ${code(o.command)}${o.note ? ` (${o.note})` : ''}`);
      }
      lines.push('', `More: ${t.install.docsUrl}`);
    }
  }
  const outside = report.tools.filter((t) => t.outsidePath);
  if (outside.length > 0) {
    lines.push('', `Found outside PATH, and used from there: ${outside.map((t) => `${t.name} in ${code(t.outsidePath ?? '')}`).join(', ')}. Add those folders to PATH to type the commands in a terminal too.`);
  }
  lines.push(
    '',
    `Searched the \`edgo.tools.<tool>\` settings, the PATH of VS Code and of its integrated terminal (${report.pathEntries} folders), then the folders where each tool's installers put it. Set \`edgo.tools.<tool>\` to point at a tool that lives elsewhere.`,
    '',
  );
  return lines.join('\n');
}

/** Missing, too old or broken: show install commands (after the PATH fix, for a tool merely off the PATH). */
export function needsInstall(t: ToolReport): boolean {
  return t.status === 'missing' || t.status === 'outdated' || t.status === 'broken';
}

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}
