// Where a root process puts what the `postgres` user must reach when the checkout is private: a folder
// owned by root that only root may write to, readable by everyone. /var/lib is where system services keep
// their state; a read-only /var falls back to the temporary folder, checked so that nobody else planted it.
import { lstatSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { EmbeddedPostgresError } from "./embedded-postgres-error";

const CANDIDATES = () => ["/var/lib/infraflow", path.join(tmpdir(), "infraflow-root")];

export function stagingRoot(): string {
  for (const dir of CANDIDATES()) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o755 });
    } catch {
      continue;
    }
    const s = lstatSync(dir);
    // Owned by root, a real folder (not a link someone planted), writable by root alone.
    if (s.isDirectory() && !s.isSymbolicLink() && s.uid === 0 && (s.mode & 0o022) === 0) return dir;
  }
  throw new EmbeddedPostgresError(
    `Embedded PostgreSQL needs a folder the postgres user can reach, and neither ${CANDIDATES().join(" nor ")} is usable: ` +
      "clone InfraFlow outside a private folder, run it as a regular user, or set DATABASE_URL",
  );
}
