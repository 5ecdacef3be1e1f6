// Which mode /api/inngest serves in: dev mode outside production when no Inngest keys are set (what a local
// `inngest dev` talks to), cloud mode with signature checks in production.
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/server/env";

type Route = { GET: (r: Request) => Promise<Response>; POST: (r: Request) => Promise<Response> };
const saved = { ...process.env };

async function routeWith(vars: Record<string, string>): Promise<Route> {
  for (const k of ["INNGEST_DEV", "INNGEST_SIGNING_KEY", "INNGEST_EVENT_KEY", "INNGEST_BASE_URL"]) delete process.env[k];
  Object.assign(process.env, vars);
  resetEnvForTests();
  vi.resetModules();
  return (await import("./route")) as unknown as Route;
}

// An execution request as Inngest sends it; the function it names would fail loudly if it ran.
const execute = () =>
  new Request("http://127.0.0.1/api/inngest?fnId=infraflow-record-fix-outcome&stepId=step", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ version: 2, event: { name: "x", data: {} }, events: [], steps: {}, ctx: { run_id: "r", attempt: 0, stack: { stack: [], current: 0 } } }),
  });

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe("/api/inngest modes", () => {
  it("answers in dev mode in development without INNGEST_SIGNING_KEY", async () => {
    const route = await routeWith({ NODE_ENV: "development" });
    const res = await route.GET(new Request("http://127.0.0.1/api/inngest"));
    expect(res.status).toBe(200);
    const { workflows } = await import("@/inngest/functions");
    expect(await res.json()).toMatchObject({ mode: "dev", has_signing_key: false, function_count: workflows.length });
  });

  it("keeps cloud mode when INNGEST_DEV=0 says so, as the Inngest SDK reads it", async () => {
    const route = await routeWith({ NODE_ENV: "development", INNGEST_DEV: "0" });
    expect((await route.GET(new Request("http://127.0.0.1/api/inngest"))).status).toBe(500);
  });

  it("refuses to serve or execute anything in production without a signing key", async () => {
    const route = await routeWith({ NODE_ENV: "production" });
    expect((await route.GET(new Request("http://127.0.0.1/api/inngest"))).status).toBe(500);
    const res = await route.POST(execute());
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ code: "internal_server_error" });
  });

  it("requires Inngest's signature in production with a signing key", async () => {
    const route = await routeWith({ NODE_ENV: "production", INNGEST_SIGNING_KEY: "signkey-prod-0123456789abcdef0123456789abcdef" });
    expect((await route.POST(execute())).status).toBe(401);
  });

  it("stays in cloud mode in development when Inngest keys are configured", async () => {
    const route = await routeWith({ NODE_ENV: "development", INNGEST_SIGNING_KEY: "signkey-prod-0123456789abcdef0123456789abcdef", INNGEST_EVENT_KEY: "k" });
    expect((await route.POST(execute())).status).toBe(401);
  });
});
