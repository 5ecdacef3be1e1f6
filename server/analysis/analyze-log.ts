// Analyses one log, from a string, a file or any stream of chunks, line by line with bounded memory.
import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { AnalysisResult, LogFacts } from "./analysis-result";
import { LogAnalyzer, type LogAnalyzerOptions } from "./log-analyzer";
import { LineSplitter } from "./split-lines";

export type LogChunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

export interface AnalyzeOptions extends LogAnalyzerOptions {
  /** Called with every line and whether it belongs to an error range (see cap-log-text.ts). */
  onLine?: (line: string, inErrorRange: boolean) => void;
}

export type AnalysisWithFacts = AnalysisResult & { facts: LogFacts };

export async function analyzeLogChunks(chunks: LogChunks, options: AnalyzeOptions = {}): Promise<AnalysisWithFacts> {
  const analyzer = new LogAnalyzer(options);
  const onLine = options.onLine;
  const splitter = new LineSplitter(onLine ? (l) => onLine(l, analyzer.push(l)) : (l) => void analyzer.push(l));
  const decoder = new StringDecoder("utf8");
  for await (const chunk of chunks) splitter.push(typeof chunk === "string" ? chunk : decoder.write(chunk as Buffer));
  splitter.push(decoder.end());
  splitter.end();
  return analyzer.finish();
}

export function analyzeLogText(text: string, options: AnalyzeOptions = {}): AnalysisResult {
  const analyzer = new LogAnalyzer(options);
  const splitter = new LineSplitter((l) => {
    const inRange = analyzer.push(l);
    options.onLine?.(l, inRange);
  });
  splitter.push(text);
  splitter.end();
  return withoutFacts(analyzer.finish());
}

export async function analyzeLogFile(path: string, options: AnalyzeOptions = {}): Promise<AnalysisWithFacts> {
  return analyzeLogChunks(createReadStream(path, { highWaterMark: 256 * 1024 }), options);
}

export function withoutFacts<T extends AnalysisResult>(result: T & { facts?: LogFacts }): AnalysisResult {
  const { failureType, confidence, decidingLines, errorLines, excerpt, signature, signatureText } = result;
  return { failureType, confidence, decidingLines, errorLines, excerpt, signature, signatureText };
}
