// cargo build / test / clippy / fmt.
import { rule } from "./rule";

export const rustRules = [
  rule({
    id: "cargo.lockfile",
    pattern: /the lock file \S+ needs to be updated but --(locked|frozen) was passed/,
    type: "DEPENDENCY_CONFLICT",
    weight: 10,
    examples: ["error: the lock file /home/runner/work/app/app/Cargo.lock needs to be updated but --locked was passed to prevent this"],
  }),
  rule({
    id: "cargo.version-conflict",
    pattern: /failed to select a version for `[^`]+` which could resolve this conflict|^error: failed to select a version for `[^`]+`\.$/,
    type: "DEPENDENCY_CONFLICT",
    weight: 9,
    examples: ["failed to select a version for `openssl-sys` which could resolve this conflict"],
  }),
  rule({
    id: "cargo.not-found",
    pattern: /no matching package named `[^`]+` found|failed to select a version for the requirement `[^`]+`|failed to get `[^`]+` as a dependency of package|failed to load source for dependency `[^`]+`/,
    type: "DEPENDENCY_RESOLUTION",
    weight: 9,
    examples: ["error: no matching package named `serde_jsn` found", "error: failed to select a version for the requirement `tokio = \"^9.0\"`"],
  }),
  rule({
    id: "cargo.toolchain",
    pattern: /requires rustc [\d.]+ or newer|cannot be built because it requires rustc|feature `[\w-]+` is required/,
    type: "CONFIGURATION",
    weight: 8,
    examples: ["error: package `clap_lex v0.7.0` cannot be built because it requires rustc 1.74 or newer, while the currently active rustc version is 1.70.0"],
  }),
  rule({
    id: "clippy.lint",
    pattern: /clippy::|rust-clippy/,
    type: "LINT",
    weight: 8,
    start: false,
    examples: ["  = note: `-D clippy::needless-return` implied by `-D warnings`", "  = help: for further information visit https://rust-lang.github.io/rust-clippy/master/index.html#needless_return"],
  }),
  rule({
    id: "rustc.deny-warnings",
    pattern: /implied by `-D warnings`|#\[deny\(warnings\)\]/,
    type: "BUILD_COMPILE",
    weight: 6,
    start: false,
    examples: ["  = note: `-D unused-variables` implied by `-D warnings`"],
  }),
  rule({
    id: "rustc.error",
    pattern: /^error\[E\d{4}\]: /,
    type: "BUILD_COMPILE",
    weight: 8,
    examples: ["error[E0308]: mismatched types"],
  }),
  rule({
    id: "cargo.could-not-compile",
    pattern: /^error: could not compile `[^`]+`/,
    type: "BUILD_COMPILE",
    weight: 5,
    examples: ["error: could not compile `app` (lib) due to 2 previous errors"],
  }),
  rule({
    id: "cargo.test-failed",
    pattern: /^test \S+ \.\.\. FAILED$|^test result: FAILED\.|^error: test failed, to rerun pass|^error: \d+ targets? failed:/,
    type: "TEST_FAILURE",
    weight: 8,
    examples: ["test orders::tests::total_includes_tax ... FAILED", "test result: FAILED. 11 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s", "error: test failed, to rerun pass `--lib`"],
  }),
  rule({
    id: "rust.panicked",
    pattern: /^thread '.+' panicked at /,
    type: "TEST_FAILURE",
    weight: 5,
    examples: ["thread 'orders::tests::total_includes_tax' panicked at src/orders.rs:42:9:"],
  }),
];
