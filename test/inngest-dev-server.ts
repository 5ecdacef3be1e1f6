// The real Inngest server for tests: `inngest dev` started on free loopback ports (its connect ports
// 8289/50052/50053 moved too, so several test files can each run one), in-memory, in a temp directory.
//
// Where the server comes from, in order: $INNGEST_CLI (a path to the `inngest` binary), then
// ../shared/tools/inngest-dev/inngest next to the checkout (built from source for machines without
// internet; see its README), then `npx --yes inngest-cli@latest`. A server that cannot be started is a test
// FAILURE, in CI and outside it: the Inngest engine is a first-class engine of the product, and a skipped
// suite would let it break unnoticed. The error says how to provide the server.
import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./global-setup";

export interface InngestDevServer {
  /** Base URL of the server (event API, REST API, GraphQL). */
  url: string;
  /** GraphQL at /v0/gql; throws on errors. */
  gql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

const repoRoot = path.resolve(import.meta.dirname, "..");

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The command that runs the Inngest CLI, per the order above. */
export function inngestCliCommand(): { command: string; args: string[]; source: string } {
  const fromEnv = process.env.INNGEST_CLI;
  if (fromEnv) {
    if (!executable(fromEnv)) throw new Error(`INNGEST_CLI=${fromEnv} is not an executable file`);
    return { command: fromEnv, args: [], source: "INNGEST_CLI" };
  }
  const shared = path.resolve(repoRoot, "../shared/tools/inngest-dev/inngest");
  if (executable(shared)) return { command: shared, args: [], source: shared };
  return { command: "npx", args: ["--yes", "inngest-cli@latest"], source: "npx inngest-cli@latest" };
}

async function waitForHealth(url: string, child: ChildProcess, logs: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited with ${child.exitCode ?? child.signalCode}\n${logs()}`);
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no answer on ${url}/health within ${timeoutMs} ms\n${logs()}`);
}

export async function startInngestDevServer(options: { sdkUrls?: string[]; startTimeoutMs?: number } = {}): Promise<InngestDevServer> {
  const cli = inngestCliCommand();
  const cwd = await mkdtemp(path.join(tmpdir(), "infraflow-inngest-"));
  const [port, gateway, gatewayGrpc, executorGrpc] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const args = [
    ...cli.args,
    "dev",
    "--host", "127.0.0.1",
    "--port", String(port),
    "--connect-gateway-port", String(gateway),
    "--connect-gateway-grpc-port", String(gatewayGrpc),
    "--connect-executor-grpc-port", String(executorGrpc),
    "--no-discovery",
    "--no-poll",
    // Linear 1 s backoff between retries instead of Inngest's production schedule, so retry tests stay short.
    "--retry-interval", "1",
    "--log-level", "warn",
    ...(options.sdkUrls ?? []).flatMap((u) => ["-u", u]),
  ];
  // Own process group, so stop() also ends what npx or the wrapper script started.
  const child = spawn(cli.command, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const spawnError = new Promise<never>((_, reject) => child.once("error", reject));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, "SIGKILL");
    }
    await rm(cwd, { recursive: true, force: true });
  };

  try {
    await Promise.race([waitForHealth(url, child, () => output, options.startTimeoutMs ?? 120_000), spawnError]);
  } catch (err) {
    await stop();
    throw new Error(
      `The Inngest dev server (${cli.source}) did not start: ${(err as Error).message}\n` +
        `Set INNGEST_CLI to an \`inngest\` binary, or provide ../shared/tools/inngest-dev, or make \`npx inngest-cli\` work (it downloads its binary).`,
    );
  }

  return {
    url,
    stop,
    async gql<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const res = await fetch(`${url}/v0/gql`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
      if (!res.ok || body.errors?.length) throw new Error(`Inngest GraphQL: ${res.status} ${JSON.stringify(body.errors ?? body)}`);
      return body.data!;
    },
  };
}
