import { readFileSync } from "node:fs";
import path from "node:path";
import { Octokit } from "@octokit/rest";
import { afterEach, describe, expect, it } from "vitest";
import { fetchFailureAnalysis } from "./fetch-failure-analysis";
import { fetchJobLog } from "./fetch-job-log";
import { findFailedJobs, listRunJobs } from "./fetch-run-jobs";
import { rerunFailedJobs } from "./rerun-failed-jobs";
import { type FakeActionsApi, type FakeJob, startFakeActionsApi } from "./testing/fake-actions-api";
import { runLogsZip } from "./testing/run-logs-zip";

const fixture = (f: string) => readFileSync(path.join(import.meta.dirname, "fixtures", f), "utf8");
const steps = (failed: string) => [
  { number: 1, name: "Set up job", conclusion: "success" },
  { number: 2, name: failed, conclusion: "failure" },
  { number: 3, name: "Complete job", conclusion: "success" },
];

describe("log retrieval through the Actions API", () => {
  let api: FakeActionsApi | undefined;
  afterEach(async () => api?.close());
  const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const octokit = (url: string) => new Octokit({ baseUrl: url, auth: "test-token", log: quiet });

  it("lists the run's jobs and picks the failed ones with their failed steps", async () => {
    const jobs: FakeJob[] = [
      { id: 11, name: "test (20)", conclusion: "failure", steps: steps("Run npm test"), log: fixture("jest-failure.log") },
      { id: 12, name: "test (22)", conclusion: "cancelled", steps: [], log: "" },
      { id: 13, name: "lint", conclusion: "success", steps: [], log: "" },
    ];
    api = await startFakeActionsApi({ owner: "acme", repo: "shop", runId: 99, jobs });
    const listed = await listRunJobs(octokit(api.url), { owner: "acme", repo: "shop", runId: 99 });
    expect(listed.map((j) => j.name)).toEqual(["test (20)", "test (22)", "lint"]);
    const failed = findFailedJobs(listed);
    expect(failed.map((j) => [j.name, j.failedSteps.map((s) => s.name)])).toEqual([["test (20)", ["Run npm test"]]]);
    // only cancelled jobs: they are all there is to look at
    expect(findFailedJobs(listed.filter((j) => j.conclusion !== "failure")).map((j) => j.name)).toEqual(["test (22)"]);
  });

  it("follows the log redirect and analyses the job log", async () => {
    api = await startFakeActionsApi({ owner: "acme", repo: "shop", runId: 1, jobs: [{ id: 21, name: "build", conclusion: "failure", steps: steps("Run cargo build --locked"), log: fixture("cargo-build.log") }] });
    const r = await fetchJobLog(octokit(api.url), { owner: "acme", repo: "shop", jobId: 21, maxBytes: 1024 * 1024 });
    expect(r.analysis.failureType).toBe("BUILD_COMPILE");
    expect(r.stepInLog).toBe("Run cargo build --locked");
    expect(r.log.truncated).toBe(false);
    expect(r.log.text).toBe(fixture("cargo-build.log").replace(/\n$/, ""));
    expect(api.requests.map((q) => q.path)).toEqual(["/repos/acme/shop/actions/jobs/21/logs", "/blobs/job-21.txt"]);
    expect(api.requests[0]!.authorization).toBe("token test-token");
  });

  it("caps a huge job log but analyses all of it and keeps the error region", async () => {
    const noise = Array.from({ length: 40_000 }, (_, i) => `2024-05-14T09:12:00.0000000Z [INFO] Downloaded artifact number ${i}`).join("\n");
    const log = `${noise}\n${fixture("maven-enforcer.log")}${noise}\n`;
    api = await startFakeActionsApi({ owner: "acme", repo: "shop", runId: 1, jobs: [{ id: 31, name: "build", conclusion: "failure", steps: steps("Run mvn -B verify"), log }] });
    const r = await fetchJobLog(octokit(api.url), { owner: "acme", repo: "shop", jobId: 31, maxBytes: 64 * 1024 });
    expect(r.analysis.failureType).toBe("DEPENDENCY_CONFLICT");
    expect(r.log.truncated).toBe(true);
    expect(r.log.totalBytes).toBeGreaterThan(4_000_000);
    expect(Buffer.byteLength(r.log.text)).toBeLessThan(70 * 1024);
    expect(r.log.text).toContain("Dependency convergence error for com.fasterxml.jackson.core:jackson-databind");
    expect(r.analysis.errorLines[0]![0]).toBeGreaterThan(40_000);
  });

  it("falls back to the run-logs zip for a job whose log has expired", async () => {
    api = await startFakeActionsApi({
      owner: "acme",
      repo: "shop",
      runId: 7,
      jobs: [
        { id: 41, name: "build (17)", conclusion: "failure", steps: steps("Run mvn -B verify"), log: 410 },
        { id: 42, name: "lint", conclusion: "failure", steps: steps("Run npx eslint ."), log: fixture("eslint-errors.log") },
      ],
      zip: runLogsZip(),
    });
    const r = await fetchFailureAnalysis(octokit(api.url), { owner: "acme", repo: "shop", runId: 7, maxLogBytes: 1024 * 1024 });
    expect(r.missing).toEqual([]);
    const byJob = Object.fromEntries(r.jobs.map((j) => [j.job, j]));
    expect(byJob["lint"]).toMatchObject({ jobId: 42, step: "Run npx eslint .", source: "job-log" });
    expect(byJob["lint"]!.analysis.failureType).toBe("LINT");
    expect(byJob["build (17)"]).toMatchObject({ jobId: 41, step: "Run mvn -B verify", source: "run-logs-zip" });
    expect(byJob["build (17)"]!.analysis.failureType).toBe("BUILD_COMPILE");
    expect(byJob["build (17)"]!.log).toBeUndefined();
    expect(r.primary?.job).toBe("build (17)");
    expect(api.requests.filter((q) => q.path.endsWith("/runs/7/logs"))).toHaveLength(1);
  });

  it("names the jobs it could not get any log for", async () => {
    api = await startFakeActionsApi({ owner: "acme", repo: "shop", runId: 8, jobs: [{ id: 51, name: "e2e", conclusion: "failure", steps: steps("Run npm run e2e"), log: 404 }], zip: 410 });
    const r = await fetchFailureAnalysis(octokit(api.url), { owner: "acme", repo: "shop", runId: 8, maxLogBytes: 1024 * 1024 });
    expect(r.jobs).toEqual([]);
    expect(r.primary).toBeUndefined();
    expect(r.missing).toEqual([{ jobId: 51, job: "e2e", reason: "HTTP 404; run logs archive: HTTP 410" }]);
  });

  it("asks GitHub to re-run the failed jobs", async () => {
    api = await startFakeActionsApi({ owner: "acme", repo: "shop", runId: 9, jobs: [] });
    await rerunFailedJobs(octokit(api.url), { owner: "acme", repo: "shop", runId: 9 });
    expect(api.requests).toEqual([{ method: "POST", path: "/repos/acme/shop/actions/runs/9/rerun-failed-jobs", authorization: "token test-token" }]);
  });
});
