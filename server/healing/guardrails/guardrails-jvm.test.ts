// Guardrails on Java and Kotlin fixes: each rule blocks its cheap path and lets a similar legitimate change through.
import { describe, expect, it } from "vitest";
import { check, code, edit, expectBlocked, expectPassed, replace } from "./testing/fix";

const TEST = "src/test/java/com/example/CalculatorTest.java";
const SRC = "src/main/java/com/example/Calculator.java";

const test = code`
  package com.example;

  import static org.junit.jupiter.api.Assertions.assertEquals;
  import static org.junit.jupiter.api.Assertions.assertThrows;

  import java.util.List;
  import org.junit.jupiter.api.Test;

  public class CalculatorTest {

      private final Calculator calc = new Calculator();

      @Test
      public void addsNumbers() {
          int result = calc.add(2, 3);
          assertEquals(5, result);
      }

      @Test
      public void dividesNumbers() {
          assertEquals(2.5, calc.divide(5, 2), 1e-9);
      }

      @Test
      public void rejectsDivisionByZero() {
          assertThrows(ArithmeticException.class, () -> calc.divide(1, 0));
      }
  }
`;

const source = code`
  package com.example;

  public class Calculator {
      public int add(int a, int b) {
          return a + b;
      }

      public double divide(int a, int b) {
          if (b == 0) throw new ArithmeticException("division by zero");
          return (double) a / b;
      }
  }
`;

describe("Java: a test stops running", () => {
  it("blocks @Disabled, @org.junit.Ignore and TestNG enabled=false on an existing test", () => {
    expectBlocked(edit(TEST, test, replace(test, "    @Test\n    public void addsNumbers", "    @Disabled(\"flaky on CI\")\n    @Test\n    public void addsNumbers")), "test-skipped");
    expectBlocked(edit(TEST, test, replace(test, "    @Test\n    public void dividesNumbers", "    @org.junit.Ignore\n    @Test\n    public void dividesNumbers")), "test-skipped");
    expectBlocked(edit(TEST, test, replace(test, "    @Test\n    public void rejects", "    @Test(enabled = false)\n    public void rejects")), "test-skipped");
    expectBlocked(edit(TEST, test, replace(test, "    @Test\n    public void addsNumbers", "    @DisabledIfEnvironmentVariable(named = \"CI\", matches = \"true\")\n    @Test\n    public void addsNumbers")), "test-skipped");
  });

  it("blocks an always-false assumption, an assumption that skips on CI, and an early return", () => {
    expectBlocked(edit(TEST, test, replace(test, "        int result", "        Assumptions.assumeTrue(false);\n        int result")), "test-skipped");
    expectBlocked(edit(TEST, test, replace(test, "        int result", "        assumeTrue(System.getenv(\"CI\") == null);\n        int result")), "test-skipped");
    expectBlocked(edit(TEST, test, replace(test, "        int result", "        return;\n        int result")), "test-skipped");
  });

  it("blocks a test that loses its @Test (commented out)", () => {
    expectBlocked(edit(TEST, test, replace(test, "    @Test\n    public void dividesNumbers", "    // @Test\n    public void dividesNumbers")), "test-skipped");
  });

  it("passes a new test, even one guarded by an assumption, and a new disabled placeholder", () => {
    const added = replace(test, "    @Test\n    public void rejects", "    @Test\n    public void subtractsNumbers() {\n        assumeTrue(calc != null);\n        assertEquals(1, calc.add(3, -2));\n    }\n\n    @Test\n    public void rejects");
    expectPassed(edit(TEST, test, added));
  });
});

describe("Java: a test stops existing", () => {
  const withoutDivide = replace(test, "    @Test\n    public void dividesNumbers() {\n        assertEquals(2.5, calc.divide(5, 2), 1e-9);\n    }\n\n", "");

  it("blocks a deleted test method and a deleted test file", () => {
    const r = expectBlocked(edit(TEST, test, withoutDivide), "test-deleted");
    expect(r.findings.find((f) => f.rule === "test-deleted")).toMatchObject({ path: TEST, side: "old", line: 20 });
    expectBlocked([{ path: TEST, before: test, after: null }], "test-deleted");
  });

  it("passes a test renamed to fix a typo, and a test file moved to another package", () => {
    expectPassed(edit(TEST, replace(test, "addsNumbers", "addsNumbrs"), test));
    expectPassed([
      { path: TEST, before: test, after: null },
      { path: "src/test/java/com/example/math/CalculatorTest.java", before: null, after: replace(test, "package com.example;", "package com.example.math;") },
    ]);
  });

  it("passes a test moved from one test class to another", () => {
    const other = code`
      package com.example;

      import org.junit.jupiter.api.Test;

      public class DivisionTest {
          private final Calculator calc = new Calculator();
      }
    `;
    const otherAfter = replace(other, "    private final Calculator calc = new Calculator();\n", "    private final Calculator calc = new Calculator();\n\n    @Test\n    public void dividesNumbers() {\n        assertEquals(2.5, calc.divide(5, 2), 1e-9);\n    }\n");
    expectPassed([
      { path: TEST, before: test, after: withoutDivide },
      { path: "src/test/java/com/example/DivisionTest.java", before: other, after: otherAfter },
    ]);
  });
});

describe("Java: a test stops checking", () => {
  it("blocks a removed or commented-out assertion", () => {
    expectBlocked(edit(TEST, test, replace(test, "        assertEquals(5, result);\n", "")), "assertion-removed");
    expectBlocked(edit(TEST, test, replace(test, "        assertEquals(5, result);", "        // assertEquals(5, result);")), "assertion-removed");
    expectBlocked(edit(TEST, test, replace(test, "        assertEquals(5, result);", "        /*\n        assertEquals(5, result);\n        */")), "assertion-removed");
  });

  it("blocks trivial and weakened assertions, a wide delta, and a swallowed AssertionError", () => {
    expectBlocked(edit(TEST, test, replace(test, "assertEquals(5, result);", "assertTrue(true);")), "assertion-weakened");
    expectBlocked(edit(TEST, test, replace(test, "assertEquals(5, result);", "assertEquals(result, result);")), "assertion-weakened");
    expectBlocked(edit(TEST, test, replace(test, "assertEquals(5, result);", "assertNotNull(result);")), "assertion-weakened");
    const hamcrest = replace(test, "assertEquals(5, result);", "assertThat(result, is(5));");
    expectBlocked(edit(TEST, hamcrest, replace(hamcrest, "assertThat(result, is(5));", "assertThat(result, anything());")), "assertion-weakened");
    expectBlocked(edit(TEST, test, replace(test, "calc.divide(5, 2), 1e-9)", "calc.divide(5, 2), 10.0)")), "assertion-weakened");
    expectBlocked(edit(TEST, test, replace(test, "assertThrows(ArithmeticException.class", "assertThrows(Exception.class")), "assertion-weakened");
    const swallowed = replace(test, "        assertEquals(5, result);\n", "        try {\n            assertEquals(5, result);\n        } catch (AssertionError e) {\n            // known issue\n        }\n");
    expectBlocked(edit(TEST, test, swallowed), "assertion-weakened");
  });

  it("blocks an expected value changed while the code under test did not change", () => {
    expectBlocked(edit(TEST, test, replace(test, "assertEquals(5, result);", "assertEquals(6, result);")), "expected-value-loosened");
  });

  it("passes an expected value changed together with the code it tests", () => {
    expectPassed([
      { path: SRC, before: source, after: replace(source, "return a + b;", "return a + b + 1; // counts the carry") },
      { path: TEST, before: test, after: replace(test, "assertEquals(5, result);", "assertEquals(6, result);") },
    ]);
  });

  it("passes an assertion rewritten in another style and a tighter tolerance", () => {
    expectPassed(edit(TEST, test, replace(test, "assertEquals(5, result);", "assertThat(result).isEqualTo(5);")));
    expectPassed(edit(TEST, test, replace(test, "assertEquals(5, result);", "assertThat(result, is(5));")));
    expectPassed(edit(TEST, test, replace(test, "calc.divide(5, 2), 1e-9)", "calc.divide(5, 2), 1e-12)")));
  });
});

describe("Java: waits, retries, timeouts", () => {
  it("blocks sleeps in a test, retry annotations and a retry rule, and a raised @Test timeout", () => {
    expectBlocked(edit(TEST, test, replace(test, "        int result", "        Thread.sleep(2_000L);\n        int result")), "wait-or-retry");
    expectBlocked(edit(TEST, test, replace(test, "        int result", "        TimeUnit.SECONDS.sleep(3);\n        int result")), "wait-or-retry");
    expectBlocked(edit(TEST, test, replace(test, "    @Test\n    public void addsNumbers", "    @RepeatedIfExceptionsTest(repeats = 3)\n    public void addsNumbers")), "wait-or-retry");
    expectBlocked(edit(TEST, test, replace(test, "    @Test\n    public void addsNumbers", "    @Test\n    @Flaky\n    public void addsNumbers")), "wait-or-retry");
    expectBlocked(edit(TEST, test, replace(test, "    private final Calculator calc", "    @Rule public RetryRule retry = new RetryRule(3);\n\n    private final Calculator calc")), "wait-or-retry");
    const timed = replace(test, "    @Test\n    public void addsNumbers", "    @Test(timeout = 1000)\n    public void addsNumbers");
    expectBlocked(edit(TEST, timed, replace(timed, "timeout = 1000", "timeout = 60000")), "timeout-raised");
  });

  it("blocks waits on something nothing signals: parking, a fresh latch", () => {
    expectBlocked(edit(TEST, test, replace(test, "        int result", "        LockSupport.parkNanos(2_000_000_000L);\n        int result")), "wait-or-retry");
    expectBlocked(edit(TEST, test, replace(test, "        int result", "        new CountDownLatch(1).await(2, TimeUnit.SECONDS);\n        int result")), "wait-or-retry");
  });

  it("passes a back-off computed in source code and a tightened timeout", () => {
    const retrying = replace(source, "    public int add(int a, int b) {", "    void pause(long backoffMillis) throws InterruptedException {\n        Thread.sleep(backoffMillis);\n    }\n\n    public int add(int a, int b) {");
    expectPassed(edit(SRC, source, retrying));
    const timed = replace(test, "    @Test\n    public void addsNumbers", "    @Test(timeout = 60000)\n    public void addsNumbers");
    expectPassed(edit(TEST, timed, replace(timed, "timeout = 60000", "timeout = 1000")));
  });

  it("blocks a constant sleep added to source code", () => {
    expectBlocked(edit(SRC, source, replace(source, "        return a + b;", "        Thread.sleep(500);\n        return a + b;")), "wait-or-retry");
  });
});

describe("Java: silenced checks", () => {
  it("blocks @SuppressWarnings, CHECKSTYLE:OFF and NOSONAR on existing code", () => {
    expectBlocked(edit(SRC, source, replace(source, "    public int add", "    @SuppressWarnings(\"checkstyle:MagicNumber\")\n    public int add")), "check-suppressed");
    expectBlocked(edit(SRC, source, replace(source, "        return a + b;", "        //CHECKSTYLE.OFF: MagicNumber\n        return a + b;\n        //CHECKSTYLE.ON: MagicNumber")), "check-suppressed");
    expectBlocked(edit(SRC, source, replace(source, "        return (double) a / b;", "        return (double) a / b; // NOSONAR")), "check-suppressed");
  });

  it("passes a real source fix, a rename and removing an unused import", () => {
    expectPassed(edit(SRC, source, replace(source, "        return (double) a / b;", "        return a / (double) b;")));
    expectPassed(edit(SRC, source, source.replaceAll("divide", "quotient")).concat(edit(TEST, test, test.replaceAll("divide", "quotient"))));
    expectPassed(edit(TEST, test, replace(test, "import java.util.List;\n", "")));
  });
});

const KT = "src/test/kotlin/com/example/ParserTest.kt";
const kotlin = code`
  package com.example

  import kotlin.test.assertEquals
  import org.junit.jupiter.api.Test

  class ParserTest {
      private val parser = Parser()

      @Test
      fun \`parses an integer\`() {
          assertEquals(42, parser.parse("42"))
      }

      @Test
      fun parsesNegative() {
          assertEquals(-1, parser.parse("-1"))
      }
  }
`;

describe("Kotlin", () => {
  it("blocks @Disabled on a backtick-named test, a deleted test and a weakened assertion", () => {
    expectBlocked(edit(KT, kotlin, replace(kotlin, "    @Test\n    fun `parses", "    @Disabled\n    @Test\n    fun `parses")), "test-skipped");
    expectBlocked(edit(KT, kotlin, replace(kotlin, "    @Test\n    fun parsesNegative() {\n        assertEquals(-1, parser.parse(\"-1\"))\n    }\n", "")), "test-deleted");
    expectBlocked(edit(KT, kotlin, replace(kotlin, "assertEquals(42, parser.parse(\"42\"))", "assertNotNull(parser.parse(\"42\"))")), "assertion-weakened");
  });

  it("blocks @Suppress and a coroutine delay in a test", () => {
    const src = "src/main/kotlin/com/example/Parser.kt";
    const parser = code`
      package com.example

      class Parser {
          fun parse(text: String): Int = text.trim().toInt()
      }
    `;
    expectBlocked(edit(src, parser, replace(parser, "    fun parse", "    @Suppress(\"UNCHECKED_CAST\")\n    fun parse")), "check-suppressed");
    expectBlocked(edit(KT, kotlin, replace(kotlin, "        assertEquals(42", "        delay(1000)\n        assertEquals(42")), "wait-or-retry");
  });

  it("passes a renamed backtick test and a new test", () => {
    expectPassed(edit(KT, kotlin, replace(kotlin, "fun `parses an integer`()", "fun `parses a positive integer`()")));
    expectPassed(edit(KT, kotlin, replace(kotlin, "    @Test\n    fun parsesNegative", "    @Test\n    fun parsesZero() {\n        assertEquals(0, parser.parse(\"0\"))\n    }\n\n    @Test\n    fun parsesNegative")));
  });
});

it("reports where: rule, path, line on the side it refers to, and a message", () => {
  const { patch } = check(edit(TEST, test, replace(test, "    @Test\n    public void addsNumbers", "    @Disabled\n    @Test\n    public void addsNumbers")));
  expect(patch.findings).toEqual([
    { rule: "test-skipped", path: TEST, line: 13, side: "new", message: expect.stringContaining("addsNumbers") },
  ]);
});

describe("more spellings", () => {
  it("blocks a JUnit 3 test renamed out of the convention, @Test dropped, and a disabled test class", () => {
    const junit3 = code`
      public class LegacyTest extends TestCase {
          public void testParse() {
              assertEquals(1, Parser.parse("1"));
          }
      }
    `;
    expectBlocked(edit("src/test/java/LegacyTest.java", junit3, replace(junit3, "testParse", "_testParse")), "test-skipped");
    expectBlocked(edit(TEST, test, replace(test, "    @Test\n    public void dividesNumbers", "    public void dividesNumbers")), "test-skipped");
    expectBlocked(edit(TEST, test, replace(test, "public class CalculatorTest", "@Disabled(\"until the release\")\npublic class CalculatorTest")), "test-skipped");
    expectBlocked(edit(KT, kotlin, replace(kotlin, "    @Test\n    fun parsesNegative", "    @Ignore\n    @Test\n    fun parsesNegative")), "test-skipped");
  });

  it("blocks tolerances loosened by a positional delta", () => {
    expectBlocked(edit(TEST, test, replace(test, "calc.divide(5, 2), 1e-9)", "calc.divide(5, 2), 0.5)")), "assertion-weakened");
  });

  it("blocks @Test(expected = AssertionError.class) on an existing test", () => {
    expectBlocked(edit(TEST, test, replace(test, "    @Test\n    public void addsNumbers", "    @Test(expected = AssertionError.class)\n    public void addsNumbers")), "assertion-weakened");
  });
});
