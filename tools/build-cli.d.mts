// Types of build-cli.mjs (a plain ES module so `prepare` can run it with node alone).
import type { Metafile } from "esbuild";

export declare const CLI_OUTDIR: string;
/** Builds the CLI; resolves to esbuild's metafile (what each output imports). */
export declare function buildCli(options?: { outdir?: string; link?: boolean }): Promise<Metafile>;
