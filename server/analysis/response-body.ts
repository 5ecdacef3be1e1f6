// An Octokit response body requested with `parseSuccessResponseBody: false`: fetch's web ReadableStream
// (or, with other request adapters, text or bytes), as chunks.
import type { LogChunks } from "./analyze-log";

export function bodyChunks(data: unknown): LogChunks {
  if (typeof data === "string") return [data];
  if (data instanceof ArrayBuffer) return [new Uint8Array(data)];
  if (data instanceof Uint8Array) return [data];
  if (data && typeof (data as ReadableStream).getReader === "function") return readWebStream(data as ReadableStream<Uint8Array>);
  if (data && typeof data === "object" && Symbol.asyncIterator in data) return data as AsyncIterable<Uint8Array>;
  return [];
}

async function* readWebStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
  } finally {
    reader.releaseLock();
  }
}

/** Reads a body into one buffer, refusing it past `maxBytes` without reading the rest. */
export async function readBodyCapped(data: unknown, maxBytes: number): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of bodyChunks(data)) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "binary") : Buffer.from(chunk);
    size += buf.length;
    if (size > maxBytes) {
      if (data && typeof (data as ReadableStream).cancel === "function") await (data as ReadableStream).cancel().catch(() => {});
      return undefined;
    }
    parts.push(buf);
  }
  return Buffer.concat(parts);
}
