// Runs the git CLI against a bare repository. Real git, so hashes, trees and history behave exactly as
// GitHub's do; the simulator never fakes an object.
import { spawn } from "node:child_process";

export class GitCommandError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(" ")} failed (${exitCode}): ${stderr.trim()}`);
    this.name = "GitCommandError";
  }
}

export interface RunGitOptions {
  input?: Buffer | string;
  env?: Record<string, string>;
  /** Exit codes that are answers rather than failures (e.g. 1 from merge-base --is-ancestor). */
  okCodes?: number[];
}

export interface GitResult {
  stdout: Buffer;
  code: number;
}

export function runGit(gitDir: string, args: string[], options: RunGitOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", [`--git-dir=${gitDir}`, ...args], {
      env: { ...gitBaseEnv(), ...options.env } as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const ok = code === 0 || (code !== null && (options.okCodes ?? []).includes(code));
      if (ok) resolve({ stdout: Buffer.concat(out), code: code ?? 0 });
      else reject(new GitCommandError(args, code, Buffer.concat(err).toString("utf8")));
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(options.input ?? "");
  });
}

export async function gitText(gitDir: string, args: string[], options?: RunGitOptions): Promise<string> {
  return (await runGit(gitDir, args, options)).stdout.toString("utf8");
}

// A user's global git configuration (hooks, signing, templates) must not change what the simulator does.
function gitBaseEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    LC_ALL: "C",
  };
}
