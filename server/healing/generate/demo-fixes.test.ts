// Demo mode end to end on the GitHub simulator: each CI-breaking scenario breaks its repository, the real
// analysis reads the failed run, generateFix (demo mode, through the SDK, to the simulator's recorded
// endpoint) reads the files at the failing commit and resolves the recorded answer into whole files, and
// committing exactly those files makes the simulator's real CI pass again.
import type { Octokit } from "@octokit/rest";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { scenarios } from "@/tools/github-sim/demo/scenarios";
import { eventually, startTestSimulator } from "@/tools/github-sim/test-support/sim-fixture";
import { fetchFailureAnalysis } from "../../analysis";
import { githubClient, type GitHubClient } from "../../github/octokit";
import type { FixPlan } from "../fix-plan";
import { generateFix } from "./generate-fix";
import type { GenerationSettings } from "./generation-settings";

const owner = "infraflow-demo";
const log = pino({ level: "silent" });

describe("demo mode: every CI-breaking scenario has a recorded fix that turns CI green", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let github: GitHubClient;
  let settings: GenerationSettings;

  useTestDatabase();
  beforeAll(async () => {
    sim = await startTestSimulator();
    github = githubClient((await sim.seedDemo()).token, sim.url);
    settings = {
      demoMode: true, apiKey: "sk-ant-real-key-never-sent", baseURL: sim.anthropicUrl, model: "claude-opus-4-6",
      timeoutMs: 30_000, maxRetries: 0, maxOutputTokens: 8192, contextTokenBudget: 60_000,
    };
    await sim.idle();
  });
  afterAll(async () => sim?.remove());

  const failing = scenarios.filter((s) => s.failsCi);
  it("covers the four CI-breaking scenarios", () => {
    expect(failing.map((s) => s.name).sort()).toEqual(["failing-test", "lint-failure", "missing-dependency", "syntax-error"]);
  });

  for (const scenario of failing) {
    it(`${scenario.name}: the recorded fix, resolved at the failing commit and committed, makes CI pass`, async () => {
      const repo = scenario.repository;
      const broken = await sim.breakRepository({ scenario: scenario.name });
      const failed = await completedRun(github, repo, broken.sha);
      expect(failed.conclusion).toBe("failure");
      const analysis = await fetchFailureAnalysis(github, { owner, repo, runId: failed.id, maxLogBytes: 5e6, maxZipBytes: 1e8 });
      const a = analysis.primary!.analysis;

      const result = await generateFix({
        github, log, settings, previousAttempts: [], kbHint: null,
        failure: {
          repoFullName: `${owner}/${repo}`, branch: "main", commitSha: broken.sha, failureType: a.failureType, excerpt: a.excerpt,
          signature: a.signature, signatureText: a.signatureText, job: analysis.primary!.job, step: analysis.primary!.step ?? null,
          workflowPath: ".github/workflows/ci.yml", runUrl: failed.html_url, baseSha: broken.before,
        },
      });
      if (!result.ok) throw new Error(`${result.kind}: ${result.reason}`);
      expect(result.demo).toBe(true);
      expect(result.usage).toMatchObject({ model: "claude-opus-4-6" });
      expect(result.usage!.inputTokens).toBeGreaterThan(0);
      // The recorded fix is a whole-file plan resolved against the broken commit's files.
      for (const change of result.plan.changes) {
        expect(change.action).toBe("modify");
        expect(change.originalContent).toBe(scenario.files[change.path]);
      }
      expect(result.plan.proposedConfidence).toBeGreaterThan(result.plan.confidence);

      const fixSha = await commitPlan(github.rest as unknown as Octokit, repo, broken.sha, result.plan);
      expect((await completedRun(github, repo, fixSha)).conclusion).toBe("success");
    }, 120_000);
  }
});

async function commitPlan(octokit: Octokit, repo: string, parent: string, plan: FixPlan): Promise<string> {
  const { data: head } = await octokit.git.getCommit({ owner, repo, commit_sha: parent });
  const tree = await octokit.git.createTree({
    owner, repo, base_tree: head.tree.sha,
    tree: await Promise.all(plan.changes.map(async (c) => ({ path: c.path, mode: "100644" as const, type: "blob" as const, sha: (await octokit.git.createBlob({ owner, repo, content: c.content, encoding: "utf-8" })).data.sha }))),
  });
  const { data: commit } = await octokit.git.createCommit({ owner, repo, message: "Apply the recorded fix", tree: tree.data.sha, parents: [parent] });
  await octokit.git.updateRef({ owner, repo, ref: "heads/main", sha: commit.sha });
  return commit.sha;
}

async function completedRun(github: GitHubClient, repo: string, sha: string) {
  return eventually(async () => {
    const { data } = await github.rest.actions.listWorkflowRunsForRepo({ owner, repo, head_sha: sha, event: "push" });
    const run = data.workflow_runs[0];
    return run?.status === "completed" ? run : undefined;
  }, `the run of ${repo}@${sha}`);
}
