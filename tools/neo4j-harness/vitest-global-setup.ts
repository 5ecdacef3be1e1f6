// Vitest global setup: one real Neo4j (start.ts) for the whole test run, for the knowledge-base contract
// suite. It fails the run loudly when Neo4j cannot start; it never skips. It is not started when the run's
// file filters select no test file that uses it (useTestNeo4j), so other engineers' focused runs on this
// shared 2-core machine do not pay for a JVM they do not use; `npm test` (no filters) always starts it.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startNeo4jHarness } from "./start";
import type {} from "./use-test-neo4j"; // the ProvidedContext keys


async function runUsesNeo4j(project: TestProject): Promise<boolean> {
  const filters = (project.vitest as unknown as { filenamePattern?: string[] }).filenamePattern;
  if (!filters || filters.length === 0) return true;
  const { testFiles } = await project.globTestFiles(filters);
  for (const file of testFiles) if ((await readFile(file, "utf8")).includes("useTestNeo4j")) return true;
  return false;
}

export default async function setup(project: TestProject) {
  if (!(await runUsesNeo4j(project))) return;
  const log: string[] = [];
  const neo4j = await startNeo4jHarness({ heapMb: 512, onLog: (l) => log.push(l) }).catch((e: Error) => {
    throw new Error(`The knowledge-base tests need a real Neo4j and it could not start (needs java 17 and mvn with Maven Central): ${e.message}`);
  });
  const lockDir = await mkdtemp(path.join(tmpdir(), "infraflow-neo4j-lock-"));
  project.provide("neo4jUri", neo4j.uri);
  project.provide("neo4jLockDir", lockDir);
  return async () => {
    await neo4j.stop();
    await rm(lockDir, { recursive: true, force: true });
  };
}
