// VS Code tells a webview its theme through classes on <body>; Mermaid has its own themes.
export type VsCodeThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';

export function currentThemeKind(body: HTMLElement = document.body): VsCodeThemeKind {
  const c = body.classList;
  if (c.contains('vscode-high-contrast-light')) return 'high-contrast-light';
  if (c.contains('vscode-high-contrast')) return 'high-contrast';
  if (c.contains('vscode-dark')) return 'dark';
  return 'light';
}

/** Mermaid's configuration for a VS Code theme; high contrast gets strong lines and plain colours. */
export function mermaidThemeConfig(kind: VsCodeThemeKind): { theme: 'default' | 'dark' | 'base'; themeVariables?: Record<string, string> } {
  switch (kind) {
    case 'dark':
      return { theme: 'dark' };
    case 'high-contrast':
      return {
        theme: 'base',
        themeVariables: {
          darkMode: 'true',
          background: '#000000',
          primaryColor: '#000000',
          primaryTextColor: '#ffffff',
          primaryBorderColor: '#6fc3df',
          lineColor: '#ffffff',
          secondaryColor: '#000000',
          tertiaryColor: '#000000',
          textColor: '#ffffff',
          mainBkg: '#000000',
          nodeBorder: '#6fc3df',
        },
      };
    case 'high-contrast-light':
      return {
        theme: 'base',
        themeVariables: {
          background: '#ffffff',
          primaryColor: '#ffffff',
          primaryTextColor: '#000000',
          primaryBorderColor: '#0f4a85',
          lineColor: '#000000',
          secondaryColor: '#ffffff',
          tertiaryColor: '#ffffff',
          textColor: '#000000',
          mainBkg: '#ffffff',
          nodeBorder: '#0f4a85',
        },
      };
    default:
      return { theme: 'default' };
  }
}

/** Calls `onChange` whenever VS Code switches theme (it rewrites the body classes). */
export function watchTheme(onChange: (kind: VsCodeThemeKind) => void): void {
  let last = currentThemeKind();
  new MutationObserver(() => {
    const now = currentThemeKind();
    if (now !== last) {
      last = now;
      onChange(now);
    }
  }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
