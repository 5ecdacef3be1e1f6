import { describe, expect, it } from "vitest";
import { decideFixRuns, type RunView } from "./check-fix-runs";

const REPO = "octo/app";
let nextId = 1;
const run = (name: string, status: string, conclusion: string | null, headRepository = REPO, updatedAt = "2026-12-02T10:00:00Z"): RunView => ({ id: nextId++, name, status, conclusion, headRepository, updatedAt });

describe("decideFixRuns: every workflow of the failing commit, completed on the fix commit, own repository only", () => {
  const failing = [run("CI", "completed", "failure"), run("Lint", "completed", "success")];

  it("waits until every workflow that ran on the failing commit has completed on the fix commit", () => {
    expect(decideFixRuns(REPO, failing, [run("CI", "completed", "success")])).toEqual({ decided: false, waitingFor: ["Lint"] });
    expect(decideFixRuns(REPO, failing, [run("CI", "completed", "success"), run("Lint", "in_progress", null)])).toEqual({ decided: false, waitingFor: ["Lint"] });
    // A second run of the same workflow (push + pull_request) still running holds the verdict too.
    expect(decideFixRuns(REPO, failing, [run("CI", "completed", "success"), run("CI", "queued", null), run("Lint", "completed", "success")])).toMatchObject({ decided: false, waitingFor: ["CI"] });
  });

  it("decides success only when all passed, failure when any failed, with the last completion time", () => {
    const ok = decideFixRuns(REPO, failing, [run("CI", "completed", "success", REPO, "2026-12-02T10:01:00Z"), run("Lint", "completed", "success", REPO, "2026-12-02T10:03:00Z")]);
    expect(ok).toMatchObject({ decided: true, conclusion: "success", failedRunId: null, completedAt: "2026-12-02T10:03:00Z", workflows: ["CI", "Lint"] });
    const bad = run("Lint", "completed", "failure");
    expect(decideFixRuns(REPO, failing, [run("CI", "completed", "success"), bad])).toMatchObject({ decided: true, conclusion: "failure", failedRunId: String(bad.id) });
    expect(decideFixRuns(REPO, failing, [run("CI", "completed", "success"), run("Lint", "completed", "cancelled")])).toMatchObject({ decided: true, conclusion: "cancelled" });
  });

  it("ignores runs from forks, on either commit", () => {
    const fromFork = [run("CI", "completed", "failure", "mallory/app"), run("Lint", "completed", "failure", "mallory/app")];
    expect(decideFixRuns(REPO, failing, fromFork)).toEqual({ decided: false, waitingFor: ["CI", "Lint"] });
    expect(decideFixRuns(REPO, failing, [run("CI", "completed", "success"), run("Lint", "completed", "success"), ...fromFork])).toMatchObject({ decided: true, conclusion: "success" });
    expect(decideFixRuns(REPO, [run("Other", "completed", "failure", "mallory/app"), ...failing], [run("CI", "completed", "success"), run("Lint", "completed", "success")])).toMatchObject({ decided: true, workflows: ["CI", "Lint"] });
  });
});
