// Reads a zip (file or buffer) with yauzl: the central directory first, then each wanted entry as a
// stream, so an archive of hundreds of megabytes never sits in memory uncompressed.
import type { Readable } from "node:stream";
import yauzl from "yauzl";

export interface ZipEntry {
  name: string;
  size: number;
  open: () => Promise<Readable>;
}

export async function readZipEntries(source: string | Buffer): Promise<{ entries: ZipEntry[]; close: () => void }> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
    const options = { lazyEntries: true, autoClose: false, decodeStrings: true };
    const done = (err: Error | null, z?: yauzl.ZipFile) => (err || !z ? reject(err ?? new Error("unreadable zip")) : resolve(z));
    if (typeof source === "string") yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });
  const entries = await new Promise<ZipEntry[]>((resolve, reject) => {
    const list: ZipEntry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith("/")) {
        list.push({
          name: entry.fileName,
          size: entry.uncompressedSize,
          open: () =>
            new Promise<Readable>((res, rej) => zip.openReadStream(entry, (err, stream) => (err || !stream ? rej(err ?? new Error("unreadable entry")) : res(stream)))),
        });
      }
      zip.readEntry();
    });
    zip.on("end", () => resolve(list));
    zip.on("error", reject);
    zip.readEntry();
  });
  return { entries, close: () => zip.close() };
}

export { looksLikeZip } from "./looks-like-zip";
