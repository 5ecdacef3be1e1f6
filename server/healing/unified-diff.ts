// A fix plan's changes as one git-style unified diff (pull request body, prompts of later attempts).
import { createTwoFilesPatch } from "diff";
import type { FixChange } from "./fix-plan";

export function unifiedDiffOf(changes: readonly FixChange[]): string {
  return changes
    .map((c) => {
      const before = c.action === "create" ? "" : (c.originalContent ?? "");
      const after = c.action === "delete" ? "" : c.content;
      const from = c.action === "create" ? "/dev/null" : `a/${c.path}`;
      const to = c.action === "delete" ? "/dev/null" : `b/${c.path}`;
      return createTwoFilesPatch(from, to, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, "");
    })
    .join("");
}
