// Branch and ref bookkeeping in a bare repository, plus the history questions GitHub answers
// (fast-forward checks, ahead/behind counts).
import { mkdir } from "node:fs/promises";
import { gitText, runGit } from "./run-git";

export async function initBareRepository(gitDir: string, defaultBranch: string): Promise<void> {
  await mkdir(gitDir, { recursive: true });
  await runGit(gitDir, ["init", "--bare", "--quiet", `--initial-branch=${defaultBranch}`]);
}

export async function resolveRef(gitDir: string, ref: string): Promise<string | null> {
  const { stdout, code } = await runGit(gitDir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], {
    okCodes: [1, 128],
  });
  return code === 0 ? stdout.toString("utf8").trim() : null;
}

export async function listRefs(gitDir: string, prefix: string): Promise<{ ref: string; sha: string }[]> {
  const out = await gitText(gitDir, ["for-each-ref", "--format=%(refname) %(objectname)", prefix]);
  return out
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const [ref, sha] = line.split(" ") as [string, string];
      return { ref, sha };
    });
}

/** Moves a ref; with `expectedOld` git refuses if someone moved it meanwhile. */
export async function updateRef(gitDir: string, ref: string, sha: string, expectedOld?: string): Promise<void> {
  await runGit(gitDir, ["update-ref", ref, sha, ...(expectedOld ? [expectedOld] : [])]);
}

export async function deleteRef(gitDir: string, ref: string): Promise<void> {
  await runGit(gitDir, ["update-ref", "-d", ref]);
}

export async function isAncestor(gitDir: string, ancestor: string, descendant: string): Promise<boolean> {
  const { code } = await runGit(gitDir, ["merge-base", "--is-ancestor", ancestor, descendant], { okCodes: [1] });
  return code === 0;
}

export async function mergeBase(gitDir: string, a: string, b: string): Promise<string | null> {
  const { stdout, code } = await runGit(gitDir, ["merge-base", a, b], { okCodes: [1] });
  return code === 0 ? stdout.toString("utf8").trim() : null;
}

/** Commits reachable from `head` but not from `base`, oldest first. */
export async function commitsBetween(gitDir: string, base: string, head: string): Promise<string[]> {
  const out = await gitText(gitDir, ["rev-list", "--reverse", `${base}..${head}`]);
  return out.split("\n").filter(Boolean);
}
