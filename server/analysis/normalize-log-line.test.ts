import { describe, expect, it } from "vitest";
import { normalizeLogLine } from "./normalize-log-line";

describe("normalizeLogLine", () => {
  it("drops GitHub's timestamp and ANSI colours", () => {
    expect(normalizeLogLine("2024-05-14T09:12:01.9210660Z \x1b[1;31mERROR\x1b[m] boom")).toEqual({ text: "ERROR] boom" });
    expect(normalizeLogLine("\uFEFF2024-05-14T09:12:01.9210660Z hello").text).toBe("hello");
  });

  it("separates runner markers and echoed workflow commands", () => {
    expect(normalizeLogLine("2024-05-14T09:12:01.9Z ##[error]Process completed with exit code 1.")).toEqual({ text: "Process completed with exit code 1.", marker: "error" });
    expect(normalizeLogLine("##[group]Run npm ci")).toEqual({ text: "Run npm ci", marker: "group" });
    expect(normalizeLogLine("::error file=src/a.ts,line=3::Missing semicolon")).toEqual({ text: "Missing semicolon", marker: "error" });
  });

  it("drops BuildKit step prefixes and compose service prefixes", () => {
    expect(normalizeLogLine("#8 2.113 npm ERR! code ETARGET").text).toBe("npm ERR! code ETARGET");
    expect(normalizeLogLine("#8 ERROR: process \"/bin/sh -c npm ci\" did not complete").text).toBe("ERROR: process \"/bin/sh -c npm ci\" did not complete");
    expect(normalizeLogLine("api-1  | Error: connect ECONNREFUSED").text).toBe("Error: connect ECONNREFUSED");
  });

  it("leaves ordinary lines alone", () => {
    expect(normalizeLogLine("[INFO] BUILD FAILURE")).toEqual({ text: "[INFO] BUILD FAILURE" });
    expect(normalizeLogLine("12 tests completed, 1 failed")).toEqual({ text: "12 tests completed, 1 failed" });
  });
});
