// The public URL of this InfraFlow (the webhook payload URL GitHub is told to call): APP_URL, else
// NEXTAUTH_URL. Never the Host header of the request at hand: a request that reached the server as
// 127.0.0.1, or with a forged Host, must not decide where GitHub sends deliveries. Required in production
// (server/boot.ts); `npm run dev` sets it.
import type { Env } from "../env";
import { AppError } from "../errors";

export function appUrl(e: Env): string {
  const url = e.APP_URL ?? e.NEXTAUTH_URL;
  if (!url) {
    throw new AppError("UNAVAILABLE", "InfraFlow does not know its public URL, which GitHub calls with webhooks: set APP_URL (e.g. http://localhost:3000)");
  }
  return url.replace(/\/+$/, "");
}

/** The public URL when one is configured (recognising InfraFlow's hooks on Stop works without it). */
export function configuredAppUrl(e: Env): string | undefined {
  return e.APP_URL || e.NEXTAUTH_URL ? appUrl(e) : undefined;
}
