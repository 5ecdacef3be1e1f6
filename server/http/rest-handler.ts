// Thin REST routes (runbook §6) over the same domain functions as tRPC: auth, params, AppError → status.
import { currentUser, type SessionUser } from "../auth/session";
import { AppError, isAppError } from "../errors";
import { logger } from "../logger";

interface RestContext<P> {
  req: Request;
  user: SessionUser;
  params: P;
  query: URLSearchParams;
}

export function restHandler<P = Record<string, never>>(fn: (ctx: RestContext<P>) => Promise<unknown>) {
  return async (req: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const user = await currentUser();
      if (!user) return Response.json({ error: "Not authenticated: sign in with GitHub" }, { status: 401 });
      const result = await fn({ req, user, params: await route.params, query: new URL(req.url).searchParams });
      if (result instanceof Response) return result;
      if (result === null || result === undefined) return new Response(null, { status: 204 });
      return Response.json(result);
    } catch (err) {
      if (isAppError(err)) return Response.json({ error: err.message }, { status: err.httpStatus });
      logger("api").error({ err, url: req.url }, "REST request failed");
      return Response.json({ error: "Internal error" }, { status: 500 });
    }
  };
}

/** Reads a JSON body, answering 400 for anything that is not a JSON object. */
export async function jsonBody(req: Request): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await req.json();
    if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new AppError("BAD_REQUEST", "Request body must be a JSON object");
}

export function optionalParam(query: URLSearchParams, name: string): string | undefined {
  const v = query.get(name);
  return v === null || v === "" ? undefined : v;
}
