// Guardrails on TypeScript (Jest/Vitest/Mocha), Go and Rust fixes: each rule both ways.
import { describe, it } from "vitest";
import { code, edit, expectBlocked, expectPassed, replace } from "./testing/fix";

const TS = "src/cart/cart.test.ts";
const TS_SRC = "src/cart/cart.ts";
const ts = code`
  import { describe, expect, it } from "vitest";
  import { Cart } from "./cart";

  describe("Cart", () => {
    it("adds items", () => {
      const cart = new Cart();
      cart.add({ sku: "a", price: 2 });
      expect(cart.total()).toBe(2);
    });

    it("rejects negative prices", () => {
      const cart = new Cart();
      expect(() => cart.add({ sku: "b", price: -1 })).toThrow(RangeError);
    });
  });
`;
const tsSource = code`
  export class Cart {
    private items: { sku: string; price: number }[] = [];

    add(item: { sku: string; price: number }) {
      if (item.price < 0) throw new RangeError("negative price");
      this.items.push(item);
    }

    total(): number {
      return this.items.reduce((sum, i) => sum + i.price, 0);
    }
  }
`;

describe("TypeScript", () => {
  it("blocks .skip, xit, .todo and a focused .only", () => {
    expectBlocked(edit(TS, ts, replace(ts, 'it("adds items"', 'it.skip("adds items"')), "test-skipped");
    expectBlocked(edit(TS, ts, replace(ts, 'it("rejects negative prices"', 'xit("rejects negative prices"')), "test-skipped");
    expectBlocked(edit(TS, ts, replace(ts, 'describe("Cart"', 'describe.skip("Cart"')), "test-skipped");
    expectBlocked(edit(TS, ts, replace(ts, 'it("adds items"', 'it.only("adds items"')), "test-skipped");
    expectBlocked(edit(TS, ts, replace(ts, '  it("rejects negative prices", () => {\n    const cart = new Cart();\n    expect(() => cart.add({ sku: "b", price: -1 })).toThrow(RangeError);\n  });', '  it.todo("rejects negative prices");')), "test-skipped");
  });

  it("blocks a deleted it() block, weakened matchers and a swallowed expectation", () => {
    expectBlocked(edit(TS, ts, replace(ts, '\n  it("rejects negative prices", () => {\n    const cart = new Cart();\n    expect(() => cart.add({ sku: "b", price: -1 })).toThrow(RangeError);\n  });\n', "\n")), "test-deleted");
    expectBlocked(edit(TS, ts, replace(ts, "expect(cart.total()).toBe(2);", "expect(cart.total()).toBeDefined();")), "assertion-weakened");
    expectBlocked(edit(TS, ts, replace(ts, "toThrow(RangeError)", "toThrow()")), "assertion-weakened");
    expectBlocked(edit(TS, ts, replace(ts, "expect(cart.total()).toBe(2);", "expect(true).toBe(true);")), "assertion-weakened");
    expectBlocked(edit(TS, ts, replace(ts, "    expect(cart.total()).toBe(2);", "    try {\n      expect(cart.total()).toBe(2);\n    } catch {\n      // ignore rounding\n    }")), "assertion-weakened");
  });

  it("blocks a sleep, a retry and a raised test timeout", () => {
    expectBlocked(edit(TS, ts, replace(ts, "    const cart = new Cart();\n    cart.add", "    await new Promise((r) => setTimeout(r, 500));\n    const cart = new Cart();\n    cart.add")), "wait-or-retry");
    expectBlocked(edit(TS, ts, replace(ts, 'it("adds items", () => {', 'it("adds items", { retry: 3 }, () => {')), "wait-or-retry");
    expectBlocked(edit(TS, ts, replace(ts, "  });\n\n  it(\"rejects", "  }, 30000);\n\n  it(\"rejects")), "timeout-raised");
  });

  it("passes polling with a wait, a new test that waits, a tightened bound and a domain call named retry", () => {
    expectPassed(edit(TS_SRC, tsSource, replace(tsSource, "  total(): number {", "  async settle(isDone: () => boolean) {\n    while (!isDone()) {\n      await sleep(200);\n    }\n  }\n\n  total(): number {")));
    expectPassed(edit(TS, ts, replace(ts, "  });\n});\n", "  });\n\n  it(\"expires reservations\", async () => {\n    const cart = new Cart();\n    await sleep(1100);\n    expect(cart.total()).toBe(0);\n  }, 10_000);\n});\n")));
    const bound = replace(ts, "expect(cart.total()).toBe(2);", "expect(cart.total()).toBeGreaterThan(1);");
    expectPassed(edit(TS, bound, replace(bound, "toBeGreaterThan(1)", "toBeGreaterThan(1.5)")));
    expectBlocked(edit(TS, bound, replace(bound, "toBeGreaterThan(1)", "toBeGreaterThan(0)")), "assertion-weakened");
    expectPassed(edit(TS, ts, replace(ts, "    cart.add({ sku: \"a\", price: 2 });", "    cart.add({ sku: \"a\", price: 2 });\n    retryCheckout(cart);")));
    expectPassed(edit(TS, ts, replace(ts, "expect(cart.total()).toBe(2);", "expect(cart.total()).toBe(2);\n    expect(Cart.shared()).toBe(Cart.shared());")));
  });

  it("blocks @ts-ignore and eslint-disable on existing code", () => {
    expectBlocked(edit(TS_SRC, tsSource, replace(tsSource, "    this.items.push(item);", "    // @ts-ignore\n    this.items.push(item);")), "check-suppressed");
    expectBlocked(edit(TS_SRC, tsSource, replace(tsSource, "  total(): number {", "  // eslint-disable-next-line @typescript-eslint/no-explicit-any\n  total(): number {")), "check-suppressed");
    expectBlocked(edit(TS_SRC, tsSource, `/* eslint-disable */\n${tsSource}`), "check-suppressed");
  });

  it("passes a source fix, a renamed test title and a new test", () => {
    expectPassed(edit(TS_SRC, tsSource, replace(tsSource, "if (item.price < 0)", "if (!(item.price >= 0))")));
    expectPassed(edit(TS, ts, replace(ts, 'it("adds items"', 'it("adds an item"')));
    expectPassed(edit(TS, ts, replace(ts, "  });\n});\n", "  });\n\n  it(\"starts empty\", () => {\n    expect(new Cart().total()).toBe(0);\n  });\n});\n")));
  });
});

const GO = "pkg/queue/queue_test.go";
const go = code`
  package queue

  import (
  	"testing"
  	"time"
  )

  func TestPushPop(t *testing.T) {
  	q := New()
  	q.Push(1)
  	if got := q.Pop(); got != 1 {
  		t.Fatalf("Pop() = %d, want 1", got)
  	}
  }

  func TestEmpty(t *testing.T) {
  	if New().Len() != 0 {
  		t.Error("new queue is not empty")
  	}
  }
`;

describe("Go", () => {
  it("blocks t.Skip, a deleted test function, a removed check, a sleep and a build constraint", () => {
    expectBlocked(edit(GO, go, replace(go, "\tq := New()", "\tt.Skip(\"flaky\")\n\tq := New()")), "test-skipped");
    expectBlocked(edit(GO, go, replace(go, "func TestEmpty(t *testing.T) {\n\tif New().Len() != 0 {\n\t\tt.Error(\"new queue is not empty\")\n\t}\n}\n", "")), "test-deleted");
    expectBlocked(edit(GO, go, replace(go, "\tif got := q.Pop(); got != 1 {\n\t\tt.Fatalf(\"Pop() = %d, want 1\", got)\n\t}\n", "\tq.Pop()\n")), "assertion-removed");
    expectBlocked(edit(GO, go, replace(go, "\tq.Push(1)", "\tq.Push(1)\n\ttime.Sleep(100 * time.Millisecond)")), "wait-or-retry");
    expectBlocked(edit(GO, go, `//go:build integration\n\n${go}`), "test-skipped");
  });

  it("passes a renamed test and a new test", () => {
    expectPassed(edit(GO, go, replace(go, "func TestPushPop", "func TestPushThenPop")));
    expectPassed(edit(GO, go, `${go}\nfunc TestLen(t *testing.T) {\n\tq := New()\n\tq.Push(2)\n\tif q.Len() != 1 {\n\t\tt.Errorf("Len() = %d", q.Len())\n\t}\n}\n`));
  });

  it("blocks //nolint on existing code", () => {
    const src = "pkg/queue/queue.go";
    const q = "package queue\n\nfunc (q *Queue) Len() int {\n\treturn len(q.items)\n}\n";
    expectBlocked(edit(src, q, q.replace("func (q *Queue) Len() int {", "func (q *Queue) Len() int { //nolint:revive")), "check-suppressed");
  });
});

const RS = "src/parser.rs";
const rust = code`
  pub fn parse(s: &str) -> Option<i64> {
      s.trim().parse().ok()
  }

  #[cfg(test)]
  mod tests {
      use super::*;

      #[test]
      fn parses_number() {
          assert_eq!(parse(" 42 "), Some(42));
      }

      #[test]
      fn rejects_words() {
          assert_eq!(parse("x"), None);
      }
  }
`;

describe("Rust", () => {
  it("blocks #[ignore], a deleted #[test], a trivial assert, #[should_panic] and #[allow]", () => {
    expectBlocked(edit(RS, rust, replace(rust, "    #[test]\n    fn parses_number", "    #[test]\n    #[ignore = \"flaky\"]\n    fn parses_number")), "test-skipped");
    expectBlocked(edit(RS, rust, replace(rust, "\n    #[test]\n    fn rejects_words() {\n        assert_eq!(parse(\"x\"), None);\n    }\n", "\n")), "test-deleted");
    expectBlocked(edit(RS, rust, replace(rust, 'assert_eq!(parse(" 42 "), Some(42));', "assert!(true);")), "assertion-weakened");
    expectBlocked(edit(RS, rust, replace(rust, "    #[test]\n    fn rejects_words", "    #[test]\n    #[should_panic]\n    fn rejects_words")), "assertion-weakened");
    expectBlocked(edit(RS, rust, replace(rust, "pub fn parse", "#[allow(clippy::all)]\npub fn parse")), "check-suppressed");
  });

  it("passes a source fix inside a file with tests, and a new test", () => {
    expectPassed(edit(RS, rust, replace(rust, "s.trim().parse().ok()", "s.trim().trim_start_matches('+').parse().ok()")));
    expectPassed(edit(RS, rust, replace(rust, "    #[test]\n    fn rejects_words", "    #[test]\n    fn parses_negative() {\n        assert_eq!(parse(\"-3\"), Some(-3));\n    }\n\n    #[test]\n    fn rejects_words")));
  });
});
