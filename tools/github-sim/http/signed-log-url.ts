// Log downloads, like GitHub's, are short-lived signed URLs that need no token, so clients that follow
// the 302 (and drop the Authorization header) still get the file.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { SimContext } from "../core/context";

const LIFETIME_MS = 60_000;

function key(ctx: SimContext): string {
  ctx.store.state.settings.logSigningKey ??= randomBytes(32).toString("hex");
  return ctx.store.state.settings.logSigningKey;
}

function sign(ctx: SimContext, kind: string, id: number, expires: number): string {
  return createHmac("sha256", key(ctx)).update(`${kind}:${id}:${expires}`).digest("hex");
}

export function signedLogUrl(ctx: SimContext, kind: "job" | "run", id: number): string {
  const expires = Date.now() + LIFETIME_MS;
  return `${ctx.baseUrl}/_logs/${kind}s/${id}?expires=${expires}&sig=${sign(ctx, kind, id, expires)}`;
}

export function verifyLogUrl(ctx: SimContext, kind: "job" | "run", id: number, expires: string, sig: string): boolean {
  const when = Number(expires);
  if (!Number.isFinite(when) || when < Date.now()) return false;
  const expected = Buffer.from(sign(ctx, kind, id, when));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
