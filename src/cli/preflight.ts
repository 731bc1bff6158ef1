/**
 * `edgo preflight [folder] [--format text|markdown|json] [--require go,git]`: the
 * "Check my tools" report in a terminal or CI. Exit code 0 when every required tool
 * (go and git unless --require says otherwise) is ready, 1 when one is not, 2 for usage.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { readBoundedText } from '../core/host/boundedRead';
import { errorMessage } from '../core/errorMessage';
import { nodeProcessRunner } from '../core/host/nodeProcessRunner';
import { runPreflight, type PreflightReport } from '../core/preflight/preflight';
import { renderPreflightMarkdown, toolStatusLabel } from '../core/preflight/preflightReport';
import { scanFolder, type DirEntry, type FolderReader } from '../core/tasks/folderScan';
import { nodeToolFs } from '../core/host/nodeToolFs';
import { toolIds, type ToolId } from '../core/tools/toolIds';
import type { CliCommand } from './commands';

const usage = 'preflight [folder] [--format text|markdown|json] [--require go,git,...]';

function folderReader(root: string): FolderReader {
  return {
    async list(rel: string): Promise<DirEntry[]> {
      try {
        return (await fs.promises.readdir(path.join(root, rel), { withFileTypes: true })).map((d) => ({ name: d.name, isDirectory: d.isDirectory() }));
      } catch {
        return [];
      }
    },
    async readText(rel: string): Promise<string | undefined> {
      try {
        return await readBoundedText(path.join(root, rel));
      } catch {
        return undefined;
      }
    },
  };
}

function formatText(report: PreflightReport): string {
  const width = Math.max(...report.tools.map((t) => t.name.length));
  const lines: string[] = [];
  for (const t of report.tools) {
    // plain words: a terminal font may lack check marks
    lines.push(`${t.name.padEnd(width)}  ${toolStatusLabel(t.status).padEnd(11)}  ${t.version ?? '-'}  ${t.path ?? ''}${t.outsidePath ? '  (not on PATH: used from there)' : ''}`.trimEnd());
    if (t.status === 'ok') continue;
    lines.push(`    ${t.explanation}`);
    if (t.status !== 'not-live' && t.status !== 'unknown-version') for (const o of t.install.options) lines.push(`    ${o.via}: ${o.command}`);
  }
  return `${lines.join('\n')}\n`;
}

export const preflightCommand: CliCommand = {
  name: 'preflight',
  usage,
  summary: `Check ${toolIds.join(', ')}: found, version, running, how to install.`,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { format: { type: 'string', default: 'text' }, require: { type: 'string', default: 'go,git' } }, allowPositionals: true });
    } catch (err) {
      process.stderr.write(`edgo preflight: ${errorMessage(err)}\nUsage: edgo ${usage}\n`);
      return 2;
    }
    const { values, positionals } = parsed;
    const format = values.format;
    const named = values.require
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const unknown = named.filter((r) => !(toolIds as readonly string[]).includes(r));
    const required = named as ToolId[];
    if (!['text', 'markdown', 'json'].includes(format) || unknown.length > 0 || positionals.length > 1) {
      process.stderr.write(`Usage: edgo ${usage}\n${unknown.length ? `Unknown tool(s): ${unknown.join(', ')}. Known: ${toolIds.join(', ')}.\n` : ''}`);
      return 2;
    }
    const folder = path.resolve(positionals[0] ?? '.');
    const facts = await scanFolder(path.basename(folder), folderReader(folder));
    const goProject = facts.go.find((g) => g.goMod.goVersion);
    const report = await runPreflight({
      runner: nodeProcessRunner,
      fs: nodeToolFs,
      env: Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string')),
      platform: process.platform,
      cwd: folder,
      ...(goProject?.goMod.goVersion ? { goMod: { goVersion: goProject.goMod.goVersion, file: path.join(goProject.dir, 'go.mod') } } : {}),
    });
    const out = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : format === 'markdown' ? renderPreflightMarkdown(report) : formatText(report);
    process.stdout.write(out);
    return report.tools.some((t) => required.includes(t.id) && t.status !== 'ok') ? 1 : 0;
  },
};
