// pytest, pip, poetry, uv, and the usual Python linters (ruff, flake8, black, isort, pylint, mypy).
import { rule } from "./rule";

export const pythonRules = [
  rule({
    id: "python.lockfile",
    pattern: /pyproject\.toml changed significantly since poetry\.lock was last generated|poetry\.lock is not consistent with pyproject\.toml|The lockfile at `uv\.lock` needs to be updated|Pipfile\.lock \(\w+\) out of date/,
    type: "DEPENDENCY_CONFLICT",
    weight: 10,
    examples: ["pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock [--no-update]` to fix the lock file."],
  }),
  rule({
    id: "python.resolution-conflict",
    pattern: /ResolutionImpossible|Cannot install .* because these package versions have conflicting dependencies|version solving failed|No solution found when resolving dependencies|has requirement .*, but you have /,
    type: "DEPENDENCY_CONFLICT",
    weight: 9,
    examples: [
      "ERROR: Cannot install -r requirements.txt (line 3) and urllib3==2.0.0 because these package versions have conflicting dependencies.",
      "ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts",
      "Because app depends on both requests (2.31.0) and urllib3 (<1.21), version solving failed.",
      "  × No solution found when resolving dependencies:",
    ],
  }),
  rule({
    id: "python.requires-python",
    pattern: /Package '[^']+' requires a different Python|requires-python|Python version [\d.]+ is not supported|The currently activated Python version [\d.]+ is not supported/,
    type: "CONFIGURATION",
    weight: 8,
    examples: ["ERROR: Package 'app' requires a different Python: 3.8.18 not in '>=3.10'"],
  }),
  rule({
    id: "python.not-found",
    pattern: /No matching distribution found for \S+|Could not find a version that satisfies the requirement \S+|ModuleNotFoundError: No module named '[^']+'|ImportError: No module named \S+|Package \S+ not found in the package registry|Because \S+ depends on \S+ .* which doesn't match any versions/,
    type: "DEPENDENCY_RESOLUTION",
    weight: 7,
    examples: [
      "ERROR: Could not find a version that satisfies the requirement requestz==2.31.0 (from versions: none)",
      "ERROR: No matching distribution found for requestz==2.31.0",
      "E   ModuleNotFoundError: No module named 'yaml'",
    ],
  }),
  rule({
    id: "python.native-build",
    pattern: /Failed building wheel for \S+|subprocess-exited-with-error|error: command '[^']*(gcc|cc|clang|cl\.exe|g\+\+)' failed|Failed to build installable wheels/,
    type: "BUILD_COMPILE",
    weight: 3,
    examples: ["  ERROR: Failed building wheel for psycopg2"],
  }),
  rule({
    id: "pytest.summary",
    pattern: /^=+ .*\b(\d+) failed\b.* =+$/,
    type: "TEST_FAILURE",
    weight: 8,
    examples: ["=================== 2 failed, 31 passed, 1 skipped in 4.21s ===================="],
  }),
  rule({
    id: "pytest.failed",
    pattern: /^FAILED \S+::\S+|^=+ FAILURES =+$|^ERROR \S+::\S+/,
    type: "TEST_FAILURE",
    weight: 7,
    examples: ["FAILED tests/test_orders.py::test_total_includes_tax - assert 105 == 106", "=================================== FAILURES ==================================="],
  }),
  rule({
    id: "pytest.assert",
    pattern: /^E\s+(assert |AssertionError|Failed: )/,
    type: "TEST_FAILURE",
    weight: 5,
    examples: ["E       assert 105 == 106"],
  }),
  rule({
    id: "pytest.collection-error",
    pattern: /^=+ ERRORS =+$|^_+ ERROR collecting \S+ _+$|ImportError while importing test module|^ERROR collecting |Interrupted: \d+ errors? during collection/,
    weight: 3,
    examples: ["==================================== ERRORS ====================================", "ImportError while importing test module '/home/runner/work/app/app/tests/test_api.py'."],
  }),
  rule({
    id: "python.syntax-error",
    pattern: /^\s*(SyntaxError|IndentationError|TabError): /,
    type: "BUILD_COMPILE",
    weight: 5,
    examples: ["SyntaxError: invalid syntax", "E     IndentationError: unexpected indent"],
  }),
  rule({
    id: "python.traceback",
    pattern: /^Traceback \(most recent call last\):/,
    weight: 3,
    examples: ["Traceback (most recent call last):"],
  }),
  rule({
    id: "python.lint",
    pattern:
      /^\S+\.py:\d+:\d+: ([A-Z]{1,3}\d{2,4}|[CRWEF]\d{4}:) |^would reformat \S+|^Would reformat: |Oh no! 💥 💔 💥|\d+ files? would be reformatted|Imports are incorrectly sorted|fixable with the `--fix` option|^\S+\.py:\d+: error: .*\[[\w-]+\]$|Your code has been rated at \d/,
    type: "LINT",
    weight: 6,
    examples: [
      "src/app/models.py:3:1: F401 [*] `os` imported but unused",
      "./app/views.py:12:80: E501 line too long (88 > 79 characters)",
      "would reformat /home/runner/work/app/app/src/app/models.py",
      "ERROR: /home/runner/work/app/app/src/app/models.py Imports are incorrectly sorted and/or formatted.",
      "src/app/models.py:12: error: Incompatible types in assignment (expression has type \"str\", variable has type \"int\")  [assignment]",
      "app/views.py:1:0: C0114: Missing module docstring (missing-module-docstring)",
    ],
  }),
];
