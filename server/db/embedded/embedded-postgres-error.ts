// A start failure of the embedded PostgreSQL, said in one line with what to do. The stack is the message:
// the launcher and the test runners print it as it is, and a trace through our own start code helps no one.
export class EmbeddedPostgresError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message.replace(/\s*\n\s*/g, " "), options);
    this.name = "EmbeddedPostgresError";
    this.stack = this.message;
  }
}
