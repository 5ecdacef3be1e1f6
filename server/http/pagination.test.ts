import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageQuery, pageResponse, pageSize, toPage } from "./pagination";

describe("cursor pagination", () => {
  it("honours limit up to the documented maximum and refuses more", () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(7)).toBe(7);
    expect(() => pageSize(MAX_PAGE_SIZE + 1)).toThrow(/1 to 200/);
    expect(() => pageQuery(new URLSearchParams("limit=abc"))).toThrow(/limit/);
    expect(pageQuery(new URLSearchParams("limit=3&cursor=x"))).toEqual({ limit: 3, cursor: "x" });
  });

  it("round-trips the sort key and refuses a cursor it did not hand out", () => {
    expect(decodeCursor(encodeCursor(["2026-01-01T00:00:00.000Z", 5]), ["string", "number"])).toEqual(["2026-01-01T00:00:00.000Z", 5]);
    expect(() => decodeCursor("garbage", ["string", "number"])).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor([1, 2]), ["string", "number"])).toThrow(/cursor/);
  });

  it("says whether another page follows, in the body for tRPC and in Link for REST", async () => {
    const page = toPage([1, 2, 3], 2, (n) => ({ n }), (n) => [n]);
    expect(page.items).toEqual([{ n: 1 }, { n: 2 }]);
    expect(decodeCursor(page.nextCursor!, ["number"])).toEqual([2]);
    expect(toPage([1, 2], 2, (n) => n, (n) => [n]).nextCursor).toBeNull();
    const res = pageResponse(new Request("http://x/api/list?limit=2"), page);
    expect(await res.json()).toEqual([{ n: 1 }, { n: 2 }]);
    expect(res.headers.get("link")).toBe(`</api/list?limit=2&cursor=${page.nextCursor}>; rel="next"`);
  });
});
