// The `infraflow` commands. Each is loaded only when asked for (a lazy import, a chunk of its own in the
// bundle), so `infraflow analyze` never pays for another command's dependencies. Adding a command is one
// entry: its name, a one-line summary for the usage text, and the import of its module.
import type { RunCommand } from "./command-io";

export interface CommandEntry {
  summary: string;
  load: () => Promise<RunCommand>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  analyze: {
    summary: "classify CI logs and run-logs zips (infraflow analyze --help)",
    load: async () => (await import("../analysis/cli/analyze-command")).runAnalyzeCommand,
  },
};
