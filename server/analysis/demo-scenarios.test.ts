// The demo's CI-breaking scenarios, run for real by the GitHub simulator (bash, npm, node --test) and
// analysed through the Actions API as the product does: each must get its type, with the line that
// names the cause in the first error range.
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator } from "../../tools/github-sim/test-support/sim-fixture";
import { fetchFailureAnalysis } from "./fetch-failure-analysis";
import { splitLines } from "./split-lines";

const scenarios = [
  { scenario: "syntax-error", type: "BUILD_COMPILE", cause: "SyntaxError: Unexpected end of input" },
  { scenario: "missing-dependency", type: "DEPENDENCY_RESOLUTION", cause: "Cannot find module '@demo/format'" },
  { scenario: "failing-test", type: "TEST_FAILURE", cause: "not ok" },
  { scenario: "lint-failure", type: "LINT", cause: "no-var" },
];

describe("the demo's scenarios, analysed", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let octokit: Octokit;
  beforeAll(async () => {
    sim = await startTestSimulator({ maxConcurrentJobs: 2 });
    octokit = new Octokit({ baseUrl: sim.apiUrl, auth: (await sim.seedDemo()).token });
    await sim.idle();
  }, 120_000);
  afterAll(async () => sim?.remove());

  for (const { scenario, type, cause } of scenarios) {
    it(`${scenario} is ${type}, its cause first`, async () => {
      const broken = await sim.breakRepository({ scenario });
      await sim.idle();
      const [owner, repo] = broken.repository.split("/") as [string, string];
      const { data } = await octokit.actions.listWorkflowRunsForRepo({ owner, repo, head_sha: broken.sha });
      const run = data.workflow_runs[0]!;
      expect(run.conclusion).toBe("failure");
      const { primary } = await fetchFailureAnalysis(octokit, { owner, repo, runId: run.id, maxLogBytes: 1_000_000 });
      expect(primary?.analysis.failureType).toBe(type);
      const lines = splitLines(primary!.log!.text);
      const [start, end] = primary!.analysis.errorLines[0]!;
      expect(lines.slice(start - 1, end).join("\n")).toContain(cause);
      expect(primary!.analysis.excerpt).toContain(cause);
    }, 120_000);
  }
});
