import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/test/database";
import { db } from "./client";

describe("db() against the embedded PostgreSQL", () => {
  useTestDatabase();

  it("writes and reads a pipeline event through the runbook's table names", async () => {
    const created = await db().pipelineEvent.create({
      data: { repoFullName: "octo/app", branch: "main", commitSha: "a".repeat(40), workflowName: "CI", status: "failure", runId: 9_000_000_001n },
    });
    const rows = await db().$queryRaw<{ repo_full_name: string; run_id: bigint }[]>`SELECT repo_full_name, run_id FROM pipeline_events WHERE id = ${created.id}`;
    expect(rows).toEqual([{ repo_full_name: "octo/app", run_id: 9_000_000_001n }]);
  });
});
