// Guardrails on build files: Maven pom.xml, Gradle (Groovy and Kotlin DSL), npm scripts in package.json,
// pytest/tox configuration. Each masking, skipping, excluding or retrying spelling is blocked; a similar
// legitimate build change (a dependency bump, a new plugin, an added test path) passes.
import { describe, it } from "vitest";
import { code, edit, expectBlocked, expectPassed, replace } from "./testing/fix";

const pom = code`
  <project>
    <modelVersion>4.0.0</modelVersion>
    <artifactId>shop</artifactId>

    <properties>
      <java.version>17</java.version>
      <junit.version>5.10.0</junit.version>
    </properties>

    <build>
      <plugins>
        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>maven-surefire-plugin</artifactId>
          <version>3.2.5</version>
          <configuration>
            <argLine>-Xmx512m</argLine>
          </configuration>
        </plugin>
        <plugin>
          <groupId>org.apache.maven.plugins</groupId>
          <artifactId>maven-deploy-plugin</artifactId>
          <version>3.1.1</version>
        </plugin>
      </plugins>
    </build>
  </project>
`;

describe("Maven", () => {
  it("blocks skipping tests and ignoring their failures, as properties or plugin configuration", () => {
    expectBlocked(edit("pom.xml", pom, replace(pom, "    <java.version>17</java.version>", "    <java.version>17</java.version>\n    <maven.test.skip>true</maven.test.skip>")), "test-excluded");
    expectBlocked(edit("pom.xml", pom, replace(pom, "          <argLine>-Xmx512m</argLine>", "          <argLine>-Xmx512m</argLine>\n          <testFailureIgnore>true</testFailureIgnore>")), "failure-masked");
    expectBlocked(edit("pom.xml", pom, replace(pom, "          <argLine>-Xmx512m</argLine>", "          <argLine>-Xmx512m</argLine>\n          <skip>true</skip>")), "test-excluded");
    expectBlocked(edit("pom.xml", pom, replace(pom, "          <argLine>-Xmx512m</argLine>", "          <argLine>-Xmx512m</argLine>\n          <failIfNoTests>false</failIfNoTests>")), "failure-masked");
  });

  it("blocks excluding a test class, and re-running failures", () => {
    expectBlocked(edit("pom.xml", pom, replace(pom, "          <argLine>-Xmx512m</argLine>", "          <argLine>-Xmx512m</argLine>\n          <excludes>\n            <exclude>**/CheckoutTest.java</exclude>\n          </excludes>")), "test-excluded");
    expectBlocked(edit("pom.xml", pom, replace(pom, "          <argLine>-Xmx512m</argLine>", "          <argLine>-Xmx512m</argLine>\n          <rerunFailingTestsCount>3</rerunFailingTestsCount>")), "wait-or-retry");
  });

  it("passes excluding files from the jar", () => {
    const jar = replace(pom, "        <version>3.1.1</version>\n", "        <version>3.1.1</version>\n      </plugin>\n      <plugin>\n        <artifactId>maven-jar-plugin</artifactId>\n        <configuration>\n          <excludes>\n            <exclude>**/logback.xml</exclude>\n          </excludes>\n        </configuration>\n");
    expectPassed(edit("pom.xml", pom, replace(jar, "<exclude>**/logback.xml</exclude>", "<exclude>**/logback-test.xml</exclude>")));
  });

  it("passes a dependency bump, more memory for the tests and skipping deployment", () => {
    expectPassed(edit("pom.xml", pom, replace(pom, "<junit.version>5.10.0</junit.version>", "<junit.version>5.10.2</junit.version>")));
    expectPassed(edit("pom.xml", pom, replace(pom, "<argLine>-Xmx512m</argLine>", "<argLine>-Xmx1g</argLine>")));
    expectPassed(edit("pom.xml", pom, replace(pom, "        <version>3.1.1</version>", "        <version>3.1.1</version>\n        <configuration>\n          <skip>true</skip>\n        </configuration>")));
  });
});

const gradle = code`
  plugins {
      id 'java'
  }

  dependencies {
      testImplementation 'org.junit.jupiter:junit-jupiter:5.10.0'
  }

  test {
      useJUnitPlatform()
  }
`;

const gradleKts = code`
  plugins {
      java
  }

  dependencies {
      testImplementation("org.junit.jupiter:junit-jupiter:5.10.0")
  }

  tasks.test {
      useJUnitPlatform()
  }
`;

describe("Gradle", () => {
  it("Groovy DSL: blocks ignoreFailures, a disabled test task, an excluded test and a retry", () => {
    expectBlocked(edit("build.gradle", gradle, replace(gradle, "    useJUnitPlatform()", "    useJUnitPlatform()\n    ignoreFailures = true")), "failure-masked");
    expectBlocked(edit("build.gradle", gradle, `${gradle}\ntest.enabled = false\n`), "test-excluded");
    expectBlocked(edit("build.gradle", gradle, replace(gradle, "    useJUnitPlatform()", "    useJUnitPlatform()\n    exclude '**/CheckoutTest.class'")), "test-excluded");
    expectBlocked(edit("build.gradle", gradle, replace(gradle, "    useJUnitPlatform()", "    useJUnitPlatform()\n    filter {\n        excludeTestsMatching '*Checkout*'\n    }")), "test-excluded");
    expectBlocked(edit("build.gradle", gradle, replace(gradle, "    useJUnitPlatform()", "    useJUnitPlatform()\n    retry {\n        maxRetries = 3\n    }")), "wait-or-retry");
  });

  it("Groovy DSL: blocks a test task that never runs or is excluded from the build", () => {
    expectBlocked(edit("build.gradle", gradle, replace(gradle, "    useJUnitPlatform()", "    useJUnitPlatform()\n    onlyIf { false }")), "test-excluded");
    expectBlocked(edit("build.gradle", gradle, `${gradle}\ngradle.startParameter.excludedTaskNames << 'test'\n`), "test-excluded");
  });

  it("Kotlin DSL: blocks isIgnoreFailures and enabled = false on the test task", () => {
    expectBlocked(edit("build.gradle.kts", gradleKts, replace(gradleKts, "    useJUnitPlatform()", "    useJUnitPlatform()\n    isIgnoreFailures = true")), "failure-masked");
    expectBlocked(edit("build.gradle.kts", gradleKts, replace(gradleKts, "    useJUnitPlatform()", "    useJUnitPlatform()\n    enabled = false")), "test-excluded");
  });

  it("passes a dependency bump, test logging and a larger heap", () => {
    expectPassed(edit("build.gradle", gradle, replace(gradle, "5.10.0", "5.10.2")));
    expectPassed(edit("build.gradle", gradle, replace(gradle, "    useJUnitPlatform()", "    useJUnitPlatform()\n    maxHeapSize = '1g'\n    testLogging {\n        events 'failed'\n    }")));
    expectPassed(edit("build.gradle.kts", gradleKts, replace(gradleKts, "5.10.0", "5.10.2")));
  });
});

const pkg = code`
  {
    "name": "shop",
    "version": "1.0.0",
    "scripts": {
      "build": "tsc -p .",
      "lint": "eslint . --max-warnings 0",
      "test": "vitest run"
    },
    "devDependencies": {
      "vitest": "1.6.0"
    }
  }
`;

describe("npm scripts (package.json)", () => {
  it("blocks a test script that cannot fail, passes with no tests, or no longer runs the tests", () => {
    expectBlocked(edit("package.json", pkg, replace(pkg, '"test": "vitest run"', '"test": "vitest run || true"')), "failure-masked");
    expectBlocked(edit("package.json", pkg, replace(pkg, '"test": "vitest run"', '"test": "vitest run --passWithNoTests"')), "failure-masked");
    expectBlocked(edit("package.json", pkg, replace(pkg, '"test": "vitest run"', '"test": "echo \\"no tests\\""')), "test-excluded");
    expectBlocked(edit("package.json", pkg, replace(pkg, '"test": "vitest run"', '"test": "vitest run --exclude src/cart/**"')), "test-excluded");
  });

  it("blocks a lint script allowed to pass with warnings", () => {
    expectBlocked(edit("package.json", pkg, replace(pkg, '"lint": "eslint . --max-warnings 0"', '"lint": "eslint ."')), "config-loosened");
  });

  it("passes a new script, a dependency bump and a coverage flag", () => {
    expectPassed(edit("package.json", pkg, replace(pkg, '"build": "tsc -p .",', '"build": "tsc -p .",\n    "typecheck": "tsc --noEmit -p .",')));
    expectPassed(edit("package.json", pkg, replace(pkg, '"vitest": "1.6.0"', '"vitest": "1.6.1"')));
    expectPassed(edit("package.json", pkg, replace(pkg, '"test": "vitest run"', '"test": "vitest run --coverage"')));
  });
});

describe("pytest and tox configuration", () => {
  const ini = code`
    [pytest]
    addopts = -ra --strict-markers
    testpaths = tests
  `;
  const tox = code`
    [tox]
    envlist = py311

    [testenv]
    deps = pytest
    commands =
        pytest {posargs}
  `;

  it("blocks deselecting, ignoring paths, reruns, and a tox command whose failure is ignored", () => {
    expectBlocked(edit("pytest.ini", ini, replace(ini, "addopts = -ra --strict-markers", "addopts = -ra --strict-markers --deselect tests/test_cart.py::test_total")), "test-excluded");
    expectBlocked(edit("pytest.ini", ini, replace(ini, "addopts = -ra --strict-markers", "addopts = -ra --strict-markers --ignore=tests/test_cart.py")), "test-excluded");
    expectBlocked(edit("pytest.ini", ini, replace(ini, "addopts = -ra --strict-markers", "addopts = -ra --strict-markers -k 'not slow_checkout'")), "test-excluded");
    expectBlocked(edit("pytest.ini", ini, replace(ini, "addopts = -ra --strict-markers", "addopts = -ra --strict-markers --reruns 3")), "wait-or-retry");
    expectBlocked(edit("tox.ini", tox, replace(tox, "    pytest {posargs}", "    - pytest {posargs}")), "failure-masked");
  });

  it("passes an added test path and a new marker registration", () => {
    expectPassed(edit("pytest.ini", ini, replace(ini, "testpaths = tests", "testpaths = tests integration")));
    expectPassed(edit("pytest.ini", ini, `${ini}markers =\n    slow: long-running tests\n`));
  });
});

describe("more spellings", () => {
  it("blocks surefire narrowed to one test, a -D flag ignoring failures, and Kotlin DSL typed task blocks", () => {
    expectBlocked(edit("pom.xml", pom, replace(pom, "          <argLine>-Xmx512m</argLine>", "          <argLine>-Xmx512m</argLine>\n          <test>PaymentTest</test>")), "test-excluded");
    expectBlocked(edit("Makefile", "test:\n\tmvn -B test\n", "test:\n\tmvn -B test -Dmaven.test.failure.ignore=true\n"), "failure-masked");
    expectBlocked(edit("build.gradle.kts", gradleKts, `${gradleKts}\ntasks.withType<Test> {\n    ignoreFailures = true\n}\n`), "failure-masked");
    expectBlocked(edit("build.gradle.kts", gradleKts, `${gradleKts}\ntasks.named<Test>("test") {\n    enabled = false\n}\n`), "test-excluded");
  });
});
