/**
 * A markdown-it plugin for VS Code's Markdown preview: ```mermaid / ~~~mermaid
 * fences and `:::mermaid` blocks become `<pre class="edgo-mermaid">` holding the
 * escaped diagram text, which the preview script (dist/webview.js) draws.
 * Nothing of the diagram is ever emitted as HTML.
 */
import type { MarkdownIt, StateBlock } from 'markdown-it';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function diagramHtml(content: string, line: number | undefined): string {
  const lineAttr = line === undefined ? '' : ` data-line="${line}"`;
  return `<pre class="edgo-mermaid code-line"${lineAttr}>${escapeHtml(content)}</pre>\n`;
}

export function mermaidMarkdownItPlugin(md: MarkdownIt): void {
  const fence = md.renderer.rules.fence;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    if (token && token.info.trim().split(/\s+/)[0]?.toLowerCase() === 'mermaid') {
      return diagramHtml(token.content, token.map?.[0]);
    }
    return fence ? fence(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };

  // `:::mermaid` ... `:::` (Azure DevOps wiki style).
  md.block.ruler.before('fence', 'edgo_mermaid_colon', (state: StateBlock, startLine: number, endLine: number, silent: boolean) => {
    const lineText = (n: number): string => state.src.slice(state.bMarks[n]! + state.tShift[n]!, state.eMarks[n]);
    if (!/^:{3,}\s*mermaid\s*$/i.test(lineText(startLine))) return false;
    if (silent) return true;
    let next = startLine + 1;
    while (next < endLine && !/^:{3,}\s*$/.test(lineText(next))) next++;
    const content = state.getLines(startLine + 1, next, state.blkIndent, true);
    const token = state.push('edgo_mermaid', 'pre', 0);
    token.content = content;
    token.map = [startLine, Math.min(next + 1, endLine)];
    token.block = true;
    state.line = Math.min(next + 1, endLine);
    return true;
  });
  md.renderer.rules.edgo_mermaid = (tokens, idx) => {
    const token = tokens[idx];
    return token ? diagramHtml(token.content, token.map?.[0]) : '';
  };
}
