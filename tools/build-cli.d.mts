// Types of build-cli.mjs (a plain ES module so `prepare` can run it with node alone).
export declare const CLI_OUTDIR: string;
export declare function buildCli(options?: { outdir?: string; link?: boolean }): Promise<void>;
