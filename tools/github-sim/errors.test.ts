// Bad requests get GitHub's error shapes and statuses (validated against the OpenAPI description):
// 401 without a valid token, 404 for what does not exist, 409 on a stale file sha, 422 on invalid input
// and on a ref update that is not a fast forward.
import { RequestError } from "@octokit/request-error";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSimulator } from "./test-support/sim-fixture";
import { validatedOctokit } from "./test-support/validated-octokit";

const owner = "infraflow-demo";
const repo = "inventory-service";

async function failure(promise: Promise<unknown>): Promise<RequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error("expected the request to fail");
}

describe("GitHub error shapes", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let octokit: Octokit;
  let base: string;

  beforeAll(async () => {
    sim = await startTestSimulator();
    octokit = validatedOctokit(sim.apiUrl, (await sim.seedDemo()).token).octokit;
    base = (await octokit.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;
  });

  afterAll(async () => sim?.remove());

  it("answers 401 for a missing or unknown token", async () => {
    const anonymous = validatedOctokit(sim.apiUrl, "").octokit;
    const missing = await failure(anonymous.users.getAuthenticated());
    expect(missing.status).toBe(401);
    expect(missing.response?.data).toMatchObject({ message: "Requires authentication" });
    const wrong = await failure(validatedOctokit(sim.apiUrl, "ghp_wrong").octokit.repos.get({ owner, repo }));
    expect(wrong.status).toBe(401);
    expect(wrong.response?.data).toMatchObject({ message: "Bad credentials" });
  });

  it("answers 404 for unknown repositories, refs, commits and runs", async () => {
    for (const request of [
      () => octokit.repos.get({ owner, repo: "does-not-exist" }),
      () => octokit.git.getRef({ owner, repo, ref: "heads/no-such-branch" }),
      () => octokit.git.getCommit({ owner, repo, commit_sha: "0123456789012345678901234567890123456789" }),
      () => octokit.actions.getWorkflowRun({ owner, repo, run_id: 999_999 }),
      () => octokit.repos.getContent({ owner, repo, path: "no/such/file.txt" }),
    ]) {
      const error = await failure(request());
      expect(error.status).toBe(404);
      expect(error.response?.data).toMatchObject({ message: expect.stringMatching(/not found/i), documentation_url: expect.any(String) });
    }
  });

  it("answers 422 when a ref update is not a fast forward and 409 when a file's sha is stale", async () => {
    const { data: tree } = await octokit.git.createTree({ owner, repo, tree: [{ path: "x.txt", mode: "100644", type: "blob", content: "unrelated" }] });
    const { data: orphan } = await octokit.git.createCommit({ owner, repo, message: "unrelated history", tree: tree.sha, parents: [] });
    const stale = await failure(octokit.git.updateRef({ owner, repo, ref: "heads/main", sha: orphan.sha }));
    expect(stale.status).toBe(422);
    expect(stale.response?.data).toMatchObject({ message: "Update is not a fast forward" });
    expect((await octokit.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha).toBe(base);

    const conflict = await failure(
      octokit.repos.createOrUpdateFileContents({ owner, repo, path: "README.md", message: "edit", content: Buffer.from("x").toString("base64"), sha: "0123456789012345678901234567890123456789" }),
    );
    expect(conflict.status).toBe(409);
  });

  it("answers 422 with GitHub's validation errors for invalid input", async () => {
    const exists = await failure(octokit.git.createRef({ owner, repo, ref: "refs/heads/main", sha: base }));
    expect(exists.status).toBe(422);
    expect(exists.response?.data).toMatchObject({ message: "Reference already exists" });

    const badMode = await failure(octokit.git.createTree({ owner, repo, tree: [{ path: "a", mode: "123456" as "100644", type: "blob", content: "x" }] }));
    expect(badMode.status).toBe(422);
    expect(badMode.response?.data).toMatchObject({ message: "Validation Failed", errors: [expect.objectContaining({ resource: "Tree", field: "mode" })] });

    const noHead = await failure(octokit.pulls.create({ owner, repo, head: "missing-branch", base: "main", title: "x" }));
    expect(noHead.status).toBe(422);
    expect(noHead.response?.data).toMatchObject({ errors: [expect.objectContaining({ resource: "PullRequest", field: "head", code: "invalid" })] });

    const noCommits = await failure(
      (async () => {
        await octokit.git.createRef({ owner, repo, ref: "refs/heads/same", sha: base });
        await octokit.pulls.create({ owner, repo, head: "same", base: "main", title: "nothing" });
      })(),
    );
    expect(noCommits.status).toBe(422);

    const missingMessage = await failure(octokit.git.createCommit({ owner, repo, tree: "4b825dc642cb6eb9a060e54bf8d69288fbee4904" } as never));
    expect(missingMessage.status).toBe(422);
    expect(missingMessage.response?.data).toMatchObject({ errors: [expect.objectContaining({ field: "message", code: "missing_field" })] });
  });

  it("answers 400 for a body that is not JSON", async () => {
    const token = (await sim.seedDemo()).token;
    const response = await fetch(`${sim.apiUrl}/repos/${owner}/${repo}/git/blobs`, { method: "POST", headers: { authorization: `token ${token}`, "content-type": "application/json" }, body: "{not json" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: "Problems parsing JSON" });
  });
});
