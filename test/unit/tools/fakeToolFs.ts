// A file system for the tool resolver's tests: executables, plain files and symlinks
// (possibly broken) at paths of any OS. Folders exist through the paths below them.
import type { ToolFs } from '../../../src/core/tools/toolFs';

export type FakeNode = 'exe' | 'file' | { readonly link: string };

export function fakeToolFs(tree: Readonly<Record<string, FakeNode>>, platform = 'linux'): ToolFs & { readonly probed: string[] } {
  const win = platform === 'win32';
  const norm = (p: string) => (win ? p.replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase() : p.replace(/\/+$/, '') || '/');
  const nodes = new Map(Object.entries(tree).map(([p, n]) => [norm(p), n] as const));
  const sep = win ? '\\' : '/';
  const probed: string[] = [];
  return {
    probed,
    async isExecutable(p) {
      probed.push(p);
      let node = nodes.get(norm(p));
      for (let hops = 0; node && typeof node === 'object' && hops < 20; hops++) node = nodes.get(norm(node.link));
      return node === 'exe';
    },
    async list(dir) {
      const prefix = norm(dir) + sep;
      const names = new Set<string>();
      for (const [p] of nodes) if (p.startsWith(prefix)) names.add(p.slice(prefix.length).split(sep)[0] ?? '');
      // original spelling of the names (Windows keys are lower-cased above)
      const original = Object.keys(tree).map((k) => (win ? k.replace(/\//g, '\\') : k));
      return [...names].filter(Boolean).map((n) => original.map((k) => k.slice(prefix.length).split(sep)[0] ?? '').find((o) => o.toLowerCase() === n) ?? n);
    },
  };
}
