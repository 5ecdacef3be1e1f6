// PostgreSQL's own messages of a failed initdb or start, turned into one line that says what to do.
export interface FailureContext {
  port: number;
  dataDir: string;
  serverUser: string;
}

const RULES: { test: RegExp; say: (m: RegExpMatchArray, c: FailureContext) => string }[] = [
  {
    test: /could not bind IPv4 address[^\n]*Address already in use|could not create any TCP\/IP sockets/i,
    say: (_, c) => `port ${c.port} on 127.0.0.1 is taken: set EMBEDDED_POSTGRES_PORT to a free port, or set DATABASE_URL`,
  },
  {
    test: /lock file "postmaster\.pid" already exists[\s\S]*?PID (\d+)/i,
    say: (m, c) => `another PostgreSQL (PID ${m[1]}) already uses ${c.dataDir} (is another InfraFlow running from this checkout?): stop it, or set DATA_DIR or DATABASE_URL`,
  },
  {
    test: /database files are incompatible with server|was initialized by PG_VERSION/i,
    say: (_, c) => `the data in ${c.dataDir} was made by another PostgreSQL version: remove that folder (its data is lost) or set DATA_DIR, or set DATABASE_URL`,
  },
  {
    test: /directory "[^"]*" exists but is not empty/i,
    say: (_, c) => `${c.dataDir} holds files but no PostgreSQL cluster: remove that folder (or set DATA_DIR to another one) and start again, or set DATABASE_URL`,
  },
  {
    test: /(?:could not (?:access|open|change|create|read)[^"\n]*"([^"]+)"[^\n]*Permission denied)|(?:data directory "([^"]+)" has invalid permissions)/i,
    say: (m, c) => `the ${c.serverUser} user may not use ${m[1] ?? m[2]}: give it access, set DATA_DIR to a folder it can use, or set DATABASE_URL`,
  },
  {
    test: /could not load library|error while loading shared libraries: ([^\s:]+)/i,
    say: (m) => `a library PostgreSQL needs is missing (${m[1] ?? "see the log"}): reinstall with \`npm ci\`, or set DATABASE_URL`,
  },
];

/** One line: what failed, why (PostgreSQL's words when no rule knows them), and what to do. */
export function explainFailure(stage: "initialise" | "start", output: string, c: FailureContext): string {
  const head = `Embedded PostgreSQL could not ${stage === "start" ? `start on 127.0.0.1:${c.port}` : `create its cluster in ${c.dataDir}`}`;
  for (const rule of RULES) {
    const m = output.match(rule.test);
    if (m) return `${head}: ${rule.say(m, c)}`;
  }
  const said = lastProblem(output);
  return `${head}${said ? ` (PostgreSQL said: ${said})` : ""}: set DATABASE_URL to use another PostgreSQL`;
}

function lastProblem(output: string): string | undefined {
  const lines = output.split("\n").map((l) => l.trim()).filter(Boolean);
  const problem = [...lines].reverse().find((l) => /FATAL|PANIC|ERROR|error:/i.test(l)) ?? lines.at(-1);
  return problem?.replace(/^\S+ \S+ \S+ \[\d+\] /, "").slice(0, 300);
}
