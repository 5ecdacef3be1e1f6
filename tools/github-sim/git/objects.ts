// Reading and writing git objects in a bare repository: blobs, trees, commits.
import { GitCommandError, gitText, runGit } from "./run-git";

export type ObjectType = "blob" | "tree" | "commit" | "tag";

export interface GitPerson {
  name: string;
  email: string;
  /** ISO 8601. */
  date: string;
}

export interface GitCommitObject {
  sha: string;
  tree: string;
  parents: string[];
  author: GitPerson;
  committer: GitPerson;
  message: string;
}

export interface TreeEntry {
  mode: string;
  type: "blob" | "tree" | "commit";
  sha: string;
  path: string;
  size?: number;
}

/** The new tree's entries as GitHub's create-tree takes them: sha null deletes the path. */
export interface TreeChange {
  path: string;
  mode: string;
  sha: string | null;
}

export const EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

export async function objectType(gitDir: string, sha: string): Promise<ObjectType | null> {
  if (!/^[0-9a-f]{4,40}$/i.test(sha)) return null;
  try {
    return (await gitText(gitDir, ["cat-file", "-t", sha])).trim() as ObjectType;
  } catch (error) {
    if (error instanceof GitCommandError) return null;
    throw error;
  }
}

export async function writeBlob(gitDir: string, content: Buffer): Promise<string> {
  return (await gitText(gitDir, ["hash-object", "-w", "--stdin"], { input: content })).trim();
}

export async function readBlob(gitDir: string, sha: string): Promise<Buffer> {
  return (await runGit(gitDir, ["cat-file", "blob", sha])).stdout;
}

export async function readTree(gitDir: string, treeish: string, recursive: boolean): Promise<TreeEntry[]> {
  const args = ["ls-tree", "-z", "--long", ...(recursive ? ["-r", "-t"] : []), treeish];
  const out = await gitText(gitDir, args);
  return out
    .split("\0")
    .filter(Boolean)
    .map((line) => {
      const [meta, filePath] = splitOnce(line, "\t");
      const [mode, type, sha, size] = meta.split(/\s+/) as [string, TreeEntry["type"], string, string];
      return { mode, type, sha, path: filePath, ...(type === "blob" ? { size: Number(size) } : {}) };
    });
}

/** Overlays changes on a base tree (or an empty one) with a throwaway index, as create-tree does. */
export async function buildTree(gitDir: string, baseTree: string | null, changes: TreeChange[]): Promise<string> {
  const env = { GIT_INDEX_FILE: `${gitDir}/sim-index-${process.pid}-${Math.random().toString(36).slice(2)}` };
  try {
    if (baseTree) await runGit(gitDir, ["read-tree", baseTree], { env });
    else await runGit(gitDir, ["read-tree", "--empty"], { env });
    const removals = changes.filter((c) => c.sha === null).map((c) => c.path);
    if (removals.length > 0) {
      await runGit(gitDir, ["rm", "--cached", "-r", "-q", "--ignore-unmatch", "--", ...removals], { env });
    }
    const additions = changes.filter((c) => c.sha !== null);
    if (additions.length > 0) {
      const input = additions.map((c) => `${c.mode} ${c.sha}\t${c.path}\0`).join("");
      await runGit(gitDir, ["update-index", "--add", "-z", "--index-info"], { env, input });
    }
    return (await gitText(gitDir, ["write-tree"], { env })).trim();
  } finally {
    await import("node:fs/promises").then((fs) => fs.rm(env.GIT_INDEX_FILE, { force: true }));
  }
}

export async function writeCommit(
  gitDir: string,
  commit: { tree: string; parents: string[]; message: string; author: GitPerson; committer: GitPerson },
): Promise<string> {
  const args = ["commit-tree", commit.tree, ...commit.parents.flatMap((p) => ["-p", p])];
  const env = {
    GIT_AUTHOR_NAME: commit.author.name,
    GIT_AUTHOR_EMAIL: commit.author.email,
    GIT_AUTHOR_DATE: commit.author.date,
    GIT_COMMITTER_NAME: commit.committer.name,
    GIT_COMMITTER_EMAIL: commit.committer.email,
    GIT_COMMITTER_DATE: commit.committer.date,
  };
  return (await gitText(gitDir, args, { env, input: commit.message })).trim();
}

export async function readCommit(gitDir: string, sha: string): Promise<GitCommitObject> {
  const raw = await gitText(gitDir, ["cat-file", "commit", sha]);
  const [header, message] = splitOnce(raw, "\n\n");
  const parents: string[] = [];
  let tree = "";
  let author: GitPerson | undefined;
  let committer: GitPerson | undefined;
  for (const line of header.split("\n")) {
    const [key, value] = splitOnce(line, " ");
    if (key === "tree") tree = value;
    else if (key === "parent") parents.push(value);
    else if (key === "author") author = parsePerson(value);
    else if (key === "committer") committer = parsePerson(value);
  }
  const full = (await gitText(gitDir, ["rev-parse", sha])).trim();
  return { sha: full, tree, parents, author: author!, committer: committer!, message };
}

function parsePerson(value: string): GitPerson {
  const match = /^(.*) <(.*)> (\d+) ([+-]\d{4})$/.exec(value);
  if (!match) return { name: value, email: "", date: new Date(0).toISOString() };
  const date = new Date(Number(match[3]) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
  return { name: match[1]!, email: match[2]!, date };
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + separator.length)];
}
