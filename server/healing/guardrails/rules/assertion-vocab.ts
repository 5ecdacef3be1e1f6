// How assertions are spelled across test frameworks, and how strong one is: exact (compares with an
// expected value), weak (only existence, truthiness, type, "some exception"), or trivial (always passes).
import type { Lang } from "../model/file-kind";

const CALL_ASSERT =
  /(?:^|[^\w$])(?:(?:self|this|cls|t|s|suite|Assert|Assertions|Truth|MatcherAssert|Assume|np\.testing|numpy\.testing|testing|npt|tm|pdt|assert|require|sinon\.assert|\$this|self::|static::)\s*(?:\.|->|::)\s*)?(assert\w*|expect\w*|verify\w*|fail|Fail|should\w*|XCTAssert\w*|XCTFail|check\w*That|then|Expect|Ω)\s*(?:!\s*)?\(/;
const PREFIXED_ASSERT = /(?:^|[^\w$.])(?:assert|require|Assert|Assertions|sinon\.assert|np\.testing|numpy\.testing|npt|Truth|MatcherAssert|t)\s*\.\s*(?!Run\b|Helper\b|Parallel\b|Cleanup\b|Log\w*\b|Name\b|TempDir\b|Setenv\b|Skip\w*\b|Deadline\b|Context\b|Chdir\b|Attr\b|Output\b)[A-Za-z_]\w*\s*\(/;
const RUST_ASSERT = /\b(assert\w*|debug_assert\w*|prop_assert\w*)!\s*[([]/;
const PY_ASSERT = /^\s*assert\b(?!\w)/;
const INFIX_ASSERT = /\b(should(?:Be|Equal|NotBe|Contain|Throw|Match|Have|NotHave|Start|End|BeEmpty|NotBeNull|BeNull|BeTrue|BeFalse|BeInstanceOf|Not)\w*)\b|\.(?:should|must|to|and)\.(?:be|equal|eql|have|include|contain|exist|throw|match|not|deep)\b|\b(?:must|wont)_\w+|\.Should\(|\.To\(|\.NotTo\(/;
const GO_ERR = /\bt\.(Error|Errorf|Fatal|Fatalf|Fail|FailNow)\s*\(/;
const MOCK_VERIFY = /\bverify\s*\(|\.andExpect\s*\(|\bthen\s*\([^)]*\)\s*\.should/;

/** Whether a line of test code asserts something (starts or contains an assertion call/statement). */
export function isAssertion(code: string, lang: Lang): boolean {
  if (code.trim() === "") return false;
  if (lang === "python" && PY_ASSERT.test(code)) return true;
  if (lang === "rust" && RUST_ASSERT.test(code)) return true;
  if (lang === "go" && GO_ERR.test(code)) return true;
  if (MOCK_VERIFY.test(code)) return true;
  if (INFIX_ASSERT.test(code)) return true;
  if (PREFIXED_ASSERT.test(code)) return true;
  const m = CALL_ASSERT.exec(code);
  if (!m) return false;
  const name = m[1]!;
  // "then(" alone is a promise or BDD clause; expected…( is a helper building the expected value.
  if (name === "then") return /\bthen\s*\([^)]*\)\s*\.\s*should/.test(code);
  return !/^expected/.test(name);
}

/** The assertion function's name (for pairing an edited assertion with its old version). */
export function assertionName(code: string): string {
  const m = /\b(assert\w*|expect\w*|verify\w*|XCTAssert\w*|should\w*|fail|Ω|t\.\w+)\b/.exec(code);
  return m ? m[1]! : code.trim().split(/\W+/)[0] ?? "";
}

// Exact comparisons: equality with an expected value.
const EXACT = /\b(assert(?:Equals?|_equal|_array_equal|ArrayEquals|Same|_eq|_ne|ListEqual|DictEqual|SetEqual|TupleEqual|SequenceEqual|CountEqual|ItemsEqual|MultiLineEqual|Is|In|NotIn|Raises\w*|Regex\w*|Match\w*|Throws\w*|Contains\w*)|equals|isEqualTo|isSameAs|containsExactly\w*|hasSize|hasMessage\w*|toBe|toEqual|toStrictEqual|toMatch\w*|toContain\w*|toHaveLength|toHaveBeenCalledWith|toHaveBeenCalledTimes|toThrow\w*|toHaveProperty|equalTo|is\(|Equal|Equals|Exactly|EqualValues|ElementsMatch|Contains|eq|eql|equal|deepEqual|strictEqual|shouldBe|shouldEqual|shouldContain|assert_eq|assert_ne|XCTAssertEqual\w*|XCTAssertIdentical|times\()\b|==|!=|\bis\s+not\b|\bis\b|\bin\b|<=|>=|<|>/;

// Weak checks: existence, truthiness, type, emptiness, "was called", "throws something".
const WEAK = /\b(assertNotNull|assertIsNotNone|assertNotNone|assert_not_none|notNullValue|isNotNull|toBeDefined|toBeTruthy|toBeFalsy|toBeInstanceOf|isInstanceOf|assertIsInstance|assertInstanceOf|instanceOf|anything|NotNil|NotEmpty|NotZero|isNotEmpty|notEmpty|is_some|is_ok|is_err|is_none|shouldNotBeNull|shouldNotBe\s*\(?\s*null|exist|ok|isPresent|isNotBlank|assertNotEqual|assertNotEquals|isNotEqualTo|toHaveBeenCalled(?!With|Times)|atLeast(?:Once)?|anyOrNull|any\s*\(\s*\)|XCTAssertNotNil|assertNotEmpty|assertTrue|assertFalse|assert_true|assert_false|True|False|isTrue|isFalse|toBeNull|assertNull|assertIsNone|isNull)\b|not\.to(?:Be|Equal)\b/;

export type Strength = "trivial" | "weak" | "exact" | "other";

// Checks that only say "something is there": not null / not None / not undefined, defined, non-empty.
const NOT_NULL = /(?:!==?|\bis\s+not|\bnot\s*=)\s*(?:null|None|nil|undefined)\b|\b(?:null|None|nil|undefined)\s*(?:!==?|\bis\s+not)|\bnotNullValue\b|\bisNotNull\b|\bassertNotNull\b|\bassertIsNotNone\b|\btoBeDefined\b|\bnot\.toBeNull\b|\bnot\.toBeUndefined\b|\bNotNil\b|\bis_some\b|\bshouldNotBeNull\b/;

export function strength(code: string, text: string, lang: Lang): Strength {
  if (isTautology(text, lang)) return "trivial";
  if (NOT_NULL.test(code)) return "weak";
  const exact = EXACT.test(code.replace(/\b(assertTrue|assertFalse|assert_true|assert_false)\s*\(\s*[\w.]+\s*\)/, ""));
  const weakCall = WEAK.test(code);
  if (exact && !/\b(assertNotNull|toBeDefined|toBeTruthy|isNotNull|NotNil|is_some|is_ok|assertIsNotNone|assertNotEqual|isNotEqualTo|not\.to(Be|Equal))\b/.test(code)) return "exact";
  if (weakCall) return "weak";
  if (lang === "python" && /^\s*assert\s+[\w.()[\]"']+\s*(,.*)?$/.test(code)) return "weak";
  return "other";
}

/** An assertion that cannot fail: compares a constant with itself or a value with itself. */
export function isTautology(text: string, lang: Lang): boolean {
  const t = text.trim().replace(/;$/, "");
  const TRUE = "(?:true|True|TRUE|1|!\\s*false|not\\s+False|Boolean\\.TRUE)";
  const FALSE = "(?:false|False|FALSE|0|!\\s*true|None|null|nil|Boolean\\.FALSE)";
  const patterns = [
    new RegExp(`\\b(?:assert(?:True|_true|That)?|XCTAssertTrue|XCTAssert|t\\.true|assert\\.ok|Assert\\.True|assert!|ok)\\s*!?\\s*\\(\\s*(?:""\\s*,\\s*|"[^"]*"\\s*,\\s*)?${TRUE}\\s*(?:,[^)]*)?\\)`),
    new RegExp(`\\b(?:assertFalse|assert_false|XCTAssertFalse|t\\.false|Assert\\.False)\\s*\\(\\s*(?:"[^"]*"\\s*,\\s*)?${FALSE}\\s*(?:,[^)]*)?\\)`),
    new RegExp(`^assert\\s+${TRUE}\\s*(?:,.*)?$`),
    new RegExp(`\\bexpect\\s*\\(\\s*${TRUE}\\s*\\)\\s*\\.\\s*(?:toBe\\s*\\(\\s*${TRUE}\\s*\\)|toEqual\\s*\\(\\s*${TRUE}\\s*\\)|toBeTruthy\\s*\\(\\s*\\)|to\\.be\\.(?:true|ok))`),
    new RegExp(`\\bexpect\\s*\\(\\s*${FALSE}\\s*\\)\\s*\\.\\s*(?:toBe\\s*\\(\\s*${FALSE}\\s*\\)|toBeFalsy\\s*\\(\\s*\\)|to\\.be\\.false)`),
    new RegExp(`\\bassertThat\\s*\\(\\s*${TRUE}\\s*\\)\\s*\\.\\s*isTrue\\s*\\(\\s*\\)`),
    new RegExp(`\\bassertThat\\s*\\(\\s*${FALSE}\\s*\\)\\s*\\.\\s*isFalse\\s*\\(\\s*\\)`),
    new RegExp(`\\b${TRUE}\\s+shouldBe\\s+${TRUE}\\b`),
  ];
  if (patterns.some((p) => p.test(t))) return true;
  // Same value on both sides: assertEquals(x, x), expect(x).toBe(x), assert x == x, assert_eq!(a, a), 1 == 1.
  const two = /\b(?:assert(?:Equals?|_equal|Same|_eq|Equal|ArrayEquals)|XCTAssertEqual|Assert\.(?:Equal|AreEqual)|assert\.(?:equal|strictEqual|deepEqual)|t\.(?:is|deepEqual)|Equal)\s*!?\s*\(\s*(?:t\s*,\s*)?(?:"[^"]*"\s*,\s*(?=[^,]+,))?([^,()]+(?:\([^()]*\))?)\s*,\s*([^,()]+(?:\([^()]*\))?)\s*(?:,[^)]*)?\)/.exec(t);
  if (two && same(two[1]!, two[2]!)) return true;
  const chain = /\b(?:expect|assertThat)\s*\(\s*([^()]+(?:\([^()]*\))?)\s*\)\s*\.\s*(?:toBe|toEqual|toStrictEqual|isEqualTo|isSameAs)\s*\(\s*([^()]+(?:\([^()]*\))?)\s*\)/.exec(t);
  if (chain && same(chain[1]!, chain[2]!)) return true;
  const cmp = (lang === "python" ? /^assert\s+(.+?)\s*(==|is)\s*(.+?)\s*(?:,.*)?$/ : /^assert!?\s*\(?\s*(.+?)\s*(==|===)\s*(.+?)\s*\)?$/).exec(t);
  if (cmp && same(cmp[1]!, cmp[3]!)) return true;
  return false;
}

// The same expression on both sides, when evaluating it twice must give the same value: no calls
// (assertSame(get(), get()) checks that get() returns one instance, which can fail).
function same(a: string, b: string): boolean {
  return a.replace(/\s+/g, "") === b.replace(/\s+/g, "") && a.trim() !== "" && !/\w\s*\(/.test(a);
}

export interface Tolerance {
  /** "digits": decimal places or significant digits (smaller is looser); "abs"/"rel": a bound (larger is looser). */
  kind: "digits" | "abs" | "rel";
  value: number;
}

const NUM = "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)[fFdDlL]?";

/** The tolerance an approximate assertion allows, when it states one. */
export function toleranceOf(text: string): Tolerance | null {
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`\\b(places|decimal|precision|digits|significant|numDigits|ndigits)\\s*[=:]\\s*${NUM}`).exec(text))) return { kind: "digits", value: Number(m[2]) };
  if ((m = new RegExp(`\\btoBeCloseTo\\s*\\([^,]+,\\s*${NUM}\\s*\\)`).exec(text))) return { kind: "digits", value: Number(m[1]) };
  if ((m = new RegExp(`\\b(rtol|rel|relative|rel_tol|epsilon|eps|max_relative|percentage|withPercentage|InEpsilon)\\s*[=:(]\\s*${NUM}`).exec(text))) return { kind: "rel", value: Number(m[2]) };
  if ((m = new RegExp(`\\b(atol|abs|abs_tol|delta|tolerance|tol|offset|within|byLessThan|margin|InDelta|plusOrMinus|closeTo\\s*\\([^,]+,)\\s*[=:(]?\\s*${NUM}`).exec(text))) return { kind: "abs", value: Number(m[2]) };
  const almost = callArgs(text, /\b(?:assertAlmostEquals?|assert_almost_equal|assert_array_almost_equal|failUnlessAlmostEqual)\s*\(/);
  if (almost && almost.length >= 3 && new RegExp(`^${NUM}$`).test(almost[2]!)) return { kind: "digits", value: Number.parseFloat(almost[2]!) };
  const eq = callArgs(text, /\b(?:assertEquals|assertEqual|assertArrayEquals|Assert\.AreEqual)\s*\(/);
  if (eq && eq.length >= 3) {
    const last = eq[eq.length - 1]!;
    if (new RegExp(`^${NUM}$`).test(last) && (eq.length === 3 || /^"/.test(eq[0]!))) return { kind: "abs", value: Number.parseFloat(last) };
  }
  if ((m = new RegExp(`\\babs\\s*\\([^)]*\\)\\s*<=?\\s*${NUM}`).exec(text))) return { kind: "abs", value: Number(m[1]) };
  if ((m = new RegExp(`\\b(?:InDelta|InEpsilon)\\s*\\([^,]+,[^,]+,[^,]+,\\s*${NUM}`).exec(text))) return { kind: "abs", value: Number(m[1]) };
  return null;
}

/** Top-level arguments of the first call matching `opener` (which ends at its "("), or null. */
export function callArgs(text: string, opener: RegExp): string[] | null {
  const m = opener.exec(text);
  if (!m) return null;
  const args: string[] = [];
  let depth = 0;
  let cur = "";
  let quote: string | null = null;
  for (let i = m.index + m[0].length; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      cur += c;
      if (c === "\\") cur += text[++i] ?? "";
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    if (c === "(" || c === "[" || c === "{") depth++;
    if (c === ")" || c === "]" || c === "}") {
      if (depth === 0) {
        args.push(cur.trim());
        return args;
      }
      depth--;
    }
    if (c === "," && depth === 0) {
      args.push(cur.trim());
      cur = "";
      continue;
    }
    cur += c;
  }
  if (cur.trim()) args.push(cur.trim());
  return args;
}

export function isApproximate(code: string): boolean {
  return /almost|approx|close|InDelta|InEpsilon|within|offset|toleran|epsilon|relative_eq|abs_diff_eq|isCloseTo|closeTo/i.test(code);
}

/** How many times looser `after` is than `before` (>1 looser, <1 stricter). */
export function looseningFactor(before: Tolerance, after: Tolerance): number {
  if (before.kind === "digits" && after.kind === "digits") return Math.pow(10, before.value - after.value);
  if (before.kind === after.kind) return before.value === 0 ? (after.value > 0 ? Infinity : 1) : after.value / before.value;
  return 1;
}

/** Whether a newly approximate assertion's tolerance is wide enough to accept clearly wrong values. */
export function isWideTolerance(t: Tolerance, expected: number | null): boolean {
  if (t.kind === "digits") return t.value <= 1;
  if (t.kind === "rel") return t.value >= 0.01;
  const scale = expected === null || expected === 0 ? 1 : Math.abs(expected);
  return t.value / scale >= (expected === null ? 0.5 : 0.01);
}

// Exception assertions broadened to "anything thrown".
const BROAD_EXCEPTION = /\b(assertRaises|pytest\.raises|raises|assertThrows|assertThatThrownBy|expectThrows|catchThrowable|Assert\.Throws|toThrow|toThrowError|rejects\.toThrow|expected\s*=)\s*\(?\s*(Exception|BaseException|Throwable|Error|RuntimeException|Object|java\.lang\.Exception|java\.lang\.Throwable|Exception::class|Throwable::class)?(\.class|::class)?\s*\)?/;

export function exceptionBreadth(code: string): "broad" | "specific" | null {
  const m = BROAD_EXCEPTION.exec(code);
  if (!m) return null;
  if (m[2]) return "broad";
  if (/\b(toThrow|toThrowError)\s*\(\s*\)/.test(code) || /\brejects\.toThrow\s*\(\s*\)/.test(code)) return "broad";
  return "specific";
}

/** Literal tokens of a line and its skeleton with literals replaced, to see a change of values only. */
export function literalSkeleton(text: string): { skeleton: string; literals: string[] } {
  const literals: string[] = [];
  const skeleton = text
    .replace(/"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|`(?:\\.|[^`\\])*`|\b0[xX][0-9a-fA-F]+\b|(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?[fFdDlLjJ]?\b|\b(?:true|false|True|False|null|None|nil|undefined|NaN)\b/g, (lit) => {
      literals.push(lit);
      return "\u0000";
    })
    .replace(/\s+/g, "");
  return { skeleton, literals };
}

/** Java/Kotlin/Python/JS/C#/Ruby/Go/Rust catch clauses that can catch a failed assertion. */
export function catchesAssertions(code: string, lang: Lang): "assertion" | "catch-all" | null {
  switch (lang) {
    case "java":
    case "kotlin":
    case "groovy":
    case "scala":
      if (/\bcatch\s*\(\s*(?:final\s+)?(?:\w+\s*:\s*)?(?:[\w.]+\s*\|\s*)*(?:[\w.]*\.)?(AssertionError|AssertionFailedError|ComparisonFailure|MultipleFailuresError|Throwable|Error)\b/.test(code)) return /AssertionError|AssertionFailedError|ComparisonFailure|MultipleFailuresError/.test(code) ? "assertion" : "catch-all";
      if (lang === "kotlin" && /\brunCatching\s*\{/.test(code)) return "catch-all";
      return null;
    case "python":
      if (/^\s*except\s*(\(?\s*(?:[\w.]*\.)?AssertionError\b)/.test(code)) return "assertion";
      if (/^\s*except\s*(\(?\s*(Exception|BaseException)\b[^:]*)?:/.test(code)) return "catch-all";
      if (/\bsuppress\s*\(\s*(AssertionError|Exception|BaseException)\b/.test(code)) return "assertion";
      return null;
    case "javascript":
    case "typescript":
      if (/\bcatch\s*(\(\s*[\w{}\s,:]*\))?\s*\{/.test(code)) return "catch-all";
      if (/\.catch\s*\(\s*(\(\s*\w*\s*\)|\w+)\s*=>\s*(\{\s*\}|undefined|null|void 0)?/.test(code)) return "catch-all";
      return null;
    case "csharp":
      if (/\bcatch\s*(\(\s*(AssertFailedException|AssertionException|Exception|System\.Exception)\b[^)]*\))?\s*(\{|$)/.test(code)) return "catch-all";
      return null;
    case "ruby":
      if (/\brescue\b(\s+(Exception|StandardError|Minitest::Assertion|RSpec::Expectations::ExpectationNotMetError)\b|\s*$|\s*=>)/.test(code)) return "catch-all";
      return null;
    case "go":
      if (/\brecover\s*\(\s*\)/.test(code)) return "catch-all";
      return null;
    case "rust":
      if (/\bcatch_unwind\b/.test(code)) return "catch-all";
      return null;
    case "swift":
      if (/\bXCTExpectFailure\b/.test(code)) return "assertion";
      return null;
    default:
      return null;
  }
}
