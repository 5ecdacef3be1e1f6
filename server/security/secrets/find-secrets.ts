// Hard-coded secrets: secretlint's recommended rules (its programmatic API, its rules untouched), plus
// high-entropy literals assigned to password / secret / token / key names, which no provider-specific
// pattern knows. The secret itself never leaves this function: findings carry a masked copy.
import { lintSource } from "@secretlint/core";
import { creator as recommended } from "@secretlint/secretlint-rule-preset-recommend";
import { finding, type Finding } from "../catalog";
import { maskSecret } from "./mask-secret";
import { shannonEntropy } from "./shannon-entropy";

const config = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommended }] };

// name = "value" / name: 'value' / NAME=value (env files) / "name": "value"
const ASSIGNMENT = /(?<name>[A-Za-z_][\w.-]*)["']?\s*(?::=|=>|=|:)\s*(?:(?<q>["'`])(?<quoted>[^"'`\r\n]{8,200})\k<q>|(?<bare>[^\s"'`#;,]{12,200})\s*$)/gm;
const PASSWORD_NAME = /pass(word|wd|phrase)?$|^pwd$|_pwd$|passwd/i;
const SECRET_NAME = /secret|token|api[_.-]?key|apikey|access[_.-]?key|private[_.-]?key|client[_.-]?secret|credential|auth[_.-]?key|(^|[_.-])key$|password|passwd/i;
const NOT_A_SECRET_NAME = /(url|uri|path|file|dir|endpoint|header|name|field|length|type|format|prefix|env|var)$/i;
// Also lowercase words joined by separators (an identifier or a label, not a generated credential).
const PLACEHOLDER = /^[a-z][\w+.-]*:\/\/|^[a-z]+([-_. ][a-z]+)*$|^(\$\{?|\{\{|<|%\(|process\.env|os\.environ|env\(|changeme|change[_-]?me|your[_-]|example|dummy|placeholder|secret|password|xxx|\*{3})|^[a-z]+(\.[a-z]+)+$|^[\w-]+\/[\w-]+$|^(true|false|null|none|undefined)$/i;

export async function findSecrets(file: string, text: string): Promise<Finding[]> {
  const out: Finding[] = [];
  const result = await lintSource({ source: { filePath: file, content: text, contentType: "text" }, options: { config, maskSecrets: false } });
  const flagged = new Set<number>();
  for (const m of result.messages) {
    const line = m.loc.start.line;
    flagged.add(line);
    const raw = text.slice(m.range[0], m.range[1]);
    const kind = (m.messageId ?? m.ruleId).replace(/_/g, " ").toLowerCase();
    out.push(
      finding("secret.hardcoded", { file, line }, `Hard-coded secret: ${kind} (${m.ruleId.replace("@secretlint/secretlint-rule-", "secretlint ")})`, {
        scanner: "secretlint",
        ruleId: `secretlint.${m.ruleId.replace("@secretlint/secretlint-rule-", "")}${m.messageId ? `.${m.messageId}` : ""}`,
        evidence: maskSecret(raw),
        ...(/PRIVATE[_ ]KEY|AWS|GCP|AZURE/i.test(kind) ? { severity: "CRITICAL" as const } : {}),
      }),
    );
  }
  for (const f of entropyAssignments(file, text)) if (!flagged.has(f.line!)) out.push(f);
  return out;
}

/** Literal values assigned to secret-like names that look random enough to be real credentials. */
export function entropyAssignments(file: string, text: string): Finding[] {
  const out: Finding[] = [];
  const seen = new Set<number>();
  for (const m of text.matchAll(ASSIGNMENT)) {
    const name = m.groups!.name!;
    const value = m.groups!.quoted ?? m.groups!.bare!;
    if (!SECRET_NAME.test(name) || NOT_A_SECRET_NAME.test(name) || PLACEHOLDER.test(value) || /\s/.test(value)) continue;
    const password = PASSWORD_NAME.test(name);
    const entropy = shannonEntropy(value);
    const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;
    const strongEnough = password ? entropy >= 3 && classes >= 2 : value.length >= 16 && entropy >= 3.5 && classes >= 2;
    if (!strongEnough) continue;
    const line = text.slice(0, m.index).split("\n").length;
    if (seen.has(line)) continue;
    seen.add(line);
    out.push(
      finding("secret.hardcoded", { file, line }, `Hard-coded secret: a high-entropy value is assigned to ${name}`, {
        scanner: "entropy",
        ruleId: password ? "secret.hardcoded-password" : "secret.high-entropy-assignment",
        evidence: maskSecret(value),
      }),
    );
  }
  return out;
}
