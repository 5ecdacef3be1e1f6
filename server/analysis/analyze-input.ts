// Analyses one input of the CLI: a text log or a run-logs zip, given as a path or a stream (stdin). The
// kind is told from the first bytes, not the file name; the zip reader is loaded only for a zip, so a
// text log is analysed without it (the CLI starts faster).
import { open } from "node:fs/promises";
import type { Readable } from "node:stream";
import type { JobAnalysisResult } from "./analysis-result";
import { analyzeLogChunks, analyzeLogFile, withoutFacts } from "./analyze-log";
import type { RunLogsZipAnalysis } from "./analyze-run-logs-zip";
import { looksLikeZip } from "./looks-like-zip";

async function analyzeZip(source: string | Buffer): Promise<RunLogsZipAnalysis> {
  const { analyzeRunLogsZip } = await import("./analyze-run-logs-zip");
  return analyzeRunLogsZip(source);
}

export type InputAnalysis = JobAnalysisResult & { entry?: string };

const NOTHING_FOUND: InputAnalysis = {
  failureType: "UNKNOWN",
  confidence: 0,
  decidingLines: [],
  errorLines: [],
  excerpt: "",
  signature: "",
  signatureText: "",
};

export async function analyzeInput(input: string | Readable): Promise<InputAnalysis> {
  if (typeof input === "string") {
    const handle = await open(input, "r");
    const head = Buffer.alloc(4);
    try {
      await handle.read(head, 0, 4, 0);
    } finally {
      await handle.close();
    }
    if (looksLikeZip(head)) return fromZip(await analyzeZip(input));
    return withoutFacts(await analyzeLogFile(input));
  }
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await iterator.next();
  if (first.done) return withoutFacts(await analyzeLogChunks([]));
  const firstChunk = typeof first.value === "string" ? Buffer.from(first.value) : first.value;
  if (looksLikeZip(firstChunk)) {
    // yauzl needs random access: a zip from stdin is read whole (the archive is compressed anyway).
    const chunks: Buffer[] = [firstChunk];
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) chunks.push(typeof r.value === "string" ? Buffer.from(r.value) : r.value);
    return fromZip(await analyzeZip(Buffer.concat(chunks)));
  }
  async function* rest(): AsyncGenerator<Buffer | string> {
    yield firstChunk;
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) yield r.value;
  }
  return withoutFacts(await analyzeLogChunks(rest()));
}

function fromZip(result: RunLogsZipAnalysis): InputAnalysis {
  return result.failure ?? NOTHING_FOUND;
}
