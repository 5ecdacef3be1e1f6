// Every error answer of the git data and contents APIs, checked the way InfraFlow meets them on GitHub:
// the status is one GitHub's OpenAPI description lists for that operation, the body has the documented
// shape (validatedOctokit checks it on every response), and status and message are what GitHub sends
// (e.g. 422 "Update is not a fast forward"; messages as GitHub words them, not wrapped in "Validation Failed").
import { RequestError } from "@octokit/request-error";
import type { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentedStatuses } from "./test-support/openapi-validator";
import { startTestSimulator } from "./test-support/sim-fixture";
import { validatedOctokit } from "./test-support/validated-octokit";

const owner = "infraflow-demo";
const repo = "inventory-service";
const MISSING = "0123456789012345678901234567890123456789";

describe("git data and contents error answers", () => {
  let sim: Awaited<ReturnType<typeof startTestSimulator>>;
  let octokit: Octokit;
  let base = "";
  let orphan = "";
  let readmeSha = "";

  beforeAll(async () => {
    sim = await startTestSimulator();
    octokit = validatedOctokit(sim.apiUrl, (await sim.seedDemo()).token).octokit;
    base = (await octokit.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha;
    const { data: tree } = await octokit.git.createTree({ owner, repo, tree: [{ path: "x.txt", mode: "100644", type: "blob", content: "unrelated" }] });
    orphan = (await octokit.git.createCommit({ owner, repo, message: "unrelated history", tree: tree.sha, parents: [] })).data.sha;
    readmeSha = ((await octokit.repos.getContent({ owner, repo, path: "README.md" })).data as { sha: string }).sha;
  });
  afterAll(async () => sim?.remove());

  const table: [string, string, string, () => Promise<unknown>, number, string][] = [
    ["a ref update that is not a fast forward", "PATCH", "/repos/{owner}/{repo}/git/refs/{ref}", () => octokit.git.updateRef({ owner, repo, ref: "heads/main", sha: orphan }), 422, "Update is not a fast forward"],
    ["an update of a ref that does not exist", "PATCH", "/repos/{owner}/{repo}/git/refs/{ref}", () => octokit.git.updateRef({ owner, repo, ref: "heads/nope", sha: base }), 422, "Reference does not exist"],
    ["a ref update to an unknown commit", "PATCH", "/repos/{owner}/{repo}/git/refs/{ref}", () => octokit.git.updateRef({ owner, repo, ref: "heads/main", sha: MISSING }), 422, "Object does not exist"],
    ["a ref that already exists", "POST", "/repos/{owner}/{repo}/git/refs", () => octokit.git.createRef({ owner, repo, ref: "refs/heads/main", sha: base }), 422, "Reference already exists"],
    ["a ref to an unknown commit", "POST", "/repos/{owner}/{repo}/git/refs", () => octokit.git.createRef({ owner, repo, ref: "refs/heads/new", sha: MISSING }), 422, "Object does not exist"],
    ["deleting a ref that does not exist", "DELETE", "/repos/{owner}/{repo}/git/refs/{ref}", () => octokit.git.deleteRef({ owner, repo, ref: "heads/nope" }), 422, "Reference does not exist"],
    ["a commit of an unknown tree", "POST", "/repos/{owner}/{repo}/git/commits", () => octokit.git.createCommit({ owner, repo, message: "m", tree: MISSING }), 422, "Tree SHA does not exist"],
    ["a commit with an unknown parent", "POST", "/repos/{owner}/{repo}/git/commits", () => octokit.git.createCommit({ owner, repo, message: "m", tree: "4b825dc642cb6eb9a060e54bf8d69288fbee4904", parents: [MISSING] }), 422, "Parent SHA does not exist or is not a commit object"],
    ["a tree on an unknown base tree", "POST", "/repos/{owner}/{repo}/git/trees", () => octokit.git.createTree({ owner, repo, base_tree: MISSING, tree: [{ path: "a", mode: "100644", type: "blob", content: "x" }] }), 422, "base_tree is not a valid tree oid"],
    ["a tree entry naming an unknown blob", "POST", "/repos/{owner}/{repo}/git/trees", () => octokit.git.createTree({ owner, repo, tree: [{ path: "a", mode: "100644", type: "blob", sha: MISSING }] }), 422, `tree.sha ${MISSING} is not a valid blob`],
    ["an unknown ref", "GET", "/repos/{owner}/{repo}/git/ref/{ref}", () => octokit.git.getRef({ owner, repo, ref: "heads/nope" }), 404, "Not Found"],
    ["an unknown commit", "GET", "/repos/{owner}/{repo}/git/commits/{commit_sha}", () => octokit.git.getCommit({ owner, repo, commit_sha: MISSING }), 404, "Not Found"],
    ["an unknown blob", "GET", "/repos/{owner}/{repo}/git/blobs/{file_sha}", () => octokit.git.getBlob({ owner, repo, file_sha: MISSING }), 404, "Not Found"],
    ["an unknown tree", "GET", "/repos/{owner}/{repo}/git/trees/{tree_sha}", () => octokit.git.getTree({ owner, repo, tree_sha: MISSING }), 404, "Not Found"],
    ["an unknown path", "GET", "/repos/{owner}/{repo}/contents/{path}", () => octokit.repos.getContent({ owner, repo, path: "no/such/file.txt" }), 404, "Not Found"],
    ["an unknown ref of contents", "GET", "/repos/{owner}/{repo}/contents/{path}", () => octokit.repos.getContent({ owner, repo, path: "README.md", ref: "nope" }), 404, "No commit found for the ref nope"],
    ["a file update from a stale sha", "PUT", "/repos/{owner}/{repo}/contents/{path}", () => octokit.repos.createOrUpdateFileContents({ owner, repo, path: "README.md", message: "m", content: "eA==", sha: MISSING }), 409, `README.md does not match ${MISSING}`],
    ["a file update without the sha", "PUT", "/repos/{owner}/{repo}/contents/{path}", () => octokit.repos.createOrUpdateFileContents({ owner, repo, path: "README.md", message: "m", content: "eA==" }), 422, 'Invalid request.\n\n"sha" wasn\'t supplied.'],
  ];

  const cases = table.map(([what, method, route, call, status, message]) => ({ what, method, route, call, status, message }));
  it.each(cases)("$what → $status", async ({ method, route, call, status, message }) => {
    const error = await call().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    const { status: got, response } = error as RequestError;
    expect(documentedStatuses(method, route)).toContain(got);
    expect(got).toBe(status);
    expect(response?.data).toMatchObject({ message, documentation_url: expect.any(String) });
    expect(response?.data).not.toHaveProperty("errors");
  });

  it("changed nothing while refusing", async () => {
    expect((await octokit.git.getRef({ owner, repo, ref: "heads/main" })).data.object.sha).toBe(base);
    expect(((await octokit.repos.getContent({ owner, repo, path: "README.md" })).data as { sha: string }).sha).toBe(readmeSha);
  });
});
