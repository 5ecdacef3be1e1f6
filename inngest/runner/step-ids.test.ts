import { InngestExecutionEngine } from "inngest/internals";
import { describe, expect, it } from "vitest";
import { stepIdSequence } from "./step-ids";

/** The ids the Inngest SDK itself gives a sequence of step calls in one execution. */
function sdkIds(calls: string[]): string[] {
  const { hashId, resolveStepIdCollision } = InngestExecutionEngine._internals;
  const stepsMap = new Map<string, unknown>();
  const expectedIndexes = new Map<string, number>();
  return calls.map((baseId) => {
    const { finalId } = resolveStepIdCollision({ baseId, expectedIndexes, stepsMap: stepsMap as never });
    stepsMap.set(hashId(finalId), {});
    return finalId;
  });
}

describe("repeated step ids", () => {
  it.each([
    [["item", "item", "item"]],
    [["a", "b", "a", "b", "a"]],
    [["x:1", "x", "x", "x"]],
    [["x", "x:1", "x", "x"]],
    [["fetch", "fetch:2", "fetch", "fetch", "fetch"]],
  ])("numbers %j exactly as the Inngest SDK does", (calls) => {
    const next = stepIdSequence();
    expect(calls.map(next)).toEqual(sdkIds(calls));
  });

  it("is `id`, `id:1`, `id:2` for a loop", () => {
    const next = stepIdSequence();
    expect(["item", "item", "item"].map(next)).toEqual(["item", "item:1", "item:2"]);
  });
});
