/**
 * The little of a browser that Mermaid's parsers touch in Node: `window`,
 * `document.createElement` (entity decoding, label measuring) and `Option`
 * (the sequence diagram reads box colours through `new Option().style`), and
 * `addEventListener` (Mermaid listens for window resizes when it loads).
 * Nothing is rendered, so these need no behaviour; jsdom would cost 1.5 MB.
 */
function inertElement(): Record<string, unknown> {
  return {
    style: {},
    textContent: '',
    innerHTML: '',
    childNodes: [],
    setAttribute() {},
    getAttribute: () => null,
    appendChild: (child: unknown) => child,
    remove() {},
  };
}

/** Installs the shim on `globalThis`, never over something the host already has. */
export function installDomShim(): void {
  const globals = globalThis as Record<string, unknown>;
  const document = {
    nodeType: 9,
    createElement: inertElement,
    createElementNS: (_ns: string, _name: string) => inertElement(),
    createTextNode: (text: string) => ({ textContent: text }),
    querySelector: () => null,
    querySelectorAll: () => [],
    getElementById: () => null,
    body: inertElement(),
  };
  const shims: Record<string, unknown> = {
    window: globalThis,
    document,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    Option: class Option {
      readonly style: Record<string, string> = {};
      constructor(
        readonly text = '',
        readonly value = '',
      ) {}
    },
  };
  for (const [name, value] of Object.entries(shims)) {
    if (globals[name] === undefined) globals[name] = value;
  }
}

/** A DOMPurify without a DOM: parsing never renders, so sanitising is the identity. */
export function neutralizePurify(purify: Record<string, unknown>): void {
  if (typeof purify.sanitize !== 'function') purify.sanitize = (dirty: unknown) => String(dirty);
  for (const name of ['addHook', 'removeHook', 'removeHooks', 'removeAllHooks', 'setConfig', 'clearConfig']) {
    if (typeof purify[name] !== 'function') purify[name] = () => undefined;
  }
}
