// The feedback loop (runbook §4.2 step 6): applied, succeeded, failed or rejected, counted on the fix,
// and its confidence recomputed from the counts (fix-confidence.ts). When the outcome is for a failure
// whose own pattern does not link to the fix yet (it came from a similar pattern), the link is made, with
// the similarity of the two patterns as its weight, so the next identical failure matches exactly.
import { AppError } from "../errors";
import { fixConfidence } from "./fix-confidence";
import { currentKbContext, type KbContextOptions } from "./kb-context";
import { signatureSimilarity } from "./signature-similarity";
import { FIX_OUTCOMES, type FixOutcome, type KbFix } from "./types";

export interface RecordFixOutcomeInput {
  fixId: string;
  outcome: FixOutcome;
  /** Signature of the failure the fix was used for, when known. */
  signature?: string;
}

export async function recordFixOutcome(input: RecordFixOutcomeInput, options: KbContextOptions & { now?: Date } = {}): Promise<KbFix> {
  const { kb, log } = currentKbContext(options);
  if (!FIX_OUTCOMES.includes(input.outcome)) throw new AppError("BAD_REQUEST", `Unknown fix outcome ${String(input.outcome)}`);
  const fix = await kb.recordOutcome({ fixId: input.fixId, outcome: input.outcome, at: options.now ?? new Date(), confidence: fixConfidence });
  if (!fix) throw new AppError("NOT_FOUND", `No knowledge-base fix ${input.fixId}`);

  const origins = await kb.patternsOfFix(fix.id);
  let signature = input.signature ?? origins[0]?.signature;
  if (input.signature && !origins.some((p) => p.signature === input.signature)) {
    const own = await kb.findPattern(input.signature);
    if (own) {
      const weight = Math.max(0, ...origins.map((o) => signatureSimilarity(own.pattern.signatureText, o.signatureText)));
      await kb.linkFix({ signature: input.signature, fixId: fix.id, weight });
    } else {
      signature = origins[0]?.signature ?? input.signature;
    }
  }
  if (input.outcome !== "applied") {
    log.info({ fixId: fix.id, outcome: input.outcome, confidence: fix.confidence }, `Updated KB confidence for pattern: ${signature ?? fix.id}`);
  }
  return fix;
}
