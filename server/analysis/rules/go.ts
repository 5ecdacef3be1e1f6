// go build / go test / go mod and golangci-lint / go vet.
import { rule } from "./rule";

const GOLANGCI_LINTERS =
  /\((errcheck|govet|staticcheck|unused|gosimple|ineffassign|typecheck|revive|gofmt|gofumpt|goimports|gocritic|gosec|misspell|lll|stylecheck|unparam|dupl|goconst|gocyclo|nakedret|prealloc|bodyclose|noctx|exhaustive|nolintlint|errorlint|wrapcheck|godot|whitespace|gci|[a-z]+lint|[a-z]+check)\)$/;

export const goRules = [
  rule({
    id: "go.build-failed",
    keywords: ["[build failed]"],
    pattern: /^FAIL\s+\S+\s+\[build failed\]/,
    type: "BUILD_COMPILE",
    weight: 9,
    summary: true,
    examples: ["FAIL\tgithub.com/acme/shop/internal/orders [build failed]"],
  }),
  rule({
    id: "go.setup-failed",
    keywords: ["[setup failed]"],
    pattern: /^FAIL\s+\S+\s+\[setup failed\]/,
    type: "DEPENDENCY_RESOLUTION",
    weight: 6,
    summary: true,
    examples: ["FAIL\tgithub.com/acme/shop/internal/orders [setup failed]"],
  }),
  rule({
    id: "go.test-failed",
    keywords: ["--- fail:", "test timed out"],
    pattern: /^\s*--- FAIL: \S+|^panic: test timed out after/,
    type: "TEST_FAILURE",
    weight: 7,
    examples: ["--- FAIL: TestOrderTotal (0.00s)", "    --- FAIL: TestOrderTotal/with_tax (0.00s)", "panic: test timed out after 10m0s"],
  }),
  rule({
    id: "go.package-failed",
    keywords: ["^fail"],
    pattern: /^FAIL\s+\S+\s+[\d.]+s$/,
    type: "TEST_FAILURE",
    weight: 7,
    summary: true,
    examples: ["FAIL\tgithub.com/acme/shop/internal/orders\t0.012s"],
  }),
  rule({
    id: "go.lint",
    keywords: [".go:"],
    pattern: GOLANGCI_LINTERS,
    accept: (m) => m.input.includes(".go:"),
    type: "LINT",
    weight: 7,
    examples: ["internal/orders/total.go:14:2: Error return value of `f.Close` is not checked (errcheck)", "internal/orders/total.go:9: File is not `gofmt`-ed with `-s` (gofmt)"],
  }),
  rule({
    id: "go.format-diff",
    keywords: ["^diff ", "issues:"],
    // gofmt -d / goimports -d print a diff per file; golangci-lint v2 ends with "N issues:" and a count per linter.
    pattern: /^diff (-u )?\S+\.go\.orig \S+\.go$|^\d+ issues?:$/,
    accept: (m) => !m[0].startsWith("0 "),
    type: "LINT",
    weight: 6,
    examples: ["diff -u internal/orders/total.go.orig internal/orders/total.go", "3 issues:"],
  }),
  rule({
    id: "go.vet-typecheck",
    keywords: ["^vet: ", "^level=error"],
    // go vet and golangci-lint stop here when the package does not type-check: a compile error.
    pattern: /^vet: \S+\.go:\d+:\d+: |^level=error msg="\[linters_context\] typechecking error/,
    type: "BUILD_COMPILE",
    weight: 6,
    examples: ["vet: internal/orders/total.go:14:9: undefined: taxRate", 'level=error msg="[linters_context] typechecking error: internal/orders/total.go:14:9: undefined: taxRate"'],
  }),
  rule({
    id: "go.lint-run-error",
    keywords: ["^level=error"],
    pattern: /^level=error msg="Running error/,
    type: "LINT",
    weight: 6,
    examples: ['level=error msg="Running error: 1 error occurred:\n\t* can\'t run linter goanalysis_metalinter: buildir: failed to load package"'],
  }),
  rule({
    id: "go.module-sync",
    keywords: ["missing go.sum entry", "updates to go.mod needed", "checksum mismatch", "security error", "inconsistent vendoring"],
    pattern: /missing go\.sum entry|go: updates to go\.mod needed|checksum mismatch|SECURITY ERROR|go: inconsistent vendoring/,
    type: "DEPENDENCY_CONFLICT",
    weight: 8,
    examples: ["main.go:5:2: missing go.sum entry for module providing package github.com/google/uuid (imported by github.com/acme/shop); to add:", "go: updates to go.mod needed; to update it:"],
  }),
  rule({
    id: "go.toolchain",
    keywords: ["go.mod requires go", "cannot find main module", "go.mod file not found", "maximum supported version", "toolchain not available"],
    pattern: /go\.mod requires go >= [\d.]+|go: cannot find main module|go\.mod file not found in current directory|maximum supported version is|go: download go[\d.]+ for \S+: toolchain not available/,
    type: "CONFIGURATION",
    weight: 8,
    examples: ["go: go.mod requires go >= 1.22.0 (running go 1.21.6; GOTOOLCHAIN=local)"],
  }),
  rule({
    id: "go.module-not-found",
    keywords: ["no required module provides", "cannot find module providing", "unknown revision", "go: ", "module ", "cannot find package", "is not in goroot", "is not in std"],
    pattern: /no required module provides package|cannot find module providing package|cannot find package "[^"]+" in any of|package \S+ is not in (GOROOT|std)|module \S+: (not found|reading \S+: 404|unknown revision)|unknown revision \S+|invalid version: unknown revision|go: \S+@\S+: (reading|invalid version)/,
    type: "DEPENDENCY_RESOLUTION",
    weight: 8,
    examples: [
      "internal/api/server.go:8:2: no required module provides package github.com/acme/missing; to add it:",
      "go: github.com/acme/lib@v1.9.9: reading https://proxy.golang.org/github.com/acme/lib/@v/v1.9.9.info: 404 Not Found",
      'main.go:6:2: cannot find package "github.com/acme/pricing" in any of:',
    ],
  }),
  rule({
    id: "go.compile",
    keywords: [".go:"],
    // The compiler's and go vet's form: vet's findings are LINT when vet (or a linter) is what runs.
    pattern: /^(\.\/)?[\w./-]+\.go:\d+:\d+: \S/,
    type: (_m, phase) => (phase === "LINT" ? "LINT" : "BUILD_COMPILE"),
    weight: 6,
    examples: ["internal/orders/total.go:14:9: undefined: taxRate", "./main.go:12:5: cannot use x (variable of type int) as string value in argument to fmt.Println"],
  }),
  rule({
    id: "go.package-header",
    keywords: ["^# "],
    pattern: /^# [\w.-]+(\/[\w.-]+)+( \[[\w./-]+\.test\])?$/,
    weight: 1,
    boilerplate: true,
    examples: ["# github.com/acme/shop/internal/orders"],
  }),
  rule({
    id: "go.panic",
    keywords: ["^panic: "],
    pattern: /^panic: /,
    weight: 3,
    examples: ["panic: runtime error: invalid memory address or nil pointer dereference [recovered]"],
  }),
];
