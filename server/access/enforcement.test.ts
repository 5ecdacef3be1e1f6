// Access control everywhere (issue 11): every tRPC procedure, every route under app/api and every server
// action is DISCOVERED from the code and called as
//   - a user with no access to a private repository: no data of it in any answer, 401/403/404 on its
//     resources, nothing changed by any mutation;
//   - a read-only collaborator: reads show its data, mutations (approve, monitor…) are refused, nothing changed.
// A procedure, route or action this table does not know fails the test: add a fixture to FIXTURES below
// saying how to call it on the private repository's data (or, for endpoints that carry no repository data,
// why it is exempt).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { privateRepoWithPeople, type TestPerson } from "@/test/access-fixture";
import { useTestDatabase } from "@/test/database";
import { asCookie, sessionCookie } from "@/test/session-cookie";
import { startTestSimulator } from "@/tools/github-sim/test-support/sim-fixture";
import { db } from "../db/client";
import { resetEnvForTests } from "../env";
import { errorCodes } from "../errors";
import { recordFix } from "../knowledge/record-fix";
import { createTrpcContext } from "../trpc/init";
import { appRouter, createCaller } from "../trpc/router";
import type { ActionResult } from "@/server/http/run-action";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** In every text field of the private repository's data, so any leak shows up in an answer. */
const MARKER = "PRIVATE-MARKER-7f3a";

// --- discovery ---------------------------------------------------------------------------------------

function filesUnder(dir: string, match: (file: string) => boolean): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && match(path.join(d.parentPath, d.name)))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
    .sort();
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = (req: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

async function discoverRoutes(): Promise<Map<string, Handler>> {
  const routes = new Map<string, Handler>();
  for (const file of filesUnder("app/api", (f) => /[\\/]route\.tsx?$/.test(f))) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    const url = "/" + file.replace(/\/route\.tsx?$/, "");
    for (const m of METHODS) if (typeof mod[m] === "function") routes.set(`${m} ${url.replace(/^\/app/, "")}`, mod[m] as Handler);
  }
  return routes;
}

/** A file of server actions: "use server" first (comments may precede it). */
const ACTIONS_FILE = /^\s*(\/\/[^\n]*\n\s*)*["']use server["'];?/;

function sourceFiles(): string[] {
  return ["app", "components"].flatMap((dir) => filesUnder(dir, (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f)));
}

/** Server actions declared inside a function ("use server" not at the top of the file) cannot be listed. */
function inlineServerActions(): string[] {
  return sourceFiles().filter((f) => {
    const text = readFileSync(path.join(ROOT, f), "utf8");
    return /["']use server["']/.test(text.replace(ACTIONS_FILE, ""));
  });
}

async function discoverActions(): Promise<Map<string, (...args: unknown[]) => Promise<unknown>>> {
  const actions = new Map<string, (...args: unknown[]) => Promise<unknown>>();
  const files = sourceFiles().filter((f) => ACTIONS_FILE.test(readFileSync(path.join(ROOT, f), "utf8")));
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) if (typeof fn === "function") actions.set(`${file}#${name}`, fn as (...args: unknown[]) => Promise<unknown>);
  }
  return actions;
}

function discoverProcedures(): Map<string, "query" | "mutation" | "subscription"> {
  const procedures = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: "query" | "mutation" | "subscription" } }> } })._def.procedures;
  return new Map(Object.entries(procedures).map(([name, p]) => [name, p._def.type]));
}

// --- the world: a private repository with data, its people, and a stranger's own repository ------------

interface World {
  repo: string;
  strangerRepo: string;
  sessionId: string;
  /** A session pending approval of its own for each decision fixture, so each one's success is independent. */
  decisionSessions: Record<string, string>;
  patternId: string;
  commitSha: string;
  people: Record<"owner" | "reader" | "writer" | "stranger", TestPerson & { cookie: string }>;
}

/** An answer, whatever the transport: HTTP status and body. */
interface Outcome {
  status: number;
  body: unknown;
}

type Caller = ReturnType<typeof createCaller>;

interface Ctx {
  w: World;
  as: TestPerson & { cookie: string };
  trpc: Caller;
  route: (key: string, opts?: { params?: Record<string, unknown>; query?: Record<string, string>; body?: unknown }) => Promise<Outcome>;
  action: (key: string, ...args: unknown[]) => Promise<Outcome>;
}

type Fixture =
  /** Carries no repository data, or authenticates by other means; `why` says which. */
  | { kind: "exempt"; why: string }
  /** Reads: `shows` says whether an answer contains the private repository's data (default: the marker). */
  | { kind: "read"; call: (c: Ctx) => Promise<Outcome>; shows?: (body: unknown) => boolean; readerSees?: boolean }
  /** Changes something: refused (and nothing changed) for the stranger and for a read-only collaborator;
   *  `succeedsFor` (push: the push collaborator, admin: the owner) proves the refusals are the rule and not
   *  a broken call. */
  | { kind: "mutation"; call: (c: Ctx) => Promise<Outcome>; succeedsFor?: "push" | "admin" };

/** A server action deciding on a healing session (approve, reject, re-code): its id first, then `extra`. */
const actionOnSession = (key: string, ...extra: unknown[]): Fixture => ({
  kind: "mutation",
  call: (c) => c.action(key, c.w.decisionSessions[key], ...extra),
  succeedsFor: "push",
});

/** A REST decision on a healing session (`POST /api/healing/sessions/[id]/<verb>`) with its JSON body. */
const routeOnSession = (key: string, body: unknown): Fixture => ({
  kind: "mutation",
  call: (c) => c.route(key, { params: { id: c.w.decisionSessions[key] }, body }),
  succeedsFor: "push",
});

const hasMarker = (body: unknown) => JSON.stringify(body ?? null, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)).includes(MARKER);

const trpcOutcome = async (run: () => Promise<unknown>): Promise<Outcome> => {
  try {
    return { status: 200, body: await run() };
  } catch (err) {
    const code = (err as { code?: string }).code;
    const entry = Object.values(errorCodes).find((e) => e.trpc === code);
    return { status: entry?.http ?? 500, body: (err as Error).message };
  }
};

const q = (c: Ctx) => c.trpc;

// One entry per discovered procedure, route and action (`name~variant`: the same one called another way).
// Reads target the private repository's data.
const FIXTURES: Record<string, Fixture> = {
  // tRPC
  "auth.me": { kind: "read", call: (c) => trpcOutcome(() => q(c).auth.me()), readerSees: false },
  "dashboard.stats": {
    kind: "read",
    call: (c) => trpcOutcome(() => q(c).dashboard.stats()),
    shows: (b) => (b as { totalHealingSessions: number }).totalHealingSessions >= 2,
  },
  "dashboard.stats~repo": {
    kind: "read",
    call: (c) => trpcOutcome(() => q(c).dashboard.stats({ repo: c.w.repo })),
    shows: (b) => (b as { totalHealingSessions: number }).totalHealingSessions >= 2,
  },
  "dashboard.pipelineEvents": { kind: "read", call: (c) => trpcOutcome(() => q(c).dashboard.pipelineEvents()) },
  "dashboard.pipelineEvents~repo": { kind: "read", call: (c) => trpcOutcome(() => q(c).dashboard.pipelineEvents({ repo: c.w.repo })) },
  "dashboard.branches": { kind: "read", call: (c) => trpcOutcome(() => q(c).dashboard.branches({ repo: c.w.repo })) },
  "healing.sessions": { kind: "read", call: (c) => trpcOutcome(() => q(c).healing.sessions()) },
  "healing.sessions~repo": { kind: "read", call: (c) => trpcOutcome(() => q(c).healing.sessions({ repo: c.w.repo })) },
  "healing.session": { kind: "read", call: (c) => trpcOutcome(() => q(c).healing.session({ id: c.w.sessionId })) },
  "healing.fixPlan": { kind: "read", call: (c) => trpcOutcome(() => q(c).healing.fixPlan({ id: c.w.sessionId })) },
  "healing.auditLog": { kind: "read", call: (c) => trpcOutcome(() => q(c).healing.auditLog({ id: c.w.sessionId })) },
  "knowledge.stats": { kind: "read", call: (c) => trpcOutcome(() => q(c).knowledge.stats()), shows: (b) => (b as { totalPatterns: number }).totalPatterns > 0 },
  "knowledge.patterns": { kind: "read", call: (c) => trpcOutcome(() => q(c).knowledge.patterns()) },
  "knowledge.fixes": { kind: "read", call: (c) => trpcOutcome(() => q(c).knowledge.fixes({ patternId: c.w.patternId })) },
  "insights.overview": { kind: "read", call: (c) => trpcOutcome(() => q(c).insights.overview()), shows: (b) => (b as { failureTypes: unknown[] }).failureTypes.length > 0 },
  "insights.overview~repo": { kind: "read", call: (c) => trpcOutcome(() => q(c).insights.overview({ repo: c.w.repo })), shows: (b) => (b as { failureTypes: unknown[] }).failureTypes.length > 0 },
  "insights.fixOutcomes": { kind: "read", call: (c) => trpcOutcome(() => q(c).insights.fixOutcomes()), shows: (b) => JSON.stringify(b).includes("/secret-service") },
  "review.session": { kind: "read", call: (c) => trpcOutcome(() => q(c).review.session({ id: c.w.sessionId })) },
  "repos.monitored": { kind: "read", call: (c) => trpcOutcome(() => q(c).repos.monitored()) },
  "repos.readable": { kind: "read", call: (c) => trpcOutcome(() => q(c).repos.readable()), shows: (b) => JSON.stringify(b).includes("/secret-service") },
  "repos.available": { kind: "read", call: (c) => trpcOutcome(() => q(c).repos.available()), shows: (b) => JSON.stringify(b).includes("/secret-service") },
  "security.scans": { kind: "read", call: (c) => trpcOutcome(() => q(c).security.scans()) },
  "security.scans~repo": { kind: "read", call: (c) => trpcOutcome(() => q(c).security.scans({ repo: c.w.repo })) },
  "security.stats": { kind: "read", call: (c) => trpcOutcome(() => q(c).security.stats()), shows: (b) => (b as { totalScans: number }).totalScans > 0 },
  "security.targets": { kind: "read", call: (c) => trpcOutcome(() => q(c).security.targets()) },

  // REST routes
  "GET /api/auth/[...nextauth]": { kind: "exempt", why: "next-auth's own sign-in endpoints: no repository data" },
  "POST /api/auth/[...nextauth]": { kind: "exempt", why: "next-auth's own sign-in endpoints: no repository data" },
  "GET /api/inngest": { kind: "exempt", why: "Inngest's endpoint, authenticated by INNGEST_SIGNING_KEY outside development" },
  "POST /api/inngest": { kind: "exempt", why: "Inngest's endpoint, authenticated by INNGEST_SIGNING_KEY outside development" },
  "PUT /api/inngest": { kind: "exempt", why: "Inngest's endpoint, authenticated by INNGEST_SIGNING_KEY outside development" },
  "POST /api/webhooks/github": { kind: "exempt", why: "GitHub deliveries, authenticated by their HMAC signature" },
  "GET /api/health": { kind: "exempt", why: "component states only, no error texts for anonymous callers (check-health.test.ts)" },
  "GET /api/trpc/[trpc]": { kind: "read", call: (c) => c.route("GET /api/trpc/[trpc]", { params: { trpc: "healing.sessions" } }) },
  "POST /api/trpc/[trpc]": { kind: "exempt", why: "every tRPC procedure is in this table itself (called through createCaller)" },
  "GET /api/auth/user": { kind: "read", call: (c) => c.route("GET /api/auth/user"), readerSees: false },
  "GET /api/user/me": { kind: "read", call: (c) => c.route("GET /api/user/me"), readerSees: false },
  "GET /api/user/repos": { kind: "read", call: (c) => c.route("GET /api/user/repos"), shows: (b) => JSON.stringify(b).includes("/secret-service") },
  "GET /api/user/repos/monitored": { kind: "read", call: (c) => c.route("GET /api/user/repos/monitored"), readerSees: false },
  "POST /api/user/repos/monitor": { kind: "mutation", call: (c) => c.route("POST /api/user/repos/monitor", { body: { repoFullName: c.w.repo } }), succeedsFor: "admin" },
  "DELETE /api/user/repos/monitor/[...repoFullName]": {
    kind: "mutation",
    call: (c) => c.route("DELETE /api/user/repos/monitor/[...repoFullName]", { params: { repoFullName: c.w.repo.split("/") } }),
    succeedsFor: "admin",
  },
  "GET /api/dashboard/stats": { kind: "read", call: (c) => c.route("GET /api/dashboard/stats", { query: { repo: c.w.repo } }), shows: (b) => (b as { totalHealingSessions?: number }).totalHealingSessions! >= 2 },
  "GET /api/dashboard/pipeline-events": { kind: "read", call: (c) => c.route("GET /api/dashboard/pipeline-events") },
  "GET /api/dashboard/healing-sessions": { kind: "read", call: (c) => c.route("GET /api/dashboard/healing-sessions") },
  "GET /api/dashboard/repos/[owner]/[repo]/branches": {
    kind: "read",
    call: (c) => c.route("GET /api/dashboard/repos/[owner]/[repo]/branches", { params: { owner: c.w.repo.split("/")[0], repo: c.w.repo.split("/")[1] } }),
  },
  "GET /api/healing/sessions": { kind: "read", call: (c) => c.route("GET /api/healing/sessions", { query: { repo: c.w.repo } }) },
  "GET /api/healing/sessions/[id]": { kind: "read", call: (c) => c.route("GET /api/healing/sessions/[id]", { params: { id: c.w.sessionId } }) },
  "GET /api/healing/sessions/[id]/fix-plan": { kind: "read", call: (c) => c.route("GET /api/healing/sessions/[id]/fix-plan", { params: { id: c.w.sessionId } }) },
  "GET /api/healing/sessions/[id]/audit-log": { kind: "read", call: (c) => c.route("GET /api/healing/sessions/[id]/audit-log", { params: { id: c.w.sessionId } }) },
  "GET /api/knowledge/stats": { kind: "read", call: (c) => c.route("GET /api/knowledge/stats"), shows: (b) => (b as { totalPatterns?: number }).totalPatterns! > 0 },
  "GET /api/knowledge/patterns": { kind: "read", call: (c) => c.route("GET /api/knowledge/patterns") },
  "GET /api/knowledge/patterns/[id]/fixes": { kind: "read", call: (c) => c.route("GET /api/knowledge/patterns/[id]/fixes", { params: { id: c.w.patternId } }) },
  "GET /api/security/scans": { kind: "read", call: (c) => c.route("GET /api/security/scans") },
  "GET /api/security/stats": { kind: "read", call: (c) => c.route("GET /api/security/stats"), shows: (b) => (b as { totalScans?: number }).totalScans! > 0 },
  "GET /api/security/scans/commit/[sha]": { kind: "read", call: (c) => c.route("GET /api/security/scans/commit/[sha]", { params: { sha: c.w.commitSha } }) },
  "GET /api/realtime": { kind: "exempt", why: "a stream: its filtering is tested with a real EventSource client in app/api/realtime/realtime.test.ts" },
  "POST /api/realtime/pusher-auth": { kind: "exempt", why: "Pusher channel authorisation: tested with a real pusher-js client in app/api/realtime/pusher-auth/pusher-auth.test.ts" },

  "POST /api/healing/sessions/[id]/approve": routeOnSession("POST /api/healing/sessions/[id]/approve", {}),
  "POST /api/healing/sessions/[id]/reject": routeOnSession("POST /api/healing/sessions/[id]/reject", { reason: "not this way" }),
  "POST /api/healing/sessions/[id]/regenerate": routeOnSession("POST /api/healing/sessions/[id]/regenerate", { feedback: "keep the API" }),

  // Server actions
  "app/healing/actions.ts#approveSessionAction": actionOnSession("app/healing/actions.ts#approveSessionAction"),
  "app/healing/actions.ts#rejectSessionAction": actionOnSession("app/healing/actions.ts#rejectSessionAction", "not this way"),
  "app/healing/actions.ts#recodeSessionAction": actionOnSession("app/healing/actions.ts#recodeSessionAction", "keep the API"),
  "app/repos/actions.ts#monitorRepoAction": { kind: "mutation", call: (c) => c.action("app/repos/actions.ts#monitorRepoAction", c.w.repo), succeedsFor: "admin" },
  "app/repos/actions.ts#unmonitorRepoAction": { kind: "mutation", call: (c) => c.action("app/repos/actions.ts#unmonitorRepoAction", c.w.repo), succeedsFor: "admin" },
};

// Tables whose content a refused mutation must leave exactly as it was.
const WATCHED_TABLES = ["monitored_repos", "repo_webhooks", "healing_sessions", "fix_audit_log", "pipeline_events", "security_scan_results", "kb_fixes", "kb_pattern_fixes"];

async function snapshot(): Promise<string> {
  const parts: string[] = [];
  for (const t of WATCHED_TABLES) {
    const [row] = await db().$queryRawUnsafe<{ h: string | null }[]>(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM ${t} x`);
    parts.push(`${t}:${row?.h ?? "empty"}`);
  }
  return parts.join(",");
}

describe("every reader and writer goes through the access rule (discovered from the code)", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let world: World;
  let routes: Map<string, Handler>;
  let actions: Map<string, (...args: unknown[]) => Promise<unknown>>;
  let simHooks: () => Promise<number>;

  beforeAll(async () => {
    sim = await startTestSimulator();
    Object.assign(process.env, { GITHUB_URL: sim.url, APP_URL: "http://127.0.0.1:9", NEXTAUTH_SECRET: "enforcement-test-secret" });
    resetEnvForTests();
  });
  useTestDatabase();
  beforeAll(async () => {
    const p = await privateRepoWithPeople(sim, "enf");
    const people = {} as World["people"];
    for (const role of ["owner", "reader", "writer", "stranger"] as const) people[role] = { ...p[role], cookie: (await sessionCookie(p[role])).cookie };
    const commitSha = "ab".repeat(20);
    const signature = "f".repeat(40);
    const base = { repoFullName: p.repo, branch: `fix-${MARKER}`, commitSha, workflowName: `CI ${MARKER}` };
    const event = await db().pipelineEvent.create({ data: { ...base, status: "failure", runId: 777_001n, errorMessage: MARKER } });
    const recorded = await recordFix({
      failure: { failureType: "TEST_FAILURE", signature, signatureText: `expected ${MARKER} to equal 2` },
      strategy: `Fix the ${MARKER} assertion`,
      changes: [{ path: "src/app.js", content: `// ${MARKER}\n` }],
    });
    const session = await db().healingSession.create({
      data: {
        pipelineEventId: event.id, repoFullName: p.repo, branch: base.branch, commitSha, status: "PENDING_APPROVAL", errorExcerpt: MARKER,
        fixPlan: { summary: MARKER }, signature, signatureText: MARKER, kbFixId: recorded.fix.id, failureType: "TEST_FAILURE",
      },
    });
    await db().healingSession.create({ data: { repoFullName: p.repo, branch: base.branch, commitSha, status: "FAILED", failureReason: MARKER } });
    await db().fixAuditLog.create({ data: { sessionId: session.id, actor: "SYSTEM", action: "FIX_PROPOSED", details: MARKER } });
    await db().securityScan.create({ data: { repoFullName: p.repo, commitSha, branch: base.branch, filesScanned: 1, findingCount: 1 } });
    await db().securityScanResult.create({ data: { repoFullName: p.repo, commitSha, branch: base.branch, severity: "HIGH", vulnerabilityType: "SECRET", description: MARKER, findingKey: "k1" } });
    await db().monitoredRepo.create({ data: { userId: p.owner.id, repoFullName: p.repo, repoUrl: `${sim.url}/${p.repo}?${MARKER}` } });
    // The stranger's own repository has data too: their lists are filtered, not empty.
    await db().pipelineEvent.create({ data: { repoFullName: p.strangerRepo, branch: "main", commitSha: "cd".repeat(20), workflowName: "CI", status: "success", runId: 777_002n } });
    await db().healingSession.create({ data: { repoFullName: p.strangerRepo, branch: "main", commitSha: "cd".repeat(20), status: "FAILED" } });
    const decisionSessions: Record<string, string> = {};
    for (const key of Object.keys(FIXTURES).filter((k) => k.startsWith("POST /api/healing/sessions/[id]/") || k.startsWith("app/healing/actions.ts#"))) {
      const own = await db().healingSession.create({
        data: { pipelineEventId: event.id, repoFullName: p.repo, branch: base.branch, commitSha, status: "PENDING_APPROVAL", fixPlan: { summary: MARKER }, signature, signatureText: MARKER, failureType: "TEST_FAILURE" },
      });
      decisionSessions[key] = own.id.toString();
    }
    world = { repo: p.repo, strangerRepo: p.strangerRepo, sessionId: session.id.toString(), decisionSessions, patternId: recorded.pattern.id, commitSha, people };
    routes = await discoverRoutes();
    actions = await discoverActions();
    simHooks = async () => (await fetch(`${sim.apiUrl}/repos/${p.repo}/hooks`, { headers: { authorization: `token ${p.owner.token}` } }).then((r) => r.json() as Promise<unknown[]>)).length;
  });
  afterAll(async () => sim?.remove());

  function ctxFor(as: World["people"]["owner"] | null): Ctx {
    return {
      w: world,
      as: as!,
      trpc: createCaller({ db: db(), user: as && { id: as.id, login: as.login, name: null, email: null, image: null } }),
      async route(key, opts = {}) {
        const handler = routes.get(key);
        if (!handler) throw new Error(`no route ${key}`);
        const [method, template] = key.split(" ") as [string, string];
        const filled = template.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_m, rest: string | undefined, name: string) => {
          const v = opts.params?.[name];
          return rest ? (v as string[]).map(encodeURIComponent).join("/") : encodeURIComponent(String(v));
        });
        const url = new URL(`http://127.0.0.1${filled}`);
        for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
        const req = new Request(url, {
          method,
          ...(opts.body !== undefined && { body: JSON.stringify(opts.body), headers: { "content-type": "application/json" } }),
        });
        const res = await asCookie(as?.cookie ?? null, () => handler(req, { params: Promise.resolve(opts.params ?? {}) }));
        const text = await res.text();
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          // not JSON
        }
        return { status: res.status, body };
      },
      async action(key, ...args) {
        const fn = actions.get(key);
        if (!fn) throw new Error(`no server action ${key}`);
        const result = (await asCookie(as?.cookie ?? null, () => fn(...args))) as ActionResult<unknown>;
        // Server actions answer { ok, value } or { ok: false, error: { code, message } } (server/http/run-action.ts)
        // rather than a status: the AppError code maps to its HTTP status, as the REST routes answer.
        if (result.ok) return { status: 200, body: result.value };
        return { status: errorCodes[result.error.code as keyof typeof errorCodes]?.http ?? 500, body: result.error.message };
      },
    };
  }

  it("knows every procedure, route and action (add a fixture to FIXTURES for a new one)", async () => {
    const discovered = [
      ...[...discoverProcedures().keys()].map((k) => ({ key: k, what: "tRPC procedure" })),
      ...[...routes.keys()].map((k) => ({ key: k, what: "route handler" })),
      ...[...actions.keys()].map((k) => ({ key: k, what: "server action" })),
    ];
    const missing = discovered.filter((d) => !FIXTURES[d.key]);
    expect(
      missing.map((m) => `No access fixture for ${m.what} "${m.key}": add one to FIXTURES in server/access/enforcement.test.ts saying how to call it on another user's private repository (or why it is exempt)`),
    ).toEqual([]);
    const known = new Set(discovered.map((d) => d.key));
    const stale = Object.keys(FIXTURES).filter((k) => !known.has(k.split("~")[0]!));
    expect(stale.map((k) => `FIXTURES has "${k}", which no longer exists: remove it`)).toEqual([]);
    expect(inlineServerActions().map((f) => `${f} declares a server action inside a function: move it to a "use server" actions file so this test covers it`)).toEqual([]);
    // The discovery itself finds things (a broken walk would make every check pass vacuously).
    expect(discovered.length).toBeGreaterThan(40);
  });

  const entries = Object.entries(FIXTURES).filter((e): e is [string, Exclude<Fixture, { kind: "exempt" }>] => e[1].kind !== "exempt");

  it.each(entries)("%s: a user without access gets no data, 403/404 on its resources, and changes nothing", async (_key, fixture) => {
    const before = await snapshot();
    const hooksBefore = await simHooks();
    const out = await fixture.call(ctxFor(world.people.stranger));
    if (fixture.kind === "mutation") {
      expect([401, 403, 404]).toContain(out.status);
    } else {
      expect(out.status, JSON.stringify(out.body)).toBeLessThan(500);
      if (out.status < 300) expect((fixture.shows ?? hasMarker)(out.body), JSON.stringify(out.body)).toBe(false);
      else expect([403, 404]).toContain(out.status);
    }
    expect(hasMarker(out.body)).toBe(false);
    expect(await snapshot()).toBe(before);
    expect(await simHooks()).toBe(hooksBefore);
  });

  it.each(entries)("%s: a read-only collaborator reads the repository's data but cannot change anything", async (_key, fixture) => {
    const before = await snapshot();
    const out = await fixture.call(ctxFor(world.people.reader));
    if (fixture.kind === "mutation") {
      expect([403, 404]).toContain(out.status);
      expect(await snapshot()).toBe(before);
    } else if (fixture.readerSees !== false) {
      expect(out.status, JSON.stringify(out.body)).toBe(200);
      expect((fixture.shows ?? hasMarker)(out.body), JSON.stringify(out.body)).toBe(true);
    }
  });

  // Routes and actions (tRPC procedures are checked in the next test).
  it.each(entries.filter(([key]) => key.includes("/")))("%s: anonymous callers are refused with 401", async (_key, fixture) => {
    const before = await snapshot();
    const out = await fixture.call({ ...ctxFor(null) });
    expect(out.status).toBe(401);
    expect(await snapshot()).toBe(before);
  });

  it("tRPC procedures refuse anonymous callers (auth.me answers null)", async () => {
    const anon = ctxFor(null);
    for (const [name] of discoverProcedures()) {
      const fixture = FIXTURES[name];
      if (!fixture || fixture.kind === "exempt") continue;
      const out = await fixture.call(anon);
      if (name === "auth.me") expect(out.body).toBeNull();
      else expect(out.status, name).toBe(401);
    }
  });

  // Last: these change the world the refusals above were checked against.
  it.each(entries.filter((e): e is [string, Extract<Fixture, { kind: "mutation" }>] => e[1].kind === "mutation" && Boolean(e[1].succeedsFor)))(
    "%s: allowed with the access it needs (the refusals are the rule, not a broken call)",
    async (_key, fixture) => {
      const out = await fixture.call(ctxFor(fixture.succeedsFor === "admin" ? world.people.owner : world.people.writer));
      expect(out.status, JSON.stringify(out.body)).toBe(200);
    },
  );
});
