// Octokit, unchanged, drives a complete scenario against the simulator: branch from a commit, commit
// through the git data API, pull request, a run whose conclusion the commands decide, and its logs.
// Every response is validated against GitHub's OpenAPI description, every webhook against its schema.
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Octokit } from "@octokit/rest";
import { eventually, startTestSimulator } from "./test-support/sim-fixture";
import { validatedOctokit } from "./test-support/validated-octokit";
import { WebhookReceiver } from "./test-support/webhook-receiver";

const owner = "infraflow-demo";
const repo = "payments-api";
const timestamped = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z /;

describe("Octokit against the GitHub simulator", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let octokit: Octokit;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    sim = await startTestSimulator();
    const seed = await sim.seedDemo();
    octokit = validatedOctokit(sim.apiUrl, seed.token).octokit;
    receiver = await WebhookReceiver.start("conformance-secret");
    await octokit.repos.createWebhook({
      owner,
      repo,
      config: { url: receiver.url, content_type: "json", secret: "conformance-secret" },
      events: ["push", "pull_request", "workflow_run", "workflow_job"],
    });
    await sim.idle();
  });

  afterAll(async () => {
    await sim?.remove();
    await receiver?.close();
  });

  async function commitOnNewBranch(branch: string, path: string, edit: (text: string) => string, message: string) {
    const { data: main } = await octokit.git.getRef({ owner, repo, ref: "heads/main" });
    const base = main.object.sha;
    await octokit.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: base });
    const { data: baseCommit } = await octokit.git.getCommit({ owner, repo, commit_sha: base });
    const { data: file } = await octokit.repos.getContent({ owner, repo, path, ref: base });
    if (Array.isArray(file) || file.type !== "file") throw new Error("expected a file");
    const text = Buffer.from(file.content, "base64").toString("utf8");
    const { data: blob } = await octokit.git.createBlob({ owner, repo, content: edit(text), encoding: "utf-8" });
    const { data: tree } = await octokit.git.createTree({ owner, repo, base_tree: baseCommit.tree.sha, tree: [{ path, mode: "100644", type: "blob", sha: blob.sha }] });
    const { data: commit } = await octokit.git.createCommit({ owner, repo, message, tree: tree.sha, parents: [base] });
    const { data: ref } = await octokit.git.updateRef({ owner, repo, ref: `heads/${branch}`, sha: commit.sha });
    expect(ref.object.sha).toBe(commit.sha);
    return { base, sha: commit.sha };
  }

  async function completedRun(sha: string, event: string) {
    return eventually(async () => {
      const { data } = await octokit.actions.listWorkflowRunsForRepo({ owner, repo, head_sha: sha, event });
      const run = data.workflow_runs[0];
      return run?.status === "completed" ? run : undefined;
    }, `the ${event} run of ${sha}`);
  }

  it("runs a broken change on a pull request to a failed run, with GitHub-format logs", async () => {
    const { sha } = await commitOnNewBranch("feature/discount", "src/pricing.js", (t) => t.replace("(1 - rate)", "rate"), "Charge the discount rate");
    const { data: pull } = await octokit.pulls.create({ owner, repo, head: "feature/discount", base: "main", title: "Charge the discount rate" });
    expect(pull.head.sha).toBe(sha);

    const run = await completedRun(sha, "pull_request");
    expect(run.conclusion).toBe("failure");
    expect(run.head_branch).toBe("feature/discount");
    expect(run.pull_requests?.[0]?.number).toBe(pull.number);
    await sim.idle();
    const statuses = receiver.of("workflow_run").filter((d) => (d.payload.workflow_run as { id: number }).id === run.id).map((d) => (d.payload.workflow_run as { status: string }).status);
    expect(statuses).toEqual(["queued", "in_progress", "completed"]);

    const { data: jobs } = await octokit.actions.listJobsForWorkflowRun({ owner, repo, run_id: run.id });
    const job = jobs.jobs[0]!;
    expect(job.conclusion).toBe("failure");
    expect(job.steps?.find((s) => s.name === "Test")?.conclusion).toBe("failure");
    expect(job.steps?.find((s) => s.name === "Lint")?.conclusion).toBe("success");

    const redirect = await fetch(`${sim.apiUrl}/repos/${owner}/${repo}/actions/jobs/${job.id}/logs`, { headers: { authorization: `token ${(await sim.seedDemo()).token}` }, redirect: "manual" });
    expect(redirect.status).toBe(302);
    const { data: log } = await octokit.actions.downloadJobLogsForWorkflowRun({ owner, repo, job_id: job.id });
    const lines = String(log).trimEnd().split("\n");
    expect(lines.every((l) => timestamped.test(l))).toBe(true);
    expect(lines.some((l) => l.endsWith(" ##[group]Run npm test"))).toBe(true);
    expect(lines.some((l) => l.endsWith(" ##[endgroup]"))).toBe(true);
    expect(lines.some((l) => l.includes("2000 !== 8000"))).toBe(true);
    expect(lines.some((l) => l.endsWith(" ##[error]Process completed with exit code 1."))).toBe(true);

    const { data: zipData } = await octokit.actions.downloadWorkflowRunLogs({ owner, repo, run_id: run.id });
    const entries = unzipSync(new Uint8Array(zipData as ArrayBuffer));
    const names = Object.keys(entries).sort();
    expect(names).toContain("0_build.txt");
    expect(names).toContain("build/1_Set up job.txt");
    expect(names).toContain("build/6_Test.txt");
    const text = (name: string) => Buffer.from(entries[name]!).toString("utf8");
    expect(text("build/6_Test.txt")).toContain("##[error]Process completed with exit code 1.");
    const stepFiles = names.filter((n) => n.startsWith("build/")).sort((a, b) => parseInt(a.slice(6)) - parseInt(b.slice(6)));
    expect(stepFiles.map(text).join("")).toBe(text("0_build.txt"));
  });

  it("runs a harmless change to a successful run", async () => {
    const { sha } = await commitOnNewBranch("docs/readme", "README.md", (t) => `${t}\nMore words.\n`, "Document the service");
    const run = await completedRun(sha, "push");
    expect(run.conclusion).toBe("success");
    const { data: comparison } = await octokit.repos.compareCommitsWithBasehead({ owner, repo, basehead: `main...docs/readme` });
    expect(comparison.ahead_by).toBe(1);
    expect(comparison.files?.[0]?.filename).toBe("README.md");
  });

  it("signs every delivery and sends payloads that match @octokit/webhooks-schemas", async () => {
    await sim.idle();
    const events = new Set(receiver.deliveries.map((d) => (d.payload.action ? `${d.event}.${String(d.payload.action)}` : d.event)));
    for (const expected of ["ping", "push", "pull_request.opened", "workflow_run.requested", "workflow_run.in_progress", "workflow_run.completed", "workflow_job.queued", "workflow_job.in_progress", "workflow_job.completed"]) {
      expect(events).toContain(expected);
    }
    expect(receiver.deliveries.filter((d) => !d.signatureValid)).toEqual([]);
    expect(receiver.deliveries.flatMap((d) => d.schemaErrors)).toEqual([]);
  });
});
