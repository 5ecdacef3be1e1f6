#!/usr/bin/env node
// The `infraflow` command (`npx infraflow <command>` from the repository). The sources are TypeScript,
// so tsx's loader is registered first; each command is a module exporting run<Command>Command(argv, io).
import { register } from "tsx/esm/api";

const COMMANDS = {
  analyze: { module: "../server/analysis/cli/analyze-command.ts", run: "runAnalyzeCommand" },
  guard: { module: "../server/healing/guardrails/cli/guard-command.ts", run: "runGuardCommand" },
};

const [name, ...args] = process.argv.slice(2);
const command = COMMANDS[name];
if (!command) {
  process.stderr.write(`Usage: infraflow <command> [options]\n\nCommands:\n  analyze   classify CI logs and run-logs zips (infraflow analyze --help)\n  guard     check fix diffs against the guardrails (infraflow guard --help)\n`);
  process.exit(name === undefined || name === "--help" || name === "-h" ? 0 : 2);
}
register();
const mod = await import(new URL(command.module, import.meta.url).href);
process.exitCode = await mod[command.run](args, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
