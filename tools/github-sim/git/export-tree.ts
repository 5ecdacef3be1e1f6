// A fresh checkout of one commit for the Actions runner: git archive piped into tar, so the runner's
// working copy shares nothing with the bare repository.
import { spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";

export async function exportTree(gitDir: string, sha: string, destination: string): Promise<void> {
  await mkdir(destination, { recursive: true });
  await new Promise<void>((resolve, reject) => {
    const archive = spawn("git", [`--git-dir=${gitDir}`, "archive", "--format=tar", sha], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const tar = spawn("tar", ["-x", "-C", destination], { stdio: ["pipe", "ignore", "pipe"] });
    archive.stdout.pipe(tar.stdin);
    let stderr = "";
    archive.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    tar.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    archive.on("error", reject);
    tar.on("error", reject);
    tar.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`checkout of ${sha} failed: ${stderr}`))));
  });
}
