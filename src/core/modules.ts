/**
 * The ten modules of the course, in order. Pure data shared by the walkthroughs,
 * the learning-path view, the scaffolder and the CLI.
 */
export interface CourseModule {
  /** 1-based position in the course. */
  readonly number: number;
  /** Folder name under `walkthroughs/`, e.g. `01-go-foundations`. */
  readonly slug: string;
  /** Walkthrough id in package.json, e.g. `edgo.module01`. */
  readonly walkthroughId: string;
  readonly title: string;
}

const titles: readonly [string, string][] = [
  ['go-foundations', 'Go and HTTP foundations'],
  ['clean-architecture', 'Clean Architecture in Go'],
  ['ddd', 'Domain-Driven Design essentials'],
  ['event-driven-concepts', 'Event-driven architecture concepts'],
  ['event-driven-services', 'Event-driven Go services over a broker'],
  ['docker-kubernetes', 'Docker and Kubernetes basics'],
  ['kubernetes-advanced', 'Probes, ConfigMaps, Secrets and Helm'],
  ['event-catalog', 'Event Catalog'],
  ['docs-mermaid', 'Docs with Markdown and Mermaid'],
  ['capstone', 'Capstone: a Booking system'],
];

export const courseModules: readonly CourseModule[] = titles.map(([name, title], i) => {
  const nn = String(i + 1).padStart(2, '0');
  return { number: i + 1, slug: `${nn}-${name}`, walkthroughId: `edgo.module${nn}`, title };
});

/** Finds a module by number (`3`, `"03"`) or by slug (`03-ddd`, `ddd`). */
export function findModule(key: string | number): CourseModule | undefined {
  const text = String(key).trim().toLowerCase();
  if (/^\d+$/.test(text)) return courseModules.find((m) => m.number === Number(text));
  return courseModules.find((m) => m.slug === text || m.slug.slice(3) === text);
}
