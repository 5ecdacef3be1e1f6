// Guardrails on Python fixes (pytest and unittest): each rule blocks its cheap path and lets a similar legitimate change through.
import { describe, it } from "vitest";
import { code, edit, expectBlocked, expectPassed, replace } from "./testing/fix";

const TEST = "tests/test_pricing.py";
const SRC = "shop/pricing.py";

const test = code`
  import time

  import pytest

  from shop.pricing import discount, total


  def test_total_sums_items():
      items = [3, 4]
      assert total(items) == 7


  def test_discount_rounds():
      """Discounts round to cents."""
      assert discount(10.0, 0.333) == pytest.approx(6.67, abs=0.001)


  class TestRefunds(unittest.TestCase):
      def test_refund_negative(self):
          self.assertEqual(total([-2]), -2)

      def test_refund_message(self):
          with self.assertRaises(ValueError):
              total(None)
`;

const source = code`
  def total(items):
      if items is None:
          raise ValueError("no items")
      return sum(items)


  def discount(price, rate):
      return round(price * (1 - rate), 2)
`;

describe("Python: a test stops running", () => {
  it("blocks pytest and unittest skip markers, xfail and expectedFailure on existing tests", () => {
    for (const marker of ["@pytest.mark.skip(reason='flaky')", "@pytest.mark.skipif(sys.platform != 'win32', reason='x')", "@pytest.mark.xfail(strict=False)", "@unittest.skip('later')", "@unittest.expectedFailure"]) {
      expectBlocked(edit(TEST, test, replace(test, "def test_total_sums_items", `${marker}\ndef test_total_sums_items`)), "test-skipped");
    }
    expectBlocked(edit(TEST, test, replace(test, "    def test_refund_negative", "    @unittest.skipIf(True, 'broken')\n    def test_refund_negative")), "test-skipped");
    expectBlocked(edit(TEST, test, replace(test, "class TestRefunds", "@unittest.skip('refunds are flaky')\nclass TestRefunds")), "test-skipped");
  });

  it("blocks runtime skips, a module-level pytestmark and a renamed-away test", () => {
    expectBlocked(edit(TEST, test, replace(test, "    items = [3, 4]", "    pytest.skip('fails on CI')\n    items = [3, 4]")), "test-skipped");
    expectBlocked(edit(TEST, test, replace(test, "        self.assertEqual(total([-2]), -2)", "        self.skipTest('todo')\n        self.assertEqual(total([-2]), -2)")), "test-skipped");
    expectBlocked(edit(TEST, test, replace(test, "from shop.pricing import discount, total\n", "from shop.pricing import discount, total\n\npytestmark = pytest.mark.skip\n")), "test-skipped");
    expectBlocked(edit(TEST, test, replace(test, "def test_total_sums_items", "def _test_total_sums_items")), "test-skipped");
  });

  it("passes a new test marked xfail for a documented bug and a docstring typo fix", () => {
    expectPassed(edit(TEST, test, replace(test, "class TestRefunds", "@pytest.mark.xfail(reason='issue 12: rounding of half cents')\ndef test_half_cent():\n    assert discount(0.01, 0.5) == 0.01\n\n\nclass TestRefunds")));
    expectPassed(edit(TEST, test, replace(test, "Discounts round to cents.", "Discounts are rounded to cents.")));
  });
});

describe("Python: a test stops existing", () => {
  it("blocks a deleted test function, a deleted test method and a deleted test module", () => {
    expectBlocked(edit(TEST, test, replace(test, "def test_total_sums_items():\n    items = [3, 4]\n    assert total(items) == 7\n\n\n", "")), "test-deleted");
    expectBlocked(edit(TEST, test, replace(test, "    def test_refund_message(self):\n        with self.assertRaises(ValueError):\n            total(None)\n", "")), "test-deleted");
    expectBlocked([{ path: TEST, before: test, after: null }], "test-deleted");
  });

  it("passes a renamed test and a module moved to another folder", () => {
    expectPassed(edit(TEST, test, replace(test, "def test_total_sums_items", "def test_total_adds_items")));
    expectPassed([
      { path: TEST, before: test, after: null },
      { path: "tests/unit/test_pricing.py", before: null, after: test },
    ]);
  });
});

describe("Python: a test stops checking", () => {
  it("blocks removed, commented-out, trivial and weakened assertions", () => {
    expectBlocked(edit(TEST, test, replace(test, "    assert total(items) == 7\n", "    total(items)\n")), "assertion-removed");
    expectBlocked(edit(TEST, test, replace(test, "    assert total(items) == 7", "    # assert total(items) == 7")), "assertion-removed");
    expectBlocked(edit(TEST, test, replace(test, "    assert total(items) == 7", "    assert True")), "assertion-weakened");
    expectBlocked(edit(TEST, test, replace(test, "self.assertEqual(total([-2]), -2)", "self.assertIsNotNone(total([-2]))")), "assertion-weakened");
    expectBlocked(edit(TEST, test, replace(test, "assert total(items) == 7", "assert total(items) is not None")), "assertion-weakened");
    expectBlocked(edit(TEST, test, replace(test, "pytest.approx(6.67, abs=0.001)", "pytest.approx(6.67, abs=5)")), "assertion-weakened");
    expectBlocked(edit(TEST, test, replace(test, "with self.assertRaises(ValueError):", "with self.assertRaises(Exception):")), "assertion-weakened");
  });

  it("blocks an assertion wrapped in a try/except that swallows it", () => {
    expectBlocked(edit(TEST, test, replace(test, "    assert total(items) == 7", "    try:\n        assert total(items) == 7\n    except AssertionError:\n        pass")), "assertion-weakened");
  });

  it("blocks an expected value changed without the code, passes it changed with the code", () => {
    expectBlocked(edit(TEST, test, replace(test, "assert total(items) == 7", "assert total(items) == 8")), "expected-value-loosened");
    expectPassed([
      { path: SRC, before: source, after: replace(source, "    return sum(items)", "    return sum(items) + 1  # shipping") },
      { path: TEST, before: test, after: replace(test, "assert total(items) == 7", "assert total(items) == 8") },
    ]);
  });

  it("passes an assertion rewritten with the same meaning and a new test with assertions", () => {
    expectPassed(edit(TEST, test, replace(test, "self.assertEqual(total([-2]), -2)", "assert total([-2]) == -2")));
    expectPassed(edit(TEST, test, `${test}\n\ndef test_total_empty():\n    assert total([]) == 0\n`));
  });
});

describe("Python: waits and retries", () => {
  it("blocks time.sleep, a bare sleep and asyncio.sleep in tests, and flaky/rerun markers", () => {
    expectBlocked(edit(TEST, test, replace(test, "    items = [3, 4]", "    time.sleep(2)\n    items = [3, 4]")), "wait-or-retry");
    expectBlocked(edit(TEST, test, replace(test, "import time\n", "from time import sleep\n").replace("    items = [3, 4]", "    sleep(0.5)\n    items = [3, 4]")), "wait-or-retry");
    expectBlocked(edit(TEST, test, replace(test, "    items = [3, 4]", "    await asyncio.sleep(1)\n    items = [3, 4]")), "wait-or-retry");
    expectBlocked(edit(TEST, test, replace(test, "def test_total_sums_items", "@pytest.mark.flaky(reruns=5, reruns_delay=2)\ndef test_total_sums_items")), "wait-or-retry");
    expectBlocked(edit(TEST, test, replace(test, "def test_total_sums_items", "@flaky(max_runs=3)\ndef test_total_sums_items")), "wait-or-retry");
    expectBlocked(edit(TEST, test, replace(test, "    items = [3, 4]", "    threading.Event().wait(2)\n    items = [3, 4]")), "wait-or-retry");
  });

  it("passes a source fix that waits on a computed back-off", () => {
    expectPassed(edit(SRC, source, replace(source, "def discount(price, rate):", "def wait_for_rates(client, delay):\n    while not client.ready():\n        time.sleep(delay)\n\n\ndef discount(price, rate):")));
  });
});

describe("Python: silenced checks", () => {
  it("blocks noqa, type: ignore, pylint: disable and nosec on existing code", () => {
    expectBlocked(edit(SRC, source, replace(source, "    return sum(items)", "    return sum(items)  # noqa: E501")), "check-suppressed");
    expectBlocked(edit(SRC, source, replace(source, "    return round(price * (1 - rate), 2)", "    return round(price * (1 - rate), 2)  # type: ignore[no-any-return]")), "check-suppressed");
    expectBlocked(edit(SRC, source, replace(source, "def total(items):", "def total(items):  # pylint: disable=too-many-branches")), "check-suppressed");
    expectBlocked(edit(SRC, source, replace(source, "def total(items):\n", "# flake8: noqa\ndef total(items):\n")), "check-suppressed");
  });

  it("passes a coverage pragma on a new defensive branch and a real fix", () => {
    expectPassed(edit(SRC, source, replace(source, "    return sum(items)", "    try:\n        return sum(items)\n    except TypeError:  # pragma: no cover\n        raise ValueError('items must be numbers')")));
    expectPassed(edit(SRC, source, replace(source, "round(price * (1 - rate), 2)", "round(price * (1 - rate) + 1e-9, 2)")));
  });
});

describe("more spellings", () => {
  it("blocks a skipped test class, a constant-false guard and a loosened assertAlmostEqual", () => {
    expectBlocked(edit(TEST, test, replace(test, "class TestRefunds", "@pytest.mark.skip\nclass TestRefunds")), "test-skipped");
    expectBlocked(edit(TEST, test, replace(test, "    items = [3, 4]\n    assert", "    items = [3, 4]\n    if False:\n        assert")), "test-skipped");
    const almost = replace(test, "self.assertEqual(total([-2]), -2)", "self.assertAlmostEqual(total([-2]), -2, places=7)");
    expectBlocked(edit(TEST, almost, replace(almost, "places=7", "places=1")), "assertion-weakened");
  });
});
