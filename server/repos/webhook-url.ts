// When is a repository hook InfraFlow's? When its payload URL points at InfraFlow's webhook endpoint,
// however it was spelled: http://127.0.0.1:3000/api/webhooks/github and http://localhost:3000/api/webhooks/github/
// reach the same server (an earlier demo wiring used one while the app called itself by the other).

/** A comparable form of a payload URL, or null when it is not a URL. */
export function normalizeWebhookUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return null;
  }
  const host = isLoopback(u.hostname) ? "loopback" : u.hostname.toLowerCase().replace(/\.$/, "");
  const path = u.pathname.replace(/\/+$/, "") || "/";
  // URL already lower-cases the scheme and drops a default port (80 for http, 443 for https).
  return `${u.protocol}//${host}${u.port ? `:${u.port}` : ""}${path}${u.search}`;
}

export function sameWebhookTarget(a: string, b: string): boolean {
  const na = normalizeWebhookUrl(a);
  return na !== null && na === normalizeWebhookUrl(b);
}

function isLoopback(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === "localhost" || h.endsWith(".localhost") || h === "[::1]" || /^127(\.\d{1,3}){3}$/.test(h);
}
