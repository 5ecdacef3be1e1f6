// The `infraflow` commands. Each is loaded only when asked for (a lazy import, a chunk of its own in the
// bundle), so `infraflow analyze` never pays for another command's dependencies. Adding a command is one
// line: its name, a summary for the usage text, and the import of its module, whose runner has the
// shape of RunCommand. The bundle keeps third-party packages external (they load from node_modules), so a
// command must find data files (WASM grammars, rule sets) through its packages, not beside its own source.
import type { RunCommand } from "./command-io";

export interface CommandEntry {
  summary: string;
  load: () => Promise<RunCommand>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  analyze: { summary: "classify CI logs and run-logs zips (infraflow analyze --help)", load: async () => (await import("../analysis/cli/analyze-command")).runAnalyzeCommand },
  guard: { summary: "check a proposed fix against the guardrails (infraflow guard --help)", load: async () => (await import("../healing/guardrails/cli/guard-command")).runGuardCommand },
  scan: { summary: "scan files for secrets, injection and vulnerable dependencies (infraflow scan --help)", load: async () => (await import("../security/cli/scan-command")).runScanCommand },
};
