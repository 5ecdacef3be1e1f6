// Test support: runs a command's runner with in-memory streams and returns its exit code and output.
import { PassThrough, Readable } from "node:stream";
import type { RunCommand } from "../command-io";

export async function runCommand(command: RunCommand, argv: string[], stdin: Readable = Readable.from([])) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (c) => out.push(String(c)));
  stderr.on("data", (c) => err.push(String(c)));
  const code = await command(argv, { stdin, stdout, stderr });
  return { code, stdout: out.join(""), stderr: err.join("") };
}
