// Guardrails on CI definitions (GitHub Actions, Travis, GitLab), lint/type/coverage configuration
// (.eslintrc, eslint.config.js, pyproject.toml, setup.cfg, checkstyle.xml, tsconfig.json), protected
// paths and size limits: each rule both ways.
import { describe, expect, it } from "vitest";
import { checkPatch } from ".";
import { check, code, edit, expectBlocked, expectPassed, gitDiff, replace } from "./testing/fix";

const allow = { allowWorkflowEdits: true };

const WF = ".github/workflows/ci.yml";
const workflow = code`
  name: ci
  on: [push, pull_request]
  jobs:
    test:
      runs-on: ubuntu-latest
      timeout-minutes: 20
      steps:
        - uses: actions/checkout@v4
        - uses: actions/setup-node@v4
          with:
            node-version: 20
        - run: npm ci
        - name: Unit tests
          run: npm test
        - name: Lint
          run: npm run lint
`;

describe("CI definitions", () => {
  it("blocks any workflow edit unless HEALING_ALLOW_WORKFLOW_EDITS, and passes an innocuous one when allowed", () => {
    const bumped = replace(workflow, "node-version: 20", "node-version: 22");
    expectBlocked(edit(WF, workflow, bumped), "protected-path");
    expectPassed(edit(WF, workflow, bumped), allow);
    for (const path of [".travis.yml", ".gitlab-ci.yml", "Jenkinsfile", ".circleci/config.yml", "azure-pipelines.yml"]) {
      expectBlocked(edit(path, "script: make test\n", "script: make test check\n"), "protected-path");
    }
  });

  it("even when allowed, blocks continue-on-error, || true, set +e, a disabled step, narrowed runs and retries", () => {
    expectBlocked(edit(WF, workflow, replace(workflow, "        run: npm test", "        run: npm test\n        continue-on-error: true")), "failure-masked", allow);
    expectBlocked(edit(WF, workflow, replace(workflow, "run: npm test", "run: npm test || true")), "failure-masked", allow);
    expectBlocked(edit(WF, workflow, replace(workflow, "        run: npm test", "        run: |\n          set +e\n          npm test")), "failure-masked", allow);
    expectBlocked(edit(WF, workflow, replace(workflow, "      - name: Unit tests\n", "      - name: Unit tests\n        if: false\n")), "test-excluded", allow);
    expectBlocked(edit(WF, workflow, replace(workflow, "      - name: Unit tests\n        run: npm test\n", "")), "test-excluded", allow);
    expectBlocked(edit(WF, workflow, replace(workflow, "run: npm test", "run: npx vitest run --testNamePattern cart")), "test-excluded", allow);
    expectBlocked(edit(WF, workflow, replace(workflow, "      - name: Unit tests\n        run: npm test", "      - name: Unit tests\n        uses: nick-fields/retry@v3\n        with:\n          max_attempts: 3\n          command: npm test")), "wait-or-retry", allow);
    expectBlocked(edit(WF, workflow, replace(workflow, "timeout-minutes: 20", "timeout-minutes: 120")), "timeout-raised", allow);
    expectBlocked(edit(WF, workflow, replace(workflow, "run: npm run lint", "run: npm run lint -- --max-warnings=-1")), "failure-masked", allow);
  });

  it("blocks Travis allow_failures and GitLab allow_failure (with edits allowed)", () => {
    const travis = code`
      language: python
      python:
        - "3.11"
      script: pytest
    `;
    expectBlocked(edit(".travis.yml", travis, `${travis}matrix:\n  allow_failures:\n    - python: "3.11"\n`), "failure-masked", allow);
    const gitlab = code`
      test:
        stage: test
        script:
          - mvn -B verify
    `;
    expectBlocked(edit(".gitlab-ci.yml", gitlab, replace(gitlab, "  stage: test", "  stage: test\n  allow_failure: true")), "failure-masked", allow);
    expectBlocked(edit(".gitlab-ci.yml", gitlab, replace(gitlab, "mvn -B verify", "mvn -B verify -DskipTests")), "test-excluded", allow);
    expectPassed(edit(".gitlab-ci.yml", gitlab, replace(gitlab, "mvn -B verify", "mvn -B -U verify")), allow);
  });

  it("blocks masking in a build script and passes cleanup that tolerates a missing file", () => {
    const script = "#!/usr/bin/env bash\nset -euo pipefail\n./gradlew check\n";
    expectBlocked(edit("scripts/ci.sh", script, script.replace("./gradlew check", "./gradlew check || echo 'checks failed'")), "failure-masked");
    expectBlocked(edit("scripts/ci.sh", script, script.replace("./gradlew check", "./gradlew build -x test")), "test-excluded");
    expectPassed(edit("scripts/ci.sh", script, script.replace("./gradlew check", "rm -f build/tmp.lock || true\n./gradlew check")));
    expectPassed(edit("scripts/ci.sh", script, script.replace("./gradlew check", "if [ -n \"${SKIP_DOCS:-}\" ]; then\n  ./gradlew check\n  exit 0\nfi\n./gradlew check javadoc")));
    expectBlocked(edit("scripts/ci.sh", script, script.replace("./gradlew check", "exit 0\n./gradlew check")), "failure-masked");
    const fixture = "2024-05-14T09:12:01Z ##[group]Run npm test\n2024-05-14T09:12:02Z FAIL src/a.test.ts\n";
    expectPassed(edit("server/analysis/fixtures/npm-test.log", fixture, fixture.replace("Run npm test", "Run npm test || true")));
  });
});

describe("lint, type and coverage configuration", () => {
  it("ESLint (.eslintrc.json and eslint.config.js): blocks rules turned off or down, passes a rule turned on", () => {
    const rc = code`
      {
        "extends": ["eslint:recommended"],
        "rules": {
          "no-unused-vars": "error",
          "eqeqeq": ["error", "always"]
        }
      }
    `;
    expectBlocked(edit(".eslintrc.json", rc, replace(rc, '"no-unused-vars": "error"', '"no-unused-vars": "off"')), "config-loosened");
    expectBlocked(edit(".eslintrc.json", rc, replace(rc, '"eqeqeq": ["error", "always"]', '"eqeqeq": ["warn", "always"]')), "config-loosened");
    expectPassed(edit(".eslintrc.json", rc, replace(rc, '"eqeqeq": ["error", "always"]', '"eqeqeq": ["error", "always"],\n    "no-console": "error"')));
    const flat = code`
      export default [
        {
          rules: {
            "no-unused-vars": "error",
          },
        },
      ];
    `;
    expectBlocked(edit("eslint.config.js", flat, replace(flat, '"no-unused-vars": "error",', '"no-unused-vars": "error",\n      "no-undef": 0,')), "config-loosened");
    expectBlocked(edit("eslint.config.js", flat, replace(flat, "  {\n    rules", "  {\n    ignores: [\"src/legacy/**\"],\n    rules")), "config-loosened");
  });

  it("pyproject.toml and setup.cfg: blocks ignores, disabled codes and a lowered coverage minimum", () => {
    const pyproject = code`
      [tool.ruff]
      line-length = 100

      [tool.ruff.lint]
      select = ["E", "F", "B"]
      ignore = ["E203"]

      [tool.mypy]
      strict = true

      [tool.coverage.report]
      fail_under = 90
    `;
    expectBlocked(edit("pyproject.toml", pyproject, replace(pyproject, 'ignore = ["E203"]', 'ignore = ["E203", "F401"]')), "config-loosened");
    expectBlocked(edit("pyproject.toml", pyproject, replace(pyproject, "strict = true", "strict = false")), "config-loosened");
    expectBlocked(edit("pyproject.toml", pyproject, replace(pyproject, "fail_under = 90", "fail_under = 60")), "config-loosened");
    expectBlocked(edit("pyproject.toml", pyproject, replace(pyproject, "line-length = 100", "line-length = 200")), "config-loosened");
    expectBlocked(edit("pyproject.toml", pyproject, replace(pyproject, 'select = ["E", "F", "B"]', 'select = ["E", "F"]')), "config-loosened");
    expectPassed(edit("pyproject.toml", pyproject, replace(pyproject, "fail_under = 90", "fail_under = 92")));
    const cfg = code`
      [flake8]
      max-line-length = 100
      extend-ignore =
          E203
    `;
    expectBlocked(edit("setup.cfg", cfg, replace(cfg, "    E203\n", "    E203,\n    W503\n")), "config-loosened");
    expectPassed(edit("setup.cfg", cfg, replace(cfg, "max-line-length = 100", "max-line-length = 88")));
  });

  it("checkstyle.xml and its suppressions: blocks a removed check, a lowered severity and a new suppression", () => {
    const cs = code`
      <module name="Checker">
        <property name="severity" value="error"/>
        <module name="TreeWalker">
          <module name="MagicNumber"/>
          <module name="LineLength">
            <property name="max" value="120"/>
          </module>
        </module>
      </module>
    `;
    expectBlocked(edit("config/checkstyle/checkstyle.xml", cs, replace(cs, '    <module name="MagicNumber"/>\n', "")), "config-loosened");
    expectBlocked(edit("config/checkstyle/checkstyle.xml", cs, replace(cs, '<property name="severity" value="error"/>', '<property name="severity" value="warning"/>')), "config-loosened");
    expectBlocked(edit("config/checkstyle/checkstyle.xml", cs, replace(cs, '<property name="max" value="120"/>', '<property name="max" value="250"/>')), "config-loosened");
    const sup = '<?xml version="1.0"?>\n<suppressions>\n</suppressions>\n';
    expectBlocked(edit("config/checkstyle/suppressions.xml", sup, sup.replace("<suppressions>\n", '<suppressions>\n  <suppress checks="MagicNumber" files="Calculator.java"/>\n')), "config-loosened");
    expectPassed(edit("config/checkstyle/checkstyle.xml", cs, replace(cs, '<property name="max" value="120"/>', '<property name="max" value="100"/>')));
  });

  it("tsconfig.json: blocks strict off and skipLibCheck on, passes a new path alias", () => {
    const tsconfig = code`
      {
        "compilerOptions": {
          "strict": true,
          "noImplicitAny": true,
          "target": "ES2022"
        }
      }
    `;
    expectBlocked(edit("tsconfig.json", tsconfig, replace(tsconfig, '"strict": true', '"strict": false')), "config-loosened");
    expectBlocked(edit("tsconfig.json", tsconfig, replace(tsconfig, '"noImplicitAny": true', '"noImplicitAny": false')), "config-loosened");
    expectPassed(edit("tsconfig.json", tsconfig, replace(tsconfig, '"target": "ES2022"', '"target": "ES2022",\n    "paths": { "@/*": ["./src/*"] }')));
    expectPassed(edit("tsconfig.json", tsconfig, replace(tsconfig, "  }\n}", '  },\n  "exclude": ["node_modules", "dist", "tools/harness/target"]\n}')));
    expectBlocked(edit("tsconfig.json", tsconfig, replace(tsconfig, "  }\n}", '  },\n  "exclude": ["src/legacy"]\n}')), "config-loosened");
  });

  it("Maven: blocks skipping checkstyle and a dropped -Werror", () => {
    const pom = code`
      <project>
        <build>
          <plugins>
            <plugin>
              <artifactId>maven-checkstyle-plugin</artifactId>
              <configuration>
                <failOnViolation>true</failOnViolation>
              </configuration>
            </plugin>
            <plugin>
              <artifactId>maven-compiler-plugin</artifactId>
              <configuration>
                <compilerArgs>
                  <arg>-Werror</arg>
                </compilerArgs>
              </configuration>
            </plugin>
          </plugins>
        </build>
      </project>
    `;
    expectBlocked(edit("pom.xml", pom, replace(pom, "<failOnViolation>true</failOnViolation>", "<failOnViolation>false</failOnViolation>")), "config-loosened");
    expectBlocked(edit("pom.xml", pom, replace(pom, "            <arg>-Werror</arg>\n", "")), "config-loosened");
  });
});

describe("protected paths and size", () => {
  it("blocks paths outside the repository, git metadata and secrets", () => {
    const outside = "diff --git a/../etc/passwd b/../etc/passwd\n--- a/../etc/passwd\n+++ b/../etc/passwd\n@@ -1 +1 @@\n-root\n+toor\n";
    expect(checkPatch(outside).findings.map((f) => f.rule)).toContain("path-outside-repo");
    const absolute = "--- /etc/hosts\n+++ /etc/hosts\n@@ -1 +1 @@\n-a\n+b\n";
    expect(checkPatch(absolute).findings.map((f) => f.rule)).toContain("path-outside-repo");
    expectBlocked(edit(".git/hooks/pre-commit", "#!/bin/sh\nnpm test\n", "#!/bin/sh\nexit 0\n"), "protected-path");
    for (const path of [".env", "config/.env.production", "certs/server.pem", "deploy/id_rsa", "config/credentials.json", ".npmrc"]) {
      expectBlocked(edit(path, "A=1\n", "A=2\n"), "protected-path");
    }
    expectPassed(edit(".env.example", "API_URL=\n", "API_URL=http://localhost:3000\n"));
  });

  it("blocks a fix over the size limits and passes one within them", () => {
    const many = Array.from({ length: 4 }, (_, i) => ({ path: `src/m${i}.py`, before: "x = 1\n", after: "x = 2\n" }));
    expectBlocked(many, "fix-too-large", { maxFiles: 3 });
    expectPassed(many, { maxFiles: 4 });
    const long = { path: "src/big.py", before: "a = 0\n", after: Array.from({ length: 30 }, (_, i) => `a${i} = ${i}`).join("\n") };
    expectBlocked([long], "fix-too-large", { maxChangedLines: 20 });
  });

  it("reports the same findings for a diff and for the whole files", () => {
    const files = edit(WF, workflow, replace(workflow, "run: npm test", "run: npm test || true"));
    const { patch, whole } = check(files);
    expect(patch).toEqual(whole);
    expect(gitDiff(files)).toContain("+        run: npm test || true");
  });
});
