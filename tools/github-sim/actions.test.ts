// Actions behaviour through Octokit: jobs with needs, re-run, re-run of failed jobs (run_attempt
// increments, passing jobs are kept), workflow dispatch, and the time limit that kills a step.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, startTestSimulator } from "./test-support/sim-fixture";
import { validatedOctokit } from "./test-support/validated-octokit";

const owner = "infraflow-demo";
const repo = "pipeline-lab";

describe("Actions runs", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let octokit: Octokit;
  let markerDir: string;

  beforeAll(async () => {
    sim = await startTestSimulator({ jobTimeoutMs: 1500 });
    octokit = validatedOctokit(sim.apiUrl, (await sim.seedDemo()).token).octokit;
    markerDir = await mkdtemp(path.join(tmpdir(), "github-sim-marker-"));
    await octokit.repos.createInOrg({ org: owner, name: repo, auto_init: true });
    const workflow = `name: Lab
on: [push, workflow_dispatch]
jobs:
  good:
    runs-on: ubuntu-latest
    steps:
      - run: echo all good
  gate:
    runs-on: ubuntu-latest
    steps:
      - name: Check the marker
        run: |
          echo "looking for the marker"
          test -f ${markerDir}/pass || { echo "marker missing"; exit 3; }
  after:
    needs: gate
    runs-on: ubuntu-latest
    steps:
      - run: echo after the gate
`;
    await octokit.repos.createOrUpdateFileContents({ owner, repo, path: ".github/workflows/lab.yml", message: "Add the lab workflow", content: Buffer.from(workflow).toString("base64") });
  });

  afterAll(async () => {
    await sim?.remove();
    await rm(markerDir, { recursive: true, force: true });
  });

  async function run(id: number, attempt: number) {
    return eventually(async () => {
      const { data } = await octokit.actions.getWorkflowRun({ owner, repo, run_id: id });
      return data.status === "completed" && data.run_attempt === attempt ? data : undefined;
    }, `run ${id} attempt ${attempt}`);
  }

  async function jobsByName(id: number) {
    const { data } = await octokit.actions.listJobsForWorkflowRun({ owner, repo, run_id: id });
    return Object.fromEntries(data.jobs.map((j) => [j.name, j]));
  }

  it("fails a job on a non-zero exit, skips its dependents, and re-runs only the failed jobs", async () => {
    const { data: runs } = await eventually(async () => {
      const r = await octokit.actions.listWorkflowRunsForRepo({ owner, repo, event: "push" });
      return r.data.total_count > 0 ? r : undefined;
    }, "the push run");
    const id = runs.workflow_runs[0]!.id;
    const first = await run(id, 1);
    expect(first.conclusion).toBe("failure");
    const firstJobs = await jobsByName(id);
    expect(firstJobs.good?.conclusion).toBe("success");
    expect(firstJobs.gate?.conclusion).toBe("failure");
    expect(firstJobs.after?.conclusion).toBe("skipped");
    const { data: gateLog } = await octokit.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: firstJobs.gate!.id });
    expect(String(gateLog)).toContain("marker missing");
    expect(String(gateLog)).toContain("##[error]Process completed with exit code 3.");

    await writeFile(path.join(markerDir, "pass"), "");
    await octokit.actions.reRunWorkflowFailedJobs({ owner, repo, run_id: id });
    const second = await run(id, 2);
    expect(second.conclusion).toBe("success");
    expect(second.previous_attempt_url).toMatch(/\/attempts\/1$/);
    const secondJobs = await jobsByName(id);
    expect(Object.values(secondJobs).every((j) => j.run_attempt === 2)).toBe(true);
    expect(secondJobs.gate?.conclusion).toBe("success");
    expect(secondJobs.after?.conclusion).toBe("success");
    // The passing job was kept, not executed again: same start time and the same log.
    expect(secondJobs.good?.started_at).toBe(firstJobs.good?.started_at);
    const { data: keptLog } = await octokit.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: secondJobs.good!.id });
    expect(String(keptLog)).toContain("all good");

    const { data: all } = await octokit.actions.listJobsForWorkflowRun({ owner, repo, run_id: id, filter: "all" });
    expect(all.total_count).toBe(6);
  });

  it("re-runs a whole run as a new attempt", async () => {
    const { data: runs } = await octokit.actions.listWorkflowRunsForRepo({ owner, repo, event: "push" });
    const id = runs.workflow_runs[0]!.id;
    await rm(path.join(markerDir, "pass"));
    await octokit.actions.reRunWorkflow({ owner, repo, run_id: id });
    const third = await run(id, 3);
    expect(third.conclusion).toBe("failure");
    expect((await jobsByName(id)).good?.started_at).not.toBe(undefined);
  });

  it("starts a run on workflow dispatch", async () => {
    const { data: workflows } = await octokit.actions.listRepoWorkflows({ owner, repo });
    expect(workflows.workflows.map((w) => w.path)).toEqual([".github/workflows/lab.yml"]);
    await writeFile(path.join(markerDir, "pass"), "");
    await octokit.actions.createWorkflowDispatch({ owner, repo, workflow_id: "lab.yml", ref: "main" });
    const dispatched = await eventually(async () => {
      const { data } = await octokit.actions.listWorkflowRuns({ owner, repo, workflow_id: workflows.workflows[0]!.id, event: "workflow_dispatch" });
      const r = data.workflow_runs[0];
      return r?.status === "completed" ? r : undefined;
    }, "the dispatched run");
    expect(dispatched.conclusion).toBe("success");
    expect(dispatched.event).toBe("workflow_dispatch");
  });

  it("kills a step that exceeds the job's time limit, with everything it started", async () => {
    const workflow = `name: Slow
on: push
jobs:
  slow:
    runs-on: ubuntu-latest
    steps:
      - run: |
          sleep 300 &
          echo "child pid $!"
          sleep 300
`;
    const { data } = await octokit.repos.createOrUpdateFileContents({ owner, repo, path: ".github/workflows/slow.yml", message: "Add a slow workflow", content: Buffer.from(workflow).toString("base64") });
    const slow = await eventually(async () => {
      const { data: runs } = await octokit.actions.listWorkflowRunsForRepo({ owner, repo, head_sha: data.commit.sha! });
      const r = runs.workflow_runs.find((x) => x.name === "Slow");
      return r?.status === "completed" ? r : undefined;
    }, "the slow run");
    expect(slow.conclusion).toBe("timed_out");
    const jobs = await jobsByName(slow.id);
    const { data: log } = await octokit.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: jobs.slow!.id });
    expect(String(log)).toContain("has exceeded the maximum execution time");
    const pid = Number(/child pid (\d+)/.exec(String(log))?.[1]);
    expect(pid).toBeGreaterThan(0);
    // Gone, or a zombie waiting for init to reap it: either way no longer running.
    const alive = async () => (await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "")).split(") ")[1]?.startsWith("S") ?? false;
    expect(await eventually(async () => !(await alive()), "the background child to die")).toBe(true);
  });
});
