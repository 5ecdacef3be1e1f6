// OSV (osv.dev) for every dependency the built-in rules do not cover: one /v1/querybatch for all of them
// (following next_page_token), then /v1/vulns/{id} once per advisory for its summary, CVE alias,
// severity and fixed versions. Any failure — refused, HTTP error, malformed answer, timeout — is an
// OsvUnavailable the caller turns into a note; it never loses the other findings.
import pLimit from "p-limit";
import type { Dependency } from "./dependency";

export class OsvUnavailable extends Error {}

export interface OsvOptions {
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** At most this many advisories get their details fetched. */
  maxAdvisories?: number;
}

export interface OsvAdvisory {
  id: string;
  summary: string;
  aliases: string[];
  severity: string | null;
  fixed: string[];
}

export interface OsvMatch {
  dependency: Dependency;
  advisory: OsvAdvisory;
}

const BATCH = 1000;

interface BatchQuery {
  package: { name: string; ecosystem: string };
  version: string;
  page_token?: string;
}

export async function queryOsv(deps: Dependency[], opts: OsvOptions): Promise<OsvMatch[]> {
  const http = opts.fetch ?? fetch;
  const call = async (path: string, init?: RequestInit): Promise<unknown> => {
    let res: Response;
    try {
      res = await http(new URL(path, opts.baseUrl.replace(/\/?$/, "/")), { ...init, signal: AbortSignal.timeout(opts.timeoutMs) });
    } catch (e) {
      const err = e as Error;
      throw new OsvUnavailable(err.name === "TimeoutError" ? `OSV did not answer within ${opts.timeoutMs} ms` : `OSV unreachable: ${err.message}`);
    }
    if (!res.ok) throw new OsvUnavailable(`OSV answered HTTP ${res.status} for ${path}`);
    try {
      return await res.json();
    } catch {
      throw new OsvUnavailable(`OSV sent a malformed answer for ${path}`);
    }
  };

  const unique = [...new Map(deps.map((d) => [`${d.ecosystem}|${d.name}|${d.version}`, d])).values()];
  const idsByDep = new Map<Dependency, Set<string>>();
  for (let i = 0; i < unique.length; i += BATCH) {
    let pending: { dep: Dependency; query: BatchQuery }[] = unique.slice(i, i + BATCH).map((dep) => ({ dep, query: { package: { name: dep.name, ecosystem: dep.ecosystem }, version: dep.version } }));
    while (pending.length > 0) {
      const body = (await call("v1/querybatch", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ queries: pending.map((p) => p.query) }) })) as {
        results?: { vulns?: { id?: unknown }[]; next_page_token?: unknown }[];
      };
      if (!Array.isArray(body?.results) || body.results.length !== pending.length) throw new OsvUnavailable("OSV querybatch answer does not match the queries");
      const next: typeof pending = [];
      body.results.forEach((r, j) => {
        const p = pending[j]!;
        const ids = idsByDep.get(p.dep) ?? new Set<string>();
        for (const v of r.vulns ?? []) if (typeof v.id === "string") ids.add(v.id);
        idsByDep.set(p.dep, ids);
        if (typeof r.next_page_token === "string" && r.next_page_token) next.push({ dep: p.dep, query: { ...p.query, page_token: r.next_page_token } });
      });
      pending = next;
    }
  }

  const allIds = [...new Set([...idsByDep.values()].flatMap((s) => [...s]))].slice(0, opts.maxAdvisories ?? 200);
  const limit = pLimit(4);
  const advisories = new Map<string, OsvAdvisory>();
  await Promise.all(allIds.map((id) => limit(async () => advisories.set(id, toAdvisory(id, await call(`v1/vulns/${encodeURIComponent(id)}`))))));

  const matches: OsvMatch[] = [];
  for (const d of deps) {
    const ids = idsByDep.get(unique.find((u) => u.ecosystem === d.ecosystem && u.name === d.name && u.version === d.version)!) ?? new Set();
    for (const id of ids) {
      const advisory = advisories.get(id);
      if (advisory) matches.push({ dependency: d, advisory: { ...advisory, fixed: fixedFor(advisory, d) } });
    }
  }
  return matches;
}

const fixedByPackage = new WeakMap<OsvAdvisory, Map<string, string[]>>();

function toAdvisory(id: string, raw: unknown): OsvAdvisory {
  const v = (raw ?? {}) as {
    summary?: unknown; details?: unknown; aliases?: unknown; database_specific?: { severity?: unknown };
    affected?: { package?: { name?: string }; ranges?: { events?: { fixed?: string }[] }[] }[];
  };
  const summary = typeof v.summary === "string" && v.summary ? v.summary : typeof v.details === "string" ? v.details.split("\n")[0]!.slice(0, 200) : id;
  const advisory: OsvAdvisory = {
    id,
    summary,
    aliases: Array.isArray(v.aliases) ? v.aliases.filter((a): a is string => typeof a === "string") : [],
    severity: typeof v.database_specific?.severity === "string" ? v.database_specific.severity.toUpperCase() : null,
    fixed: [],
  };
  const byPkg = new Map<string, string[]>();
  for (const a of v.affected ?? []) {
    const fixed = (a.ranges ?? []).flatMap((r) => (r.events ?? []).map((e) => e.fixed).filter((f): f is string => typeof f === "string"));
    const name = a.package?.name ?? "";
    byPkg.set(name, [...(byPkg.get(name) ?? []), ...fixed]);
  }
  fixedByPackage.set(advisory, byPkg);
  return advisory;
}

function fixedFor(a: OsvAdvisory, d: Dependency): string[] {
  const byPkg = fixedByPackage.get(a);
  return [...new Set(byPkg?.get(d.name) ?? [...(byPkg?.values() ?? [])].flat())];
}
