// Test-runner and coverage configuration (Jest, Vitest, Playwright, JaCoCo) and runner calls in test code.
import { describe, it } from "vitest";
import { code, edit, expectBlocked, expectPassed, replace } from "./testing/fix";

const pkg = code`
  {
    "name": "web",
    "scripts": {
      "test": "jest"
    },
    "jest": {
      "testEnvironment": "node",
      "testPathIgnorePatterns": ["/node_modules/"],
      "coverageThreshold": {
        "global": {
          "lines": 80
        }
      }
    }
  }
`;

describe("Jest configuration", () => {
  it("blocks an ignored test path and a lowered coverage threshold; passes a raised one", () => {
    expectBlocked(edit("package.json", pkg, replace(pkg, '["/node_modules/"]', '["/node_modules/", "/src/checkout/"]')), "test-excluded");
    expectPassed(edit("package.json", pkg, replace(pkg, '["/node_modules/"]', '["/node_modules/", "/dist/"]')));
    expectBlocked(edit("package.json", pkg, replace(pkg, '"lines": 80', '"lines": 50')), "config-loosened");
    expectPassed(edit("package.json", pkg, replace(pkg, '"lines": 80', '"lines": 85')));
  });

  it("blocks jest.retryTimes and a raised jest.setTimeout in a test file", () => {
    const t = code`
      describe("checkout", () => {
        it("charges the card", async () => {
          await expect(charge(10)).resolves.toBe("ok");
        });
      });
    `;
    expectBlocked(edit("src/checkout.test.js", t, `jest.retryTimes(3);\n\n${t}`), "wait-or-retry");
    const timed = `jest.setTimeout(5000);\n\n${t}`;
    expectBlocked(edit("src/checkout.test.js", timed, replace(timed, "jest.setTimeout(5000)", "jest.setTimeout(60000)")), "timeout-raised");
  });
});

describe("Vitest and Playwright configuration", () => {
  const vitest = code`
    import { defineConfig } from "vitest/config";

    export default defineConfig({
      test: {
        include: ["src/**/*.test.ts"],
        testTimeout: 5000,
      },
    });
  `;
  const playwright = code`
    import { defineConfig } from "@playwright/test";

    export default defineConfig({
      testDir: "e2e",
      retries: 0,
      timeout: 30000,
    });
  `;

  it("blocks retries and raised timeouts, passes a new reporter", () => {
    expectBlocked(edit("vitest.config.ts", vitest, replace(vitest, "testTimeout: 5000,", "testTimeout: 5000,\n    retry: 2,")), "wait-or-retry");
    expectBlocked(edit("vitest.config.ts", vitest, replace(vitest, "testTimeout: 5000", "testTimeout: 60000")), "timeout-raised");
    expectBlocked(edit("playwright.config.ts", playwright, replace(playwright, "retries: 0", "retries: 2")), "wait-or-retry");
    expectBlocked(edit("playwright.config.ts", playwright, replace(playwright, "timeout: 30000", "timeout: 120000")), "timeout-raised");
    expectBlocked(edit("vitest.config.ts", vitest, replace(vitest, '    include: ["src/**/*.test.ts"],', '    include: ["src/**/*.test.ts"],\n    exclude: ["src/checkout/**"],')), "test-excluded");
    expectPassed(edit("playwright.config.ts", playwright, replace(playwright, 'testDir: "e2e",', 'testDir: "e2e",\n  reporter: "list",')));
    expectPassed(edit("playwright.config.ts", playwright, replace(playwright, "timeout: 30000", "timeout: 20000")));
  });
});

describe("JaCoCo coverage rule and Go test narrowing", () => {
  const pom = code`
    <project>
      <build>
        <plugins>
          <plugin>
            <artifactId>jacoco-maven-plugin</artifactId>
            <configuration>
              <rules>
                <rule>
                  <limits>
                    <limit>
                      <counter>LINE</counter>
                      <minimum>0.80</minimum>
                    </limit>
                  </limits>
                </rule>
              </rules>
            </configuration>
          </plugin>
        </plugins>
      </build>
    </project>
  `;

  it("blocks a lowered coverage minimum and passes a raised one", () => {
    expectBlocked(edit("pom.xml", pom, replace(pom, "<minimum>0.80</minimum>", "<minimum>0.50</minimum>")), "config-loosened");
    expectPassed(edit("pom.xml", pom, replace(pom, "<minimum>0.80</minimum>", "<minimum>0.85</minimum>")));
  });

  it("blocks go test narrowed with -run and an unconditional ; exit 0 in a Makefile", () => {
    const mk = "test:\n\tgo test ./...\n";
    expectBlocked(edit("Makefile", mk, mk.replace("go test ./...", "go test -run 'TestParse' ./...")), "test-excluded");
    expectBlocked(edit("Makefile", mk, mk.replace("go test ./...", "go test ./... ; exit 0")), "failure-masked");
    expectPassed(edit("Makefile", mk, mk.replace("go test ./...", "go test -race ./...")));
  });
});

describe("@RepeatedTest and file-wide TypeScript suppressions", () => {
  it("blocks @RepeatedTest replacing @Test and @ts-nocheck, passes a new @RepeatedTest", () => {
    const t = code`
      class ClockTest {
          @Test
          void ticks() {
              assertEquals(1, new Clock().tick());
          }
      }
    `;
    expectBlocked(edit("src/test/java/ClockTest.java", t, replace(t, "    @Test\n", "    @RepeatedTest(5)\n")), "wait-or-retry");
    expectPassed(edit("src/test/java/ClockTest.java", t, replace(t, "    }\n}", "    }\n\n    @RepeatedTest(3)\n    void ticksEveryTime() {\n        assertEquals(1, new Clock().tick());\n    }\n}")));
    const src = "export function tick(n: number): number {\n  return n + 1;\n}\n";
    expectBlocked(edit("src/clock.ts", src, `// @ts-nocheck\n${src}`), "check-suppressed");
    expectBlocked(edit("src/clock.ts", src, src.replace("  return n + 1;", "  // @ts-expect-error legacy\n  return n + 1;")), "check-suppressed");
  });
});
