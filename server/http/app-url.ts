// The public URL of this InfraFlow (for the webhook payload URL): APP_URL, else NEXTAUTH_URL, else the
// origin the request came in on.
import type { Env } from "../env";

export function appUrl(e: Env, headers: Headers): string {
  if (e.APP_URL) return e.APP_URL;
  if (e.NEXTAUTH_URL) return e.NEXTAUTH_URL;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
