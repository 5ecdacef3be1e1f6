import { describe, expect, it } from "vitest";
import { explainFailure } from "./explain-failure";
import { allows, blockingFolder } from "./reachable";

const postgres = { uid: 101, groups: [104] };
const folders: Record<string, { mode: number; uid: number; gid: number }> = {
  "/": { mode: 0o755, uid: 0, gid: 0 },
  "/root": { mode: 0o700, uid: 0, gid: 0 },
  "/root/infraflow": { mode: 0o755, uid: 0, gid: 0 },
  "/srv": { mode: 0o750, uid: 0, gid: 104 },
  "/srv/app": { mode: 0o755, uid: 0, gid: 0 },
};
const stat = (p: string) => folders[p] ?? { mode: 0o755, uid: 0, gid: 0 };

describe("reachability for the server user", () => {
  it("names the first folder the user may not pass", () => {
    expect(blockingFolder("/root/infraflow/node_modules/x/bin/initdb", postgres, stat)).toBe("/root");
    expect(blockingFolder("/srv/app/.data/postgres", postgres, stat)).toBeNull();
    expect(blockingFolder("/srv/app/.data/postgres", { uid: 999, groups: [999] }, stat)).toBe("/srv");
    expect(blockingFolder("/root/x", { uid: 0, groups: [0] }, stat)).toBeNull();
  });

  it("reads the owner, group and other bits the way the kernel does", () => {
    expect(allows({ mode: 0o070, uid: 101, gid: 104 }, postgres, 1)).toBe(false); // owner bits win
    expect(allows({ mode: 0o010, uid: 0, gid: 104 }, postgres, 1)).toBe(true);
    expect(allows({ mode: 0o001, uid: 0, gid: 0 }, postgres, 1)).toBe(true);
  });
});

describe("start failures in one line", () => {
  const c = { port: 54329, dataDir: "/d/postgres", serverUser: "postgres" };
  it("says what to do for a second server on the same data", () => {
    const out = 'FATAL:  lock file "postmaster.pid" already exists\nHINT:  Is another postmaster (PID 4242) running in data directory "/d/postgres"?';
    expect(explainFailure("start", out, c)).toBe(
      "Embedded PostgreSQL could not start on 127.0.0.1:54329: another PostgreSQL (PID 4242) already uses /d/postgres (is another InfraFlow running from this checkout?): stop it, or set DATA_DIR or DATABASE_URL",
    );
  });
  it("quotes PostgreSQL when no rule knows the message", () => {
    const line = explainFailure("start", "LOG: starting\n2026-01-01 00:00:00.000 UTC [12] FATAL:  something new went wrong\n", c);
    expect(line).toBe("Embedded PostgreSQL could not start on 127.0.0.1:54329 (PostgreSQL said: FATAL:  something new went wrong): set DATABASE_URL to use another PostgreSQL");
  });
});
