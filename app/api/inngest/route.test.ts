// A round trip through the real /api/inngest handler, driven the way an Inngest executor drives it: POST
// an execution request, collect the step it ran (206), send it back memoized, until the run returns 200.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { db } from "@/server/db/client";
import { closeKnowledgeBase, knowledgeBase } from "@/server/knowledge/current-knowledge-base";
import { recordFix } from "@/server/knowledge/record-fix";
import { workflows } from "@/inngest/functions";

let POST: (req: Request) => Promise<Response>;
let GET: (req: Request) => Promise<Response>;

describe("/api/inngest (serve handler, INNGEST_DEV=1)", () => {
  beforeAll(async () => {
    process.env.INNGEST_DEV = "1";
    const route = (await import("./route")) as unknown as { POST: typeof POST; GET: typeof GET };
    POST = route.POST;
    GET = route.GET;
  });
  useTestDatabase();
  afterAll(() => closeKnowledgeBase());

  it("describes the app's functions", async () => {
    const res = await GET(new Request("http://127.0.0.1/api/inngest"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { function_count: number; mode: string };
    // Every workflow of inngest/functions is served (scan-push included).
    expect(workflows.map((w) => w.id)).toEqual(expect.arrayContaining(["analyze-failure", "heal-failure", "apply-fix", "record-fix-outcome", "recode-session", "reject-session", "expire-session", "scan-push"]));
    expect(body).toMatchObject({ function_count: workflows.length, mode: "dev" });
  });

  it("executes reject-session step by step until the run completes", async () => {
    const { fix } = await recordFix({
      failure: { failureType: "TEST_FAILURE", signature: "ef".repeat(32), signatureText: "TEST_FAILURE\nnot ok N - total" },
      strategy: "Use the rate as a reduction",
      changes: [{ path: "src/pricing.js", content: "x\n", originalContent: "y\n" }],
    });
    const session = await db().healingSession.create({
      data: { repoFullName: "octo/app", branch: "main", commitSha: "c".repeat(40), status: "REJECTED", kbFixId: fix.id, source: "KNOWLEDGE_BASE", signature: "ef".repeat(32) },
    });
    const event = { name: "infraflow/session.rejected", data: { sessionId: session.id.toString(), repoFullName: "octo/app", branch: "main" }, id: "e-9", ts: Date.now() };
    const steps: Record<string, unknown> = {};
    const ranSteps: string[] = [];
    for (let round = 0; round < 10; round++) {
      const res = await POST(
        new Request("http://127.0.0.1/api/inngest?fnId=infraflow-reject-session&stepId=step", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ version: 2, event, events: [event], steps, ctx: { run_id: "run-9", attempt: 0, disable_immediate_execution: false, stack: { stack: Object.keys(steps), current: Object.keys(steps).length } } }),
        }),
      );
      if (res.status === 200) {
        expect(await res.json()).toEqual({ learned: true });
        break;
      }
      expect(res.status).toBe(206);
      const ops = (await res.json()) as { id: string; op: string; name?: string; displayName?: string; data?: unknown }[];
      for (const op of ops) {
        expect(op.op).toBe("StepRun");
        steps[op.id] = { type: "data", data: op.data ?? null };
        ranSteps.push(op.displayName ?? op.name ?? op.id);
      }
    }
    expect(ranSteps).toEqual(["teach-knowledge-base", "announce"]);
    expect(await knowledgeBase().getFix(fix.id)).toMatchObject({ rejectedCount: 1, failureCount: 1 });
    expect((await db().fixAuditLog.findFirstOrThrow({ where: { sessionId: session.id } })).action).toBe("KB_UPDATED");
  });
});
