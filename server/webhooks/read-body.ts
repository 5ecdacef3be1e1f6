// Reads a request body up to a limit without buffering more than the limit: an oversized delivery is
// refused (413) as soon as it is known to be too big.
import { WebhookRejected } from "./webhook-errors";

export async function readBodyWithLimit(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number) {
  return new WebhookRejected(413, `Payload larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
}
