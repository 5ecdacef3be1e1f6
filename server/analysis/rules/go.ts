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
    examples: ["FAIL\tgithub.com/acme/app/internal/orders [build failed]"],
  }),
  rule({
    id: "go.setup-failed",
    keywords: ["[setup failed]"],
    pattern: /^FAIL\s+\S+\s+\[setup failed\]/,
    type: "DEPENDENCY_RESOLUTION",
    weight: 6,
    examples: ["FAIL\tgithub.com/acme/app/internal/orders [setup failed]"],
  }),
  rule({
    id: "go.test-failed",
    keywords: ["--- fail:", "^fail", "test timed out"],
    pattern: /^\s*--- FAIL: \S+|^FAIL\s+\S+\s+[\d.]+s$|^panic: test timed out after/,
    type: "TEST_FAILURE",
    weight: 7,
    examples: ["--- FAIL: TestOrderTotal (0.00s)", "    --- FAIL: TestOrderTotal/with_tax (0.00s)", "FAIL\tgithub.com/acme/app/internal/orders\t0.012s"],
  }),
  rule({
    id: "go.lint",
    keywords: [".go:"],
    pattern: GOLANGCI_LINTERS,
    accept: (m) => m.input.includes(".go:"),
    type: "LINT",
    weight: 7,
    examples: ["internal/orders/total.go:14:2: Error return value of `f.Close` is not checked (errcheck)"],
  }),
  rule({
    id: "go.vet",
    keywords: ["^vet: ", "^level=error"],
    pattern: /^vet: \S+\.go:\d+:\d+: |^level=error msg="\[linters_context\]|^level=error msg="Running error/,
    type: "LINT",
    weight: 6,
    examples: ["vet: internal/orders/total.go:14:2: fmt.Printf format %d has arg s of wrong type string"],
  }),
  rule({
    id: "go.module-sync",
    keywords: ["missing go.sum entry", "updates to go.mod needed", "checksum mismatch", "security error", "inconsistent vendoring"],
    pattern: /missing go\.sum entry|go: updates to go\.mod needed|checksum mismatch|SECURITY ERROR|go: inconsistent vendoring/,
    type: "DEPENDENCY_CONFLICT",
    weight: 8,
    examples: ["main.go:5:2: missing go.sum entry for module providing package github.com/google/uuid (imported by github.com/acme/app); to add:", "go: updates to go.mod needed; to update it:"],
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
    keywords: ["no required module provides", "cannot find module providing", "unknown revision", "go: ", "module "],
    pattern: /no required module provides package|cannot find module providing package|module \S+: (not found|reading \S+: 404|unknown revision)|unknown revision \S+|invalid version: unknown revision|go: \S+@\S+: (reading|invalid version)/,
    type: "DEPENDENCY_RESOLUTION",
    weight: 8,
    examples: [
      "internal/api/server.go:8:2: no required module provides package github.com/acme/missing; to add it:",
      "go: github.com/acme/lib@v1.9.9: reading https://proxy.golang.org/github.com/acme/lib/@v/v1.9.9.info: 404 Not Found",
    ],
  }),
  rule({
    id: "go.compile",
    keywords: [".go:"],
    pattern: /^(\.\/)?[\w./-]+\.go:\d+:\d+: \S/,
    type: "BUILD_COMPILE",
    weight: 6,
    examples: ["internal/orders/total.go:14:9: undefined: taxRate", "./main.go:12:5: cannot use x (variable of type int) as string value in argument to fmt.Println"],
  }),
  rule({
    id: "go.package-header",
    keywords: ["^# "],
    pattern: /^# [\w.-]+(\/[\w.-]+)+( \[[\w./-]+\.test\])?$/,
    weight: 1,
    boilerplate: true,
    examples: ["# github.com/acme/app/internal/orders"],
  }),
  rule({
    id: "go.panic",
    keywords: ["^panic: "],
    pattern: /^panic: /,
    weight: 3,
    examples: ["panic: runtime error: invalid memory address or nil pointer dereference [recovered]"],
  }),
];
