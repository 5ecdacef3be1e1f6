// The files of a push, read through the GitHub API of the simulator: compare for an existing branch, the
// whole tree (capped) for a new one, the payload's list when compare cannot place `before`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator } from "@/tools/github-sim/test-support/sim-fixture";
import { githubClient } from "../github/octokit";
import { fetchPushFiles } from "./fetch-push-files";

const REPO = "infraflow-demo/user-service";
let sim: Awaited<ReturnType<typeof startTestSimulator>>;
let github: ReturnType<typeof githubClient>;

describe("fetchPushFiles (GitHub simulator)", () => {
  beforeAll(async () => {
    sim = await startTestSimulator();
    github = githubClient((await sim.seedDemo()).token, sim.url);
  });
  afterAll(() => sim?.remove());

  it("reads the changed files at the pushed commit through the compare API", async () => {
    const pushed = await sim.breakRepository({ scenario: "secret-and-sql" });
    expect(pushed.before).toMatch(/^[0-9a-f]{40}$/);
    const got = await fetchPushFiles(github, { repoFullName: REPO, before: pushed.before!, after: pushed.sha, changedFiles: [], maxFiles: 100, maxFileBytes: 1 << 20 });
    expect(got.mode).toBe("compare");
    expect(got.files.map((f) => f.path)).toEqual(["src/reporting-db.js"]);
    expect(Buffer.from(got.files[0]!.content).toString("utf8")).toContain("AKIAIOSFODNN7EXAMPLE");
    expect(got.notes).toEqual([]);
  });

  it("scans a new branch's whole tree, within the file and size caps", async () => {
    const { data: head } = await github.rest.repos.getBranch({ owner: "infraflow-demo", repo: "user-service", branch: "main" });
    const all = await fetchPushFiles(github, { repoFullName: REPO, before: "0".repeat(40), after: head.commit.sha, changedFiles: [], maxFiles: 1000, maxFileBytes: 1 << 20 });
    expect(all.mode).toBe("tree");
    expect(all.files.map((f) => f.path)).toEqual(expect.arrayContaining(["package.json", ".github/workflows/ci.yml", "src/reporting-db.js"]));
    const capped = await fetchPushFiles(github, { repoFullName: REPO, before: "0".repeat(40), after: head.commit.sha, changedFiles: [], maxFiles: 2, maxFileBytes: 1 << 20 });
    expect(capped.files).toHaveLength(2);
    expect(capped.notes.map((n) => n.message)).toEqual([expect.stringMatching(/only the first 2 were scanned/)]);
    const small = await fetchPushFiles(github, { repoFullName: REPO, before: "0".repeat(40), after: head.commit.sha, changedFiles: [], maxFiles: 1000, maxFileBytes: 64 });
    expect(small.files.length).toBeLessThan(all.files.length);
    expect(small.notes.some((n) => /over the 64-byte limit/.test(n.message))).toBe(true);
  });

  it("falls back to the payload's file list when compare does not know `before`", async () => {
    const { data: head } = await github.rest.repos.getBranch({ owner: "infraflow-demo", repo: "user-service", branch: "main" });
    const got = await fetchPushFiles(github, { repoFullName: REPO, before: "f".repeat(40), after: head.commit.sha, changedFiles: ["src/reporting-db.js", "gone.txt"], maxFiles: 100, maxFileBytes: 1 << 20 });
    expect(got.mode).toBe("payload");
    expect(got.files.map((f) => f.path)).toEqual(["src/reporting-db.js"]);
    expect(got.notes.map((n) => n.file)).toEqual([null, "gone.txt"]);
  });
});
