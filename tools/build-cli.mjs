// Builds the `infraflow` CLI into dist/cli/ with esbuild, so the command starts without compiling
// TypeScript (npm run build:cli; `prepare` runs it, so `npm ci` leaves a built CLI behind). Third-party
// packages stay external and load from node_modules: some ship WASM or native files beside their code.
//
// It also links node_modules/.bin/infraflow to bin/infraflow.mjs. package.json deliberately has no
// "bin": with one, `npx infraflow` / `npm exec infraflow` inside the repository would install the
// repository itself into the npx cache (running its install scripts) to get at that bin; with the link
// in node_modules/.bin they run the local file directly.
import { build } from "esbuild";
import { mkdir, rm, symlink, unlink } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_OUTDIR = path.join(repo, "dist", "cli");

export async function buildCli({ outdir = CLI_OUTDIR, link = true } = {}) {
  await rm(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: repo,
    entryPoints: { main: "server/cli/main.ts" },
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    outExtension: { ".js": ".mjs" },
    chunkNames: "chunks/[name]-[hash]",
    packages: "external",
    tsconfig: path.join(repo, "tsconfig.json"),
    sourcemap: true,
    legalComments: "none",
    logLevel: "warning",
    metafile: true,
  });
  if (link) await linkBin();
  return result.metafile;
}

async function linkBin() {
  const binDir = path.join(repo, "node_modules", ".bin");
  const target = path.join(binDir, "infraflow");
  await mkdir(binDir, { recursive: true });
  await unlink(target).catch(() => {});
  await symlink(path.relative(binDir, path.join(repo, "bin", "infraflow.mjs")), target);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildCli();
}
