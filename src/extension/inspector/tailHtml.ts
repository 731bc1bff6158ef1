/**
 * The live tail's page: a bounded table of messages (time, subject, type, id,
 * size, verdict), a details pane (headers with trace context, pretty payload,
 * violations with links to the contract line) and the contract-violations
 * summary. Rows arrive in batches; the page keeps at most `capacity` of them.
 */
export function tailHtml(nonce: string, cspSource: string, title: string, capacity: number): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<title>${escape(title)}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 0 8px; }
#state { padding: 4px 8px; margin: 6px 0; border-left: 3px solid var(--vscode-testing-iconPassed); }
#state.bad { border-color: var(--vscode-errorForeground); }
#state.warn { border-color: var(--vscode-editorWarning-foreground); }
#summary { margin: 6px 0; }
#summary .violations { color: var(--vscode-errorForeground); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 2px 6px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 28em; }
th { position: sticky; top: 0; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border); }
tr.row { cursor: pointer; }
tr.row:hover { background: var(--vscode-list-hoverBackground); }
tr.selected { background: var(--vscode-list-activeSelectionBackground); color: var(--vscode-list-activeSelectionForeground); }
.valid { color: var(--vscode-testing-iconPassed); }
.invalid, .undocumented { color: var(--vscode-errorForeground); }
.unchecked { color: var(--vscode-descriptionForeground); }
#details { border-top: 1px solid var(--vscode-panel-border); margin-top: 8px; padding-top: 6px; }
pre { background: var(--vscode-textCodeBlock-background); padding: 6px; overflow: auto; max-height: 40vh; }
a { color: var(--vscode-textLink-foreground); cursor: pointer; }
.muted { color: var(--vscode-descriptionForeground); }
</style></head>
<body>
<div id="state">Connecting…</div>
<div id="summary"></div>
<table><thead><tr><th>Time</th><th>Subject</th><th>Type</th><th>Id</th><th>Size</th><th>Verdict</th></tr></thead><tbody id="rows"></tbody></table>
<div id="details" class="muted">Select a message to see its headers and payload.</div>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
const capacity = ${capacity};
const rows = [];
let selected;
const tbody = document.getElementById('rows');
function el(tag, attrs, text) { const e = document.createElement(tag); Object.assign(e, attrs || {}); if (text !== undefined) e.textContent = text; return e; }
function renderRow(r) {
  const tr = el('tr', { className: 'row' });
  tr.dataset.n = r.n;
  for (const v of [r.time, r.subject, r.type, r.id || '', r.size + ' B']) tr.appendChild(el('td', {}, v));
  tr.appendChild(el('td', { className: r.verdict, title: r.summary }, r.summary));
  tr.onclick = () => select(r.n);
  return tr;
}
function select(n) {
  selected = rows.find((r) => r.n === n);
  for (const tr of tbody.children) tr.classList.toggle('selected', Number(tr.dataset.n) === n);
  const d = document.getElementById('details');
  d.className = '';
  d.replaceChildren();
  if (!selected) return;
  const r = selected;
  d.appendChild(el('div', { className: r.verdict }, r.summary));
  for (const l of r.links) {
    const p = el('div');
    p.appendChild(el('span', {}, l.text + ' — '));
    const a = el('a', { title: 'Open the contract at this line' }, l.label);
    a.onclick = () => vscode.postMessage({ type: 'open', file: l.file, line: l.line });
    p.appendChild(a);
    d.appendChild(p);
  }
  d.appendChild(el('h4', {}, 'Headers'));
  const names = Object.keys(r.headers);
  d.appendChild(el('pre', {}, names.length ? names.map((k) => k + ': ' + r.headers[k].join(', ')).join('\\n') : '(none)'));
  if (r.traceparent) d.appendChild(el('div', {}, 'Trace context: ' + r.traceparent));
  d.appendChild(el('h4', {}, 'Payload (' + r.payloadKind + (r.truncated ? ', truncated' : '') + ')'));
  d.appendChild(el('pre', {}, r.payload));
}
window.addEventListener('message', (e) => {
  const m = e.data;
  if (m.type === 'state') {
    const s = document.getElementById('state');
    s.textContent = m.text;
    s.className = m.level || '';
  } else if (m.type === 'batch') {
    const frag = document.createDocumentFragment();
    for (const r of m.rows) { rows.push(r); frag.appendChild(renderRow(r)); }
    tbody.appendChild(frag);
    while (rows.length > capacity) { rows.shift(); tbody.firstChild && tbody.removeChild(tbody.firstChild); }
    const t = m.tally;
    const s = document.getElementById('summary');
    s.replaceChildren(el('span', {}, t.total + ' messages: ' + t.valid + ' ✓ valid, ' + t.invalid + ' ✗ invalid, ' + t.undocumented + ' ? undocumented, ' + t.unchecked + ' – unchecked'));
    if (t.violations > 0) s.appendChild(el('div', { className: 'violations' }, 'Contract violations: ' + t.byType.map(([k, v]) => k + ' ×' + v).join(', ')));
    if (selected === undefined && m.rows.length) select(m.rows[m.rows.length - 1].n);
  }
});
vscode.postMessage({ type: 'ready' });
</script>
</body></html>`;
}

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}
