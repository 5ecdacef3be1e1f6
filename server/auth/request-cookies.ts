// The cookies of the request being served. In Next.js they come from next/headers; a test runs route
// handlers and server actions outside Next.js, so it passes the request's Cookie header with
// `withRequestCookies` — the session cookie is still verified and checked for revocation as in production.
import { AsyncLocalStorage } from "node:async_hooks";

export type CookieReader = (name: string) => string | undefined;

const given = new AsyncLocalStorage<CookieReader>();

export function withRequestCookies<T>(cookieHeader: string, fn: () => Promise<T>): Promise<T> {
  const jar = new Map(
    cookieHeader
      .split(";")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => [part.slice(0, part.indexOf("=")), decodeURIComponent(part.slice(part.indexOf("=") + 1))] as const),
  );
  return given.run((name) => jar.get(name), fn);
}

export async function requestCookies(): Promise<CookieReader> {
  const reader = given.getStore();
  if (reader) return reader;
  const { cookies } = await import("next/headers");
  const store = await cookies();
  return (name) => store.get(name)?.value;
}
