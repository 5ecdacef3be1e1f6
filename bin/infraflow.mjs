#!/usr/bin/env node
// The `infraflow` command. It runs the prebuilt bundle in dist/cli (tools/build-cli.mjs, made by
// `npm ci` and `npm run build`): no TypeScript is compiled at run time.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/cli/main.mjs", import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write("infraflow: the CLI is not built; run `npm ci` (or `npm run build:cli`) in the repository first\n");
  process.exit(1);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
