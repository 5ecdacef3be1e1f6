import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { db } from "../db/client";
import { findPreexistingFailure } from "./find-preexisting-failure";

describe("findPreexistingFailure (PostgreSQL)", () => {
  useTestDatabase();
  const now = new Date("2024-05-14T12:00:00Z");
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
  let runId = 1000n;
  const event = (o: { repo?: string; branch?: string; signature?: string | null; createdAt: Date }) =>
    db().pipelineEvent.create({
      data: {
        repoFullName: o.repo ?? "acme/shop",
        branch: o.branch ?? "main",
        commitSha: "3f9a2b7c1d0e",
        workflowName: "CI",
        status: "failure",
        conclusion: "failure",
        runId: runId++,
        failureSignature: o.signature === undefined ? "sig-a" : o.signature,
        createdAt: o.createdAt,
      },
    });

  it("finds the same signature failing on the default branch within the window, most recent first", async () => {
    await event({ createdAt: hoursAgo(100) });
    const recent = await event({ createdAt: hoursAgo(3) });
    const found = await findPreexistingFailure({ repoFullName: "acme/shop", defaultBranch: "main", signature: "sig-a", windowHours: 168, now });
    expect(found?.pipelineEventId).toBe(recent.id);
    expect(found?.runId).toBe(recent.runId);
  });

  it("ignores other branches, other repositories, other signatures, old failures and the run itself", async () => {
    await event({ repo: "acme/other", signature: "sig-b", createdAt: hoursAgo(1) });
    await event({ branch: "feature/x", signature: "sig-b", createdAt: hoursAgo(1) });
    await event({ signature: "sig-c", createdAt: hoursAgo(1) });
    await event({ signature: "sig-b", createdAt: hoursAgo(200) });
    const self = await event({ signature: "sig-d", createdAt: hoursAgo(0.5) });
    const q = { repoFullName: "acme/shop", defaultBranch: "main", windowHours: 168, now };
    expect(await findPreexistingFailure({ ...q, signature: "sig-b" })).toBeUndefined();
    expect(await findPreexistingFailure({ ...q, signature: "sig-d", excludeRunId: self.runId })).toBeUndefined();
    expect((await findPreexistingFailure({ ...q, signature: "sig-d" }))?.pipelineEventId).toBe(self.id);
    expect(await findPreexistingFailure({ ...q, signature: "sig-b", windowHours: 300 })).toBeDefined();
  });
});
