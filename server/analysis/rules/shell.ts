// The shell a `run:` step executes: missing commands, permissions, missing files and directories.
import { rule } from "./rule";

export const shellRules = [
  rule({
    id: "shell.command-not-found",
    keywords: ["not found", "is not recognized as"],
    pattern: /(^|: )(line \d+: )?[\w.\/+-]+: (command not found|not found)$|is not recognized as an internal or external command|The term '[^']+' is not recognized as (the )?name of a cmdlet/,
    type: "CONFIGURATION",
    weight: 8,
    examples: ["/home/runner/work/_temp/0c1f.sh: line 2: pnpm: command not found", "sh: 1: yarn: not found", "bash: mvnw: command not found"],
  }),
  rule({
    id: "shell.permission-denied",
    keywords: ["permission denied"],
    pattern: /: Permission denied$|EACCES: permission denied/,
    type: "CONFIGURATION",
    weight: 5,
    examples: ["/home/runner/work/_temp/3f2a.sh: line 1: ./gradlew: Permission denied"],
  }),
  rule({
    id: "shell.no-such-file",
    keywords: ["no such file or directory", "can't cd to"],
    pattern: /^(\/\S+: line \d+: |bash: |sh: \d+: )?(\w[\w.-]*: )?\S+: No such file or directory$|can't cd to /,
    type: "CONFIGURATION",
    weight: 4,
    examples: ["/home/runner/work/_temp/9d1e.sh: line 1: cd: frontend: No such file or directory", "cat: dist/version.txt: No such file or directory", "/builds/acme/web.tmp/CI_SCRIPT: line 142: cd: frontend: No such file or directory"],
  }),
  rule({
    id: "shell.missing-credentials",
    keywords: ["credential"],
    pattern: /No valid credential sources found|Unable to locate credentials|Could not load credentials|credentials? (were |was )?(not found|missing|not provided)/i,
    type: "CONFIGURATION",
    weight: 7,
    examples: ["│ Error: No valid credential sources found", "Error: Could not load credentials from any providers"],
  }),
  rule({
    id: "shell.missing-env",
    keywords: ["parameter null or not set", "parameter not set", "unbound variable", "environment variable"],
    pattern: /: parameter (null or not set|not set)$|: unbound variable$|environment variable \S+ (is )?(not set|required|missing)|missing required environment variable/i,
    type: "CONFIGURATION",
    weight: 7,
    examples: ["/home/runner/work/_temp/1a.sh: line 3: DEPLOY_TOKEN: unbound variable", "Error: environment variable NPM_TOKEN is not set"],
  }),
];
