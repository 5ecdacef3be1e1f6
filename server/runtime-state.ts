// Process-wide state shared across Next.js bundles. Next compiles instrumentation, route handlers and
// server components into separate bundles, so a plain module singleton would exist once per bundle;
// globalThis is the one object they all share.
import type { RunningPostgres } from "./db/embedded-postgres";

interface RuntimeState {
  embeddedPostgres?: RunningPostgres;
  /** Started lazily by whichever bundle first needs it. */
  singletons: Map<string, unknown>;
}

const key = Symbol.for("infraflow.runtime");
type WithState = typeof globalThis & { [key]?: RuntimeState };

export function runtimeState(): RuntimeState {
  const g = globalThis as WithState;
  g[key] ??= { singletons: new Map() };
  return g[key];
}

/** One instance per process of whatever `create` builds, shared by every bundle. */
export function processSingleton<T>(name: string, create: () => T): T {
  const { singletons } = runtimeState();
  if (!singletons.has(name)) singletons.set(name, create());
  return singletons.get(name) as T;
}

/** Forget a singleton (tests that switch configuration). */
export function dropProcessSingleton(name: string): void {
  runtimeState().singletons.delete(name);
}
