import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { decideRerunOutcome } from "./decide-rerun-outcome";
import { shouldRerunFailedJobs } from "./rerun-failed-jobs";

describe("flaky detection by re-run", () => {
  it("a failure that passes on re-run is flaky and not healed", () => {
    expect(decideRerunOutcome("success")).toMatchObject({ flaky: true, heal: false });
  });

  it("a failure that fails again is healed", () => {
    for (const c of ["failure", "timed_out", "startup_failure"]) expect(decideRerunOutcome(c)).toMatchObject({ flaky: false, heal: true });
  });

  it("an inconclusive re-run does not make a failure flaky", () => {
    for (const c of ["cancelled", "skipped", "neutral", null, undefined]) expect(decideRerunOutcome(c)).toMatchObject({ flaky: false, heal: true });
  });

  it("re-runs once: only the first attempt, only when enabled, not for a known pre-existing failure", () => {
    expect(shouldRerunFailedJobs({ enabled: true, runAttempt: 1, preexisting: false })).toBe(true);
    expect(shouldRerunFailedJobs({ enabled: true, runAttempt: 2, preexisting: false })).toBe(false);
    expect(shouldRerunFailedJobs({ enabled: false, runAttempt: 1, preexisting: false })).toBe(false);
    expect(shouldRerunFailedJobs({ enabled: true, runAttempt: 1, preexisting: true })).toBe(false);
  });

  it("the settings default to re-running and a 5 MiB log cap, and are validated", () => {
    const defaults = parseEnv({});
    expect(defaults.ANALYSIS_RERUN_FAILED_JOBS).toBe(true);
    expect(defaults.ANALYSIS_MAX_LOG_BYTES).toBe(5 * 1024 * 1024);
    expect(defaults.ANALYSIS_PREEXISTING_WINDOW_HOURS).toBe(168);
    expect(parseEnv({ ANALYSIS_RERUN_FAILED_JOBS: "false" }).ANALYSIS_RERUN_FAILED_JOBS).toBe(false);
    expect(() => parseEnv({ ANALYSIS_MAX_LOG_BYTES: "10" })).toThrow(/ANALYSIS_MAX_LOG_BYTES/);
  });
});
