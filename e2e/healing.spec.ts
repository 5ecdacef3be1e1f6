// Issue 10 through the production server: a broken demo repository reaches PENDING_APPROVAL, the §6
// decision endpoints answer with the right statuses (two approvals at once → one 200 and one 409), and the
// approved fix is committed, its CI goes green and the session ends APPLIED / SUCCEEDED with its MTTR.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { base, signIn } from "./support";

const REPO = "infraflow-demo/billing-cli";

interface Session {
  id: string;
  status: string;
  outcome: string | null;
  source: string | null;
  attemptNumber: number;
  mttrSeconds: number | null;
  fixBranch: string | null;
  pullRequestUrl: string | null;
}

async function sessions(request: APIRequestContext): Promise<Session[]> {
  const res = await request.get(`${base()}/api/healing/sessions?repo=${encodeURIComponent(REPO)}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Session[];
}

test("break → PENDING_APPROVAL → approve (one of two concurrent approvals wins) → APPLIED, CI green, SUCCEEDED", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page);
  const request = page.request;
  const monitored = await request.post(`${base()}/api/user/repos/monitor`, { data: { repoFullName: REPO } });
  expect(monitored.ok()).toBe(true);
  const broke = await fetch(`${process.env.E2E_SIM_URL}/_admin/scenarios/missing-dependency`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  expect(broke.ok).toBe(true);

  await expect.poll(async () => (await sessions(request)).find((s) => s.status === "PENDING_APPROVAL")?.source, { timeout: 120_000 }).toBe("LLM");
  const pending = (await sessions(request)).find((s) => s.status === "PENDING_APPROVAL")!;
  const plan = await request.get(`${base()}/api/healing/sessions/${pending.id}/fix-plan`);
  expect(await plan.json()).toMatchObject({ changes: [expect.objectContaining({ path: "package.json" })] });

  expect((await request.post(`${base()}/api/healing/sessions/${pending.id}/reject`, { data: {} })).status()).toBe(400);
  expect((await request.post(`${base()}/api/healing/sessions/999999/approve`)).status()).toBe(404);
  const [a, b] = await Promise.all([
    request.post(`${base()}/api/healing/sessions/${pending.id}/approve`),
    request.post(`${base()}/api/healing/sessions/${pending.id}/approve`),
  ]);
  expect([a.status(), b.status()].sort()).toEqual([200, 409]);
  const conflict = a.status() === 409 ? a : b;
  expect(await conflict.json()).toMatchObject({ error: expect.stringContaining("already approved by demo-dev") });

  await expect.poll(async () => (await sessions(request)).find((s) => s.id === pending.id)?.outcome, { timeout: 180_000 }).toBe("SUCCEEDED");
  const done = (await (await request.get(`${base()}/api/healing/sessions/${pending.id}`)).json()) as Session;
  expect(done).toMatchObject({ status: "APPLIED", fixBranch: expect.stringMatching(/^auto-fix\//), pullRequestUrl: expect.any(String) });
  expect(done.mttrSeconds).toEqual(expect.any(Number));
  expect((await request.post(`${base()}/api/healing/sessions/${pending.id}/approve`)).status()).toBe(409);
  expect((await request.post(`${base()}/api/healing/sessions/${pending.id}/regenerate`, { data: { feedback: "again" } })).status()).toBe(409);

  const audit = (await (await request.get(`${base()}/api/healing/sessions/${pending.id}/audit-log`)).json()) as { actor: string; action: string }[];
  expect(audit.map((e) => `${e.actor}:${e.action}`)).toEqual(expect.arrayContaining(["LLM:FIX_GENERATED", "USER:APPROVED", "SYSTEM:COMMITTED", "SYSTEM:CI_PASSED"]));
});
