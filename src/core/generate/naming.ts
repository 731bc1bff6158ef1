/** Names: ids for EventCatalog (kebab-case) and titles for people. */

/** `order.created` → `order-created`; `OrderService` → `order-service`. */
export function kebab(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

/** `order.created` → `Order Created`; `inventory-service` → `Inventory Service`. */
export function titleCase(text: string): string {
  return kebab(text)
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** `OrderCreated`-style identifier for Mermaid participants and AsyncAPI keys. */
export function pascal(text: string): string {
  return titleCase(text).replace(/ /g, '');
}

/** `1` → `1.0.0`, `1.2` → `1.2.0`; anything else is kept as written. */
export function toSemver(version: string | undefined, fallback = '1.0.0'): string {
  if (version === undefined || version.trim() === '') return fallback;
  const v = version.trim().replace(/^v/, '');
  if (/^\d+$/.test(v)) return `${v}.0.0`;
  if (/^\d+\.\d+$/.test(v)) return `${v}.0`;
  return v;
}

/** Compares two x.y.z versions numerically (pre-release tags ignored). */
export function compareSemver(a: string, b: string): number {
  const pa = a
    .split(/[.+-]/)
    .slice(0, 3)
    .map((n) => Number.parseInt(n, 10) || 0);
  const pb = b
    .split(/[.+-]/)
    .slice(0, 3)
    .map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
