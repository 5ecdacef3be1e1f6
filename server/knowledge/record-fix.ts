// Stores a fix for a failure's pattern: called when an LLM fix was approved or applied, so the next
// occurrence can take the fast path once the fix has earned enough confidence. The same changes recorded
// again for the same pattern are the same fix (its counts keep growing instead of starting over).
import { AppError } from "../errors";
import { isFailureType } from "../analysis/failure-types";
import { fixContentHash, normalizeFixChanges, type FileChangeInput } from "./fix-changes";
import { currentKbContext, type KbContextOptions } from "./kb-context";
import { signatureBands } from "./signature-similarity";
import type { FailureKey, KbFix, KbPattern } from "./types";

export interface RecordFixInput {
  failure: FailureKey;
  /** What the fix does, in a sentence or two (runbook §7 Fix.strategy). */
  strategy: string;
  changes: FileChangeInput[];
}

export async function recordFix(
  input: RecordFixInput,
  options: KbContextOptions & { now?: Date } = {},
): Promise<{ pattern: KbPattern; fix: KbFix; created: boolean }> {
  const { kb, log } = currentKbContext(options);
  const { failure } = input;
  if (!isFailureType(failure.failureType)) throw new AppError("BAD_REQUEST", `Unknown failure type ${failure.failureType}`);
  if (!/^[0-9a-f]{16,128}$/i.test(failure.signature)) throw new AppError("BAD_REQUEST", "A failure signature is a hex fingerprint");
  const strategy = input.strategy.trim();
  if (!strategy) throw new AppError("BAD_REQUEST", "A fix needs a strategy (what it does)");
  const changes = normalizeFixChanges(input.changes);
  const result = await kb.addFix({
    pattern: { ...failure, bands: signatureBands(failure.failureType, failure.signatureText) },
    fix: { strategy, changes, contentHash: fixContentHash(changes) },
    at: options.now ?? new Date(),
  });
  log.info({ fixId: result.fix.id, patternId: result.pattern.id, created: result.created }, "Recorded fix in the knowledge base");
  return result;
}
