// The demo LLM through the real @anthropic-ai/sdk: request validation with Anthropic's error JSON,
// "no confident fix" for anything unknown, and for each CI-breaking scenario a recorded fix that,
// committed through the git data API, really makes CI pass again.
import Anthropic, { BadRequestError } from "@anthropic-ai/sdk";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarios } from "./demo/scenarios";
import { eventually, startTestSimulator } from "./test-support/sim-fixture";
import { validatedOctokit } from "./test-support/validated-octokit";

const owner = "infraflow-demo";

const tools: Anthropic.Tool[] = [
  {
    name: "propose_fix",
    description: "Propose a fix as whole-file changes.",
    input_schema: {
      type: "object",
      properties: {
        summary: { type: "string" },
        strategy: { type: "string" },
        confidence: { type: "number" },
        changes: { type: "array", items: { type: "object", properties: { path: { type: "string" }, action: { type: "string", enum: ["modify", "create"] }, content: { type: "string" } }, required: ["path", "action", "content"] } },
      },
      required: ["summary", "strategy", "confidence", "changes"],
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
    it(`fixes the ${scenario.name} scenario so that CI passes again`, async () => {
      const repo = scenario.repository;
      const broken = await sim.breakRepository({ scenario: scenario.name });
      const failed = await completedRun(repo, broken.sha);
      expect(failed.conclusion).toBe("failure");
      const { data: jobs } = await octokit.actions.listJobsForWorkflowRun({ owner, repo, run_id: failed.id });
      const { data: log } = await octokit.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: jobs.jobs[0]!.id });

      const message = await ask(`Repository ${owner}/${repo}: the CI job "build" failed.\n\nJob log:\n${String(log)}`);
      const call = message.content[0];
      expect(call?.type === "tool_use" && call.name).toBe("propose_fix");
      const fix = (call as Anthropic.ToolUseBlock).input as { confidence: number; changes: { path: string; action: string; content: string }[] };
      expect(fix.confidence).toBeGreaterThan(0);
      expect(fix.confidence).toBeLessThanOrEqual(1);

      const { data: head } = await octokit.git.getCommit({ owner, repo, commit_sha: broken.sha });
      const tree = await octokit.git.createTree({
        owner,
        repo,
        base_tree: head.tree.sha,
        tree: await Promise.all(fix.changes.map(async (c) => ({ path: c.path, mode: "100644" as const, type: "blob" as const, sha: (await octokit.git.createBlob({ owner, repo, content: c.content, encoding: "utf-8" })).data.sha }))),
      });
      const { data: commit } = await octokit.git.createCommit({ owner, repo, message: `Fix ${scenario.name}`, tree: tree.data.sha, parents: [broken.sha] });
      await octokit.git.updateRef({ owner, repo, ref: "heads/main", sha: commit.sha });
      expect((await completedRun(repo, commit.sha)).conclusion).toBe("success");
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
