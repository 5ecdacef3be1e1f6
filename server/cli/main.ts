// Entry point of the prebuilt CLI bundle (dist/cli/main.mjs, built by tools/build-cli.mjs): picks the
// command, loads its module, runs it. bin/infraflow.mjs only imports this file.
import type { CommandIo } from "./command-io";
import { COMMANDS } from "./commands";

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}   ${c.summary}`);
  return `Usage: infraflow <command> [options]\n\nCommands:\n${lines.join("\n")}\n`;
}

export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(usage());
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(`infraflow: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return (await command.load())(args, io);
}
