// Serves a Next.js route handler on a real loopback port as `next start` would for it: the request's Cookie
// header is the request's cookies (server/auth/request-cookies.ts), so real HTTP clients sign in with a
// real session cookie.
import { withRequestCookies } from "@/server/auth/request-cookies";
import { serveFetchHandler } from "./serve-fetch-handler";

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;

export function serveRoute(handler: RouteHandler) {
  return serveFetchHandler((req) => withRequestCookies(req.headers.get("cookie") ?? "", () => handler(req, { params: Promise.resolve({}) })));
}
