// Cursor pagination of list endpoints. `limit` is honoured up to MAX_PAGE_SIZE (documented in the README);
// the cursor is opaque to clients: the sort key of the last item returned, so a page never repeats or
// skips rows when newer ones arrive. REST lists keep their array bodies and name the next page in a
// `Link: <…>; rel="next"` header (as GitHub does) and `X-Next-Cursor`; tRPC returns { items, nextCursor }.
import { z } from "zod";
import { AppError } from "../errors";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** tRPC input fields of a paginated list. */
export const pageInput = {
  limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
  cursor: z.string().max(512).nullish(),
};

export interface PageRequest {
  limit?: number;
  cursor?: string | null;
}

export function pageSize(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new AppError("BAD_REQUEST", `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  return limit;
}

export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The sort key in a cursor, checked against the types the list sorts by. */
export function decodeCursor<const T extends readonly ("string" | "number")[]>(cursor: string, types: T): { -readonly [K in keyof T]: T[K] extends "number" ? number : string } {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== types.length || key.some((v, i) => typeof v !== types[i])) {
    throw new AppError("BAD_REQUEST", "cursor is not one this list handed out: pass nextCursor (or the Link header) back unchanged");
  }
  return key as never;
}

/** Prisma filter for rows after a (createdAt, id) cursor in newest-first order. */
export function olderThan(cursor: string | null | undefined) {
  if (!cursor) return {};
  const [at, id] = decodeCursor(cursor, ["string", "string"]);
  const createdAt = new Date(at);
  if (Number.isNaN(createdAt.getTime()) || !/^\d{1,19}$/.test(id)) throw new AppError("BAD_REQUEST", "cursor is not one this list handed out");
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: BigInt(id) } }] };
}

/** Takes one row more than the page to know whether another page follows. */
export function toPage<R, T>(rows: R[], size: number, item: (row: R) => T, keyOf: (row: R) => (string | number)[]): Page<T> {
  const more = rows.length > size;
  const shown = more ? rows.slice(0, size) : rows;
  return { items: shown.map(item), nextCursor: more ? encodeCursor(keyOf(shown[shown.length - 1]!)) : null };
}

/** The page request of a REST list: ?limit=&cursor= (400 on a bad limit). */
export function pageQuery(query: URLSearchParams): PageRequest {
  const raw = query.get("limit");
  const limit = raw === null || raw === "" ? undefined : /^\d{1,6}$/.test(raw) ? Number(raw) : NaN;
  if (limit !== undefined) pageSize(limit);
  return { limit, cursor: query.get("cursor") || undefined };
}

/** A REST list page: the items as the body, the next page in Link and X-Next-Cursor. */
export function pageResponse<T>(req: Request, page: Page<T>): Response {
  const headers = new Headers();
  if (page.nextCursor) {
    const next = new URL(req.url);
    next.searchParams.set("cursor", page.nextCursor);
    headers.set("Link", `<${next.pathname}${next.search}>; rel="next"`);
    headers.set("X-Next-Cursor", page.nextCursor);
  }
  return Response.json(page.items, { headers });
}
