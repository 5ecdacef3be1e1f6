// Test support: a small run-logs archive in GitHub's layout (built in memory, no fixture binary).
import { strToU8, zipSync } from "fflate";

const ts = (i: number) => `2024-05-14T09:12:${String(i % 60).padStart(2, "0")}.1234567Z `;
const log = (lines: string[]) => lines.map((l, i) => ts(i) + l).join("\n") + "\n";

/** A run-logs archive as GitHub lays it out: whole-job files at the top, one folder of step files per job. */
export function runLogsZip(): Uint8Array {
  const build = ["##[group]Run mvn -B verify", "##[endgroup]", "[INFO] Compiling 3 source files", "[ERROR] COMPILATION ERROR : ", "[ERROR] /home/runner/work/a/a/src/A.java:[4,2] cannot find symbol", "[INFO] BUILD FAILURE", "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile (default-compile) on project a: Compilation failure", "##[error]Process completed with exit code 1."];
  const cancelled = ["##[group]Run mvn -B verify", "##[endgroup]", "[INFO] Tests run: 4, Failures: 0, Errors: 0", "##[error]The operation was canceled."];
  const lint = ["##[group]Run npx eslint .", "##[endgroup]", "/home/runner/work/a/a/web/x.js", "  1:7  error  'a' is assigned a value but never used  no-unused-vars", "✖ 1 problem (1 error, 0 warnings)", "##[error]Process completed with exit code 1."];
  return zipSync({
    "1_build (17).txt": strToU8(log(["Requested labels: ubuntu-latest", ...build])),
    "build (17)/1_Set up job.txt": strToU8(log(["Requested labels: ubuntu-latest"])),
    "build (17)/4_Run mvn -B verify.txt": strToU8(log(build)),
    "2_build (21).txt": strToU8(log(cancelled)),
    "build (21)/4_Run mvn -B verify.txt": strToU8(log(cancelled)),
    // a job without step files: the whole-job file is analysed and the step read from its groups
    "3_lint.txt": strToU8(log(["Requested labels: ubuntu-latest", "##[group]Run actions/checkout@v4", "##[endgroup]", ...lint])),
  });
}
