// Starts a real Neo4j for tests and benchmarks: Neo4j's own test harness (org.neo4j.test:neo4j-harness,
// Maven Central) in a small JVM, Bolt on a free loopback port, auth off, data in a temp folder. Builds
// the Java launcher first when needed (mvn: compile + copy the dependency jars; about 5 s once the jars are
// in ~/.m2). Run directly (`npx tsx tools/neo4j-harness/start.ts`) it prints the URI and runs until Ctrl-C.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const TARGET = path.join(HERE, "target");
const STAMP = path.join(TARGET, "build-stamp");
const MAIN_CLASS = "dev.infraflow.neo4jharness.Main";
// One GC thread (2 shared cores) and a small young generation: collections every second or so of ~4 ms
// each, instead of 10-60 ms pauses with a large one (measured with bench:kb on this machine).
const DEFAULT_JVM_ARGS = ["-XX:+UseSerialGC", "-Xmn24m"];

export interface StartNeo4jOptions {
  /** JVM heap; the machine is shared, keep it small. */
  heapMb?: number;
  /** Neo4j page cache (off-heap), 128 MB by default. */
  pageCacheMb?: number;
  /** The java to run; default $JAVA_HOME/bin/java, else java on the PATH. */
  javaBin?: string;
  /** Extra JVM options (GC logging, another collector). */
  jvmArgs?: string[];
  /** Give up when Bolt is not up by then. */
  timeoutMs?: number;
  /** Every line the JVM prints (build and server), for diagnostics. */
  onLog?: (line: string) => void;
}

export interface RunningNeo4j {
  uri: string;
  stop: () => Promise<void>;
}

async function sourceStamp(): Promise<string> {
  const hash = createHash("sha256").update(await readFile(path.join(HERE, "pom.xml")));
  const src = path.join(HERE, "src/main/java/dev/infraflow/neo4jharness");
  for (const f of (await readdir(src)).sort()) hash.update(f).update(await readFile(path.join(src, f)));
  return hash.digest("hex");
}

function run(cmd: string, args: string[], cwd: string, onLog: (l: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    const tail: string[] = [];
    const collect = (b: Buffer) =>
      b.toString().split("\n").filter(Boolean).forEach((l) => (onLog(l), tail.push(l), tail.length > 40 && tail.shift()));
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.on("error", (e) => reject(new Error(`Could not run ${cmd} (is it installed?): ${e.message}`)));
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} failed with exit code ${code}:\n${tail.join("\n")}`)),
    );
  });
}

/** Compiles the launcher and copies its dependency jars to target/lib, unless already built from these sources. */
export async function buildNeo4jHarness(onLog: (line: string) => void = () => {}): Promise<string> {
  const stamp = await sourceStamp();
  const classpath = `${path.join(TARGET, "classes")}${path.delimiter}${path.join(TARGET, "lib", "*")}`;
  if (existsSync(STAMP) && (await readFile(STAMP, "utf8")) === stamp) return classpath;
  await mkdir(TARGET, { recursive: true });
  // flock: two test runs building at once would otherwise copy jars over each other.
  await run("flock", [path.join(TARGET, ".build.lock"), "mvn", "-B", "-q", "compile", "dependency:copy-dependencies"], HERE, onLog);
  await writeFile(STAMP, stamp);
  return classpath;
}

export async function startNeo4jHarness(options: StartNeo4jOptions = {}): Promise<RunningNeo4j> {
  const onLog = options.onLog ?? (() => {});
  const classpath = await buildNeo4jHarness(onLog);
  const workDir = await mkdtemp(path.join(tmpdir(), "infraflow-neo4j-"));
  // Tools, not the app: the launcher may read the environment (server/env.ts is for the app's settings).
  const java = options.javaBin ?? (process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, "bin", "java") : "java");
  const child = spawn(
    java,
    [`-Xmx${options.heapMb ?? 512}m`, ...(options.jvmArgs ?? DEFAULT_JVM_ARGS), "-cp", classpath, MAIN_CLASS, path.join(workDir, "db"), "0", String(options.pageCacheMb ?? 128)],
    // stdin stays open: the JVM stops when it closes, so it cannot outlive this process.
    { stdio: ["pipe", "pipe", "pipe"] },
  );
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const tail: string[] = [];
  const remember = (l: string) => (onLog(l), tail.push(l), tail.length > 60 && tail.shift());
  child.stderr.on("data", (b: Buffer) => b.toString().split("\n").filter(Boolean).forEach(remember));

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Neo4j did not start within ${options.timeoutMs ?? 180_000} ms:\n${tail.join("\n")}`)), options.timeoutMs ?? 180_000);
    let buffered = "";
    child.stdout.on("data", (b: Buffer) => {
      buffered += b.toString();
      for (const line of buffered.split("\n").slice(0, -1)) {
        remember(line);
        const m = /^NEO4J_BOLT_URI=(\S+)/.exec(line);
        if (m) (clearTimeout(timer), resolve(m[1]!.replace(/\/$/, "")));
      }
      buffered = buffered.slice(buffered.lastIndexOf("\n") + 1);
    });
    child.on("error", (e) => (clearTimeout(timer), reject(new Error(`Could not run ${java}: ${e.message}`))));
    void exited.then((code) => (clearTimeout(timer), reject(new Error(`Neo4j exited (code ${code}) before it was ready:\n${tail.join("\n")}`))));
  }).catch(async (e) => {
    child.kill("SIGKILL");
    await rm(workDir, { recursive: true, force: true });
    throw e;
  });

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      child.stdin.end();
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
      await rm(workDir, { recursive: true, force: true });
    })());
  return { uri, stop };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const neo = await startNeo4jHarness({ onLog: (l) => process.stderr.write(`${l}\n`) });
  console.log(`Neo4j is up: NEO4J_URI=${neo.uri} (auth off; Ctrl-C stops it)`);
  const shutdown = () => void neo.stop().then(() => process.exit(0));
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}
