import { describe, expect, it } from "vitest";
import { compileConcurrencyKey, compileEventMatch, ExpressionError, matchToIf } from "./expression";

describe("concurrency keys", () => {
  it("joins event fields and string literals", () => {
    const key = compileConcurrencyKey('event.data.repoFullName + ":" + event.data.branch');
    expect(key({ data: { repoFullName: "octo/app", branch: "main" } })).toBe("octo/app:main");
    expect(compileConcurrencyKey("event.data.repo.owner + '/' + event.data.n")({ data: { repo: { owner: "octo" }, n: 7 } })).toBe("octo/7");
  });

  it("renders a missing field as empty, so such runs share one queue", () => {
    expect(compileConcurrencyKey('event.data.a + ":" + event.data.b')({ data: { a: "x" } })).toBe("x:");
  });

  it.each([
    ["event.data.a == event.data.b", /expected "\+"/],
    ["async.data.a", /only read event.data/],
    ["event.data.a + 1", /only string literals/],
    ["event.name", /not event.data/],
    ["event.data.a +", /ends with an operator/],
    ["size(event.data.a)", /size is not event.data/],
    ["event.data.a * 2", /unexpected text/],
    ["", /empty/],
  ])("refuses %j, naming the supported subset", (expression, reason) => {
    expect(() => compileConcurrencyKey(expression)).toThrow(ExpressionError);
    expect(() => compileConcurrencyKey(expression)).toThrow(reason);
  });
});

describe("waitForEvent expressions", () => {
  const scope = (event: object, incoming: object) => ({ event: { data: event }, async: { data: incoming } });

  it("compares the run's event with the incoming one, clause by clause", () => {
    const match = compileEventMatch('event.data.sessionId == async.data.sessionId && async.data.decision == "approve"');
    expect(match(scope({ sessionId: "7" }, { sessionId: "7", decision: "approve" }))).toBe(true);
    expect(match(scope({ sessionId: "7" }, { sessionId: "8", decision: "approve" }))).toBe(false);
    expect(match(scope({ sessionId: "7" }, { sessionId: "7", decision: "reject" }))).toBe(false);
  });

  it("never matches on a missing field, and compares types strictly", () => {
    const match = compileEventMatch("event.data.id == async.data.id");
    expect(match(scope({}, {}))).toBe(false);
    expect(match(scope({ id: 1 }, { id: "1" }))).toBe(false);
    expect(match(scope({ id: { a: 1 } }, { id: { a: 1 } }))).toBe(true);
  });

  it("expands Inngest's `match` shorthand the way the SDK does", () => {
    expect(matchToIf("data.sessionId")).toBe("event.data.sessionId == async.data.sessionId");
  });

  it.each(["event.data.a != async.data.a", "event.data.a == async.data.a || true", "event.data.a"])("refuses %j", (expression) => {
    expect(() => compileEventMatch(expression)).toThrow(ExpressionError);
  });
});
