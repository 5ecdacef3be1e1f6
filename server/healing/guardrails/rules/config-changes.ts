// The settings a fix adds, removes and edits in configuration-like files (build, CI, test-runner, lint),
// paired by key so a rule can tell "set to false" from "changed from true to false".
import type { ChangedFile } from "../model/changed-file";
import { entriesOf, type Entry } from "../model/config-entries";
import type { Lang } from "../model/file-kind";
import { effectiveAdded, effectiveRemoved } from "./rule";

export interface ConfigChanges {
  added: Entry[];
  removed: Entry[];
  /** Old value of the same key (and same innermost block) removed by the fix, when any. */
  before(e: Entry): Entry | null;
  /** Whether the removed entry's key comes back on the new side. */
  readded(e: Entry): boolean;
}

const CONFIG_LANGS = new Set<Lang>(["xml", "json", "yaml", "toml", "ini", "properties", "groovy", "kotlin", "javascript", "typescript", "python", "makefile", "shell", "dockerfile", "powershell"]);

export function isConfigLike(f: ChangedFile): boolean {
  const k = f.kind;
  if (k.ci || k.build || k.lintConfig) return true;
  // Test data (fixtures, recorded logs, expected outputs) quotes commands and settings; it runs nothing.
  if (k.test && !k.code) return false;
  if (k.code && !["groovy", "kotlin", "javascript", "typescript", "python"].includes(k.lang)) return false;
  return !k.code && CONFIG_LANGS.has(k.lang) && !k.doc;
}

const cache = new WeakMap<ChangedFile, ConfigChanges>();

export function configChanges(f: ChangedFile): ConfigChanges {
  const hit = cache.get(f);
  if (hit) return hit;
  const added = effectiveAdded(f).flatMap((l) => entriesOf(f.new, l, f.kind.lang));
  const removed = effectiveRemoved(f).flatMap(({ line }) => entriesOf(f.old, line, f.oldKind.lang));
  const key = (e: Entry) => `${e.key}\u0000${e.context[0] ?? ""}\u0000${e.item ? "item" : ""}`;
  const byKey = new Map<string, Entry[]>();
  for (const r of removed) byKey.set(key(r), [...(byKey.get(key(r)) ?? []), r]);
  const addedKeys = new Set(added.map((a) => a.key));
  const result: ConfigChanges = {
    added,
    removed,
    before(e) {
      const same = byKey.get(key(e)) ?? [];
      return same.find((r) => !e.item || r.value === e.value) ?? same[0] ?? null;
    },
    readded(e) {
      return addedKeys.has(e.key);
    },
  };
  cache.set(f, result);
  return result;
}

/** Added entries that are new (no removed entry with the same key, context and value). */
export function newEntries(f: ChangedFile): Entry[] {
  const c = configChanges(f);
  const budget = new Map<string, number>();
  const k = (e: Entry) => `${e.key}\u0000${e.value}\u0000${e.context[0] ?? ""}`;
  for (const r of c.removed) budget.set(k(r), (budget.get(k(r)) ?? 0) + 1);
  return c.added.filter((a) => {
    const left = budget.get(k(a)) ?? 0;
    if (left > 0) {
      budget.set(k(a), left - 1);
      return false;
    }
    return true;
  });
}

export function ctxText(e: Entry): string {
  return [e.key, ...e.context].join(" ").toLowerCase();
}

/** Numbers in a duration-like value, in milliseconds when it carries a unit ("30s", "2m", "1h 30m", "PT5M"). */
export function durationValue(v: string): number | null {
  const s = v.trim().toLowerCase();
  let total = 0;
  let found = false;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)?\b/g)) {
    const n = Number(m[1]);
    const unit = m[2] ?? "";
    const mult = /^ms|^milli/.test(unit) ? 1 : /^s/.test(unit) ? 1000 : /^m/.test(unit) ? 60_000 : /^h/.test(unit) ? 3_600_000 : /^d/.test(unit) ? 86_400_000 : 1;
    total += n * mult;
    found = true;
  }
  return found ? total : null;
}

// Dependencies, build output and caches: checkers skip them by design, so listing them loosens nothing.
export const VENDORED = /(?:^|\/)(?:node_modules|bower_components|vendor|third_party|dist|build|out|target|bin|obj|lib-cov|coverage|\.next|\.nuxt|\.cache|\.data|\.tox|\.venv|venv|__pycache__|\.git|\.gradle|\.idea|\.vscode|generated|tmp|\.mypy_cache|\.pytest_cache|\.ruff_cache|site-packages|storybook-static)(?:\/(?:\*\*?(?:\/\*)?)?)?$|^\*\*\/\*\.(?:min\.js|d\.ts|map|pyc)$/;

/** Tokens of a list-like value (["a", "b"], a,b, a b). */
export function valueTokens(v: string): Set<string> {
  return new Set(v.split(/[\s,;|[\]()'"{}]+/).filter(Boolean));
}
