// The demo LLM through the real @anthropic-ai/sdk: request validation with Anthropic's error JSON,
// "no confident fix" for anything unknown, and for each CI-breaking scenario a recorded `propose_fix`
// answer, recognised from the failed job's log, whose changes turn the broken files back into the
// template's. (server/healing/generate/demo-fixes.test.ts commits them through InfraFlow and watches CI
// pass.)
import Anthropic, { BadRequestError } from "@anthropic-ai/sdk";
import type { Octokit } from "@octokit/rest";
import { applyPatch } from "diff";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarios } from "./demo/scenarios";
import { templateFiles } from "./demo/template-files";
import type { ProposedFix } from "./llm/recorded-answers";
import { eventually, startTestSimulator } from "./test-support/sim-fixture";
import { validatedOctokit } from "./test-support/validated-octokit";

const owner = "infraflow-demo";

const tools: Anthropic.Tool[] = [
  {
    name: "propose_fix",
    description: "Propose a fix.",
    input_schema: {
      type: "object",
      properties: {
        summary: { type: "string" },
        rootCause: { type: "string" },
        explanation: { type: "string" },
        confidence: { type: "number" },
        testsTouched: { type: "boolean" },
        testsTouchedReason: { type: ["string", "null"] },
        changes: { type: "array", items: { type: "object", properties: { path: { type: "string" }, action: { type: "string", enum: ["modify", "create", "delete"] }, diff: { type: "string" }, content: { type: "string" } }, required: ["path", "action"] } },
      },
      required: ["summary", "rootCause", "explanation", "confidence", "testsTouched", "changes"],
    },
  },
  { name: "report_no_fix", description: "Say that no confident fix exists.", input_schema: { type: "object", properties: { reason: { type: "string" } }, required: ["reason"] } },
];

describe("demo LLM endpoint", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let octokit: Octokit;
  let client: Anthropic;

  beforeAll(async () => {
    sim = await startTestSimulator();
    octokit = validatedOctokit(sim.apiUrl, (await sim.seedDemo()).token).octokit;
    client = new Anthropic({ apiKey: "demo-key", baseURL: sim.anthropicUrl, maxRetries: 0 });
    await sim.idle();
  });

  afterAll(async () => sim?.remove());

  const ask = (prompt: string) =>
    client.messages.create({ model: "claude-opus-4-6", max_tokens: 4096, tools, system: "You fix failing CI pipelines.", messages: [{ role: "user", content: prompt }] });

  it("rejects requests the real API would reject, with Anthropic's error JSON", async () => {
    const error = await client.messages.create({ model: "claude-opus-4-6", messages: [{ role: "user", content: "hi" }] } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).status).toBe(400);
    expect((error as BadRequestError).error).toEqual({ type: "error", error: { type: "invalid_request_error", message: "max_tokens: Field required" } });
    const badRole = await client.messages.create({ model: "m", max_tokens: 10, messages: [{ role: "robot", content: "hi" }] } as never).catch((e: unknown) => e);
    expect((badRole as BadRequestError).status).toBe(400);
    const noKey = await fetch(`${sim.anthropicUrl}/v1/messages`, { method: "POST", headers: { "anthropic-version": "2023-06-01", "content-type": "application/json" }, body: "{}" });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ type: "error", error: { type: "authentication_error" } });
  });

  it("answers report_no_fix for a failure it has no recording for", async () => {
    const message = await ask("The Maven build failed: [ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin");
    expect(message).toMatchObject({ type: "message", role: "assistant", model: "claude-opus-4-6", stop_reason: "tool_use" });
    expect(message.content).toEqual([expect.objectContaining({ type: "tool_use", name: "report_no_fix", input: { reason: "no confident fix" } })]);
    expect(message.usage.input_tokens).toBeGreaterThan(0);
  });

  for (const scenario of scenarios.filter((s) => s.failsCi)) {
    it(`answers the ${scenario.name} scenario's failure with a fix that restores the broken files`, async () => {
      const repo = scenario.repository;
      const broken = await sim.breakRepository({ scenario: scenario.name });
      const failed = await completedRun(repo, broken.sha);
      expect(failed.conclusion).toBe("failure");
      const { data: jobs } = await octokit.actions.listJobsForWorkflowRun({ owner, repo, run_id: failed.id });
      const { data: log } = await octokit.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: jobs.jobs[0]!.id });

      // Recognised both from a raw prompt and from InfraFlow's failure-log block.
      for (const prompt of [
        `Repository ${owner}/${repo}: the CI job "build" failed.\n\nJob log:\n${String(log)}`,
        `<infraflow_file path="README.md">\nCannot find module '@demo/format' no-var notify.js\n</infraflow_file>\n<infraflow_failure_log job="build">\n${String(log)}\n</infraflow_failure_log>`,
      ]) {
        const message = await ask(prompt);
        const call = message.content[0];
        expect(call?.type === "tool_use" && call.name).toBe("propose_fix");
        const fix = (call as Anthropic.ToolUseBlock).input as ProposedFix;
        expect(fix.confidence).toBeGreaterThan(0);
        expect(fix.confidence).toBeLessThanOrEqual(1);
        expect(fix.rootCause.length).toBeGreaterThan(0);
        expect(fix.testsTouched).toBe(false);
        for (const change of fix.changes) {
          const before = scenario.files[change.path]!;
          const after = change.diff !== undefined ? applyPatch(before, change.diff) : change.content;
          expect(after).toBe(templateFiles[change.path]);
        }
        expect(fix.changes.map((c) => c.path).sort()).toEqual(Object.keys(scenario.files).sort());
      }
    });
  }

  async function completedRun(repo: string, sha: string) {
    return eventually(async () => {
      const { data } = await octokit.actions.listWorkflowRunsForRepo({ owner, repo, head_sha: sha, event: "push" });
      const run = data.workflow_runs[0];
      return run?.status === "completed" ? run : undefined;
    }, `the run of ${repo}@${sha}`);
  }
});
