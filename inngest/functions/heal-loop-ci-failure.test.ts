// A fix whose CI fails (issue 10 §4): the outcome is FAILED, the LLM's confidence for that failure type goes
// down, and a re-code starts with the failed run's logs in the prompt, up to HEALING_MAX_RETRIES; then the
// session ends FAILED. HEALING_AUTO_APPLY approves as SYSTEM. The model is a local Messages API stub that
// proposes a fix that does not fix anything; CI runs for real on the GitHub simulator.
import { createTwoFilesPatch } from "diff";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { githubClient } from "@/server/github/octokit";
import { startAnthropicStub, toolUse } from "@/server/healing/generate/testing/anthropic-stub";
import { monitorRepo } from "@/server/repos/monitor-repo";
import { useTestDatabase } from "@/test/database";
import { scenarios } from "@/tools/github-sim/demo/scenarios";
import { eventually } from "@/tools/github-sim/test-support/sim-fixture";
import { upsertUser } from "@/server/auth/upsert-user";
import { startHealingWorld, type HealingWorld } from "@/test/demo-world";

const FULL = "infraflow-demo/payments-api";
const broken = scenarios.find((s) => s.name === "failing-test")!.files["src/pricing.js"]!;

/** A "fix" that only adds a comment: it applies cleanly, passes the guardrails, and leaves the bug in. */
function uselessFix(n: number) {
  return {
    summary: `Document the pricing function (${n})`,
    rootCause: "The discount is applied wrongly.",
    explanation: "Adds a comment.",
    changes: [{ path: "src/pricing.js", action: "modify", diff: createTwoFilesPatch("a/src/pricing.js", "b/src/pricing.js", broken, `// Pricing rules, attempt ${n}.\n${broken}`) }],
    confidence: 0.9,
    testsTouched: false,
    testsTouchedReason: null,
  };
}

describe("a fix whose CI fails lowers confidence and re-codes (embedded runner, simulator, PostgreSQL)", () => {
  let stub: Awaited<ReturnType<typeof startAnthropicStub>>;
  let world: HealingWorld;

  useTestDatabase();
  beforeAll(async () => {
    stub = await startAnthropicStub();
    world = await startHealingWorld({
      engine: "embedded",
      env: () => ({
        WEBHOOK_SECRET: "ci-failure-secret", HEALING_DEMO_MODE: "false", ANTHROPIC_BASE_URL: stub.url, ANTHROPIC_API_KEY: "sk-ant-test", ANTHROPIC_MAX_RETRIES: "0",
        HEALING_AUTO_APPLY: "true", HEALING_CONFIDENCE_THRESHOLD: "0", HEALING_MAX_RETRIES: "1",
      }),
    });
  }, 240_000);
  afterAll(async () => {
    await world?.stop();
    await stub?.close();
    for (const k of ["HEALING_AUTO_APPLY", "HEALING_CONFIDENCE_THRESHOLD", "HEALING_MAX_RETRIES", "ANTHROPIC_API_KEY"]) delete process.env[k];
  });

  it("auto-applies as SYSTEM, CI fails, attempt 2 gets the CI logs and a lower confidence, then the session ends FAILED", async () => {
    const { sim, app, token } = world;
    let n = 0;
    stub.answer(() => toolUse("propose_fix", uselessFix(++n)));
    // Signed in with GitHub: its token decides what this user may read and decide on (server/access).
    const user = await upsertUser(db(), { githubId: 7101n, login: "demo-dev", name: null, avatarUrl: null, email: null }, { accessToken: token });
    await monitorRepo({ db: db(), github: githubClient(token, sim.url), log: pino({ level: "silent" }), userId: user.id, repoFullName: FULL, appUrl: app.url });
    const failing = await sim.breakRepository({ scenario: "failing-test" });

    const last = await eventually(
      async () => db().healingSession.findFirst({ where: { repoFullName: FULL, attemptNumber: 2, status: "FAILED" } }),
      "attempt 2 to end FAILED after its CI failed",
      6000,
    );
    const first = await db().healingSession.findFirstOrThrow({ where: { repoFullName: FULL, attemptNumber: 1 } });
    expect(first).toMatchObject({ commitSha: failing.sha, status: "APPLIED", outcome: "FAILED", decidedBy: "SYSTEM", source: "LLM" });
    expect(first.failureReason).toMatch(/CI failed on the fix/);
    expect(last).toMatchObject({ parentSessionId: first.id, outcome: "FAILED", decidedBy: "SYSTEM" });
    expect(last.failureReason).toMatch(/retry limit/);
    // The failed outcome counts against the LLM's fixes of this type: same claim (0.9), lower confidence.
    expect(Number(last.confidenceScore)).toBeLessThan(Number(first.confidenceScore));
    // Attempt 2's request carries the failed CI run's log excerpt and the earlier attempt.
    expect(stub.requests).toHaveLength(2);
    const prompt = JSON.stringify(stub.requests[1]!.body.messages);
    expect(prompt).toContain("CI failed on the fix");
    expect(prompt).toMatch(/applyDiscount|pricing/);
    expect(await db().healingSession.count({ where: { repoFullName: FULL } })).toBe(2);

    const audit = (id: bigint) => db().fixAuditLog.findMany({ where: { sessionId: id }, orderBy: { id: "asc" } }).then((rows) => rows.map((a) => `${a.actor}:${a.action}`));
    expect(await audit(first.id)).toEqual(expect.arrayContaining(["SYSTEM:APPROVED", "SYSTEM:CI_FAILED", "SYSTEM:RECODE_REQUESTED"]));
    expect(await audit(last.id)).toEqual(expect.arrayContaining(["SYSTEM:SESSION_OPENED", "LLM:FIX_GENERATED", "SYSTEM:APPROVED", "SYSTEM:CI_FAILED", "SYSTEM:RETRIES_EXHAUSTED"]));
    // Failed LLM fixes stay out of the knowledge base.
    expect(await db().kbFix.count()).toBe(0);
  }, 600_000);
});
