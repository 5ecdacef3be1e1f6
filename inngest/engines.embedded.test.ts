// The workflow semantics suite on the embedded runner, plus what only the embedded journal shows.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db/client";
import { useTestDatabase } from "@/test/database";
import { workflowConformanceSuite } from "@/test/workflow-conformance";

useTestDatabase();
const { harness } = workflowConformanceSuite("embedded");

describe("embedded journal", () => {
  it("journals a loop's repeated step under the ids Inngest gives it", async () => {
    await harness().send({ name: "conformance/loop", data: { key: "journal-ids" } });
    const run = await harness().waitForRun("conf-loop", (r) => r.event.data.key === "journal-ids");
    const row = await db().workflowRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(Object.keys(row.steps as object).sort()).toEqual(["item", "item:1", "item:2"]);
  });
});
