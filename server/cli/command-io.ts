// What every `infraflow <command>` module receives: the process's streams, so a test can pass its own.
import type { Readable, Writable } from "node:stream";

export interface CommandIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** A command: its arguments (after the command name) and streams in, the process exit code out. */
export type RunCommand = (argv: string[], io: CommandIo) => Promise<number>;
