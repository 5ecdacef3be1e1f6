// The CLI run from its TypeScript sources through tsx (how bin/infraflow.mjs ran before the bundle):
// the baseline of the start-up figure in bench:analysis.
import { main } from "../../server/cli/main";

process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
