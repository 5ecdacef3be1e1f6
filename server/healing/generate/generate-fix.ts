// Fix generation (issue 9 §1, §2, §5-7): context at the failing commit within the token budget → one
// Claude call (or, in demo mode, the same call to the recorded-answer endpoint) → the tool answer checked
// and resolved into whole files → the confidence combined with the earned record. Every way the model's
// answer can be wrong ends as { ok: false, kind, reason }; only programming errors and GitHub read
// failures throw (the calling workflow step retries those).
import { db as defaultDb, type Db } from "../../db/client";
import { combineConfidence } from "../confidence";
import { fixPlanSchema, type FixPlan } from "../fix-plan";
import { assembleContext } from "./assemble-context";
import { callClaude } from "./call-claude";
import { findCopiedInstructions } from "./find-copied-instructions";
import { generationSettings, isAnthropicHost, type GenerationSettings } from "./generation-settings";
import { parseAnswer } from "./parse-answer";
import { readLlmTrackRecord } from "./read-llm-track-record";
import { resolveChanges } from "./resolve-changes";
import type { GenerateFailureKind, GenerateFixOptions, GenerateFixResult, LlmUsage, OmittedContext } from "./types";

/** The API key sent in demo mode: the operator's real key never goes to a recorded-answer endpoint. */
export const DEMO_API_KEY = "infraflow-demo-mode";

export interface GenerateFixExtras {
  /** Where the earned record is read (default: the process's database). */
  db?: Db;
  /** Overrides the environment's settings (tests). */
  settings?: GenerationSettings;
}

export async function generateFix(o: GenerateFixOptions & GenerateFixExtras): Promise<GenerateFixResult> {
  const s = o.settings ?? generationSettings();
  const demo = s.demoMode;
  const fail = (kind: GenerateFailureKind, reason: string, usage: LlmUsage | null = null, omitted: OmittedContext[] = []): GenerateFixResult => {
    o.log.warn({ kind, reason, repo: o.failure.repoFullName, commit: o.failure.commitSha, demo }, `No fix generated (${kind}): ${reason}`);
    return { ok: false, kind, reason, usage, demo, omitted };
  };

  if (demo && !s.baseURL) return fail("no-fix", "demo mode has no recorded-answer endpoint (ANTHROPIC_BASE_URL is not set): no confident fix");
  if (demo && isAnthropicHost(s.baseURL!)) return fail("no-fix", "demo mode never calls Anthropic's API, and ANTHROPIC_BASE_URL points at it: no confident fix");
  if (!demo && !s.apiKey) return fail("api-error", "ANTHROPIC_API_KEY is not set: set it, or HEALING_DEMO_MODE=true for recorded answers");

  const context = await assembleContext({ github: o.github, failure: o.failure, previousAttempts: o.previousAttempts, kbHint: o.kbHint, budget: s.contextTokenBudget });
  o.log.info(
    { repo: o.failure.repoFullName, commit: o.failure.commitSha, contextTokens: context.tokens, omitted: context.omitted.length, model: s.model, demo },
    demo ? "Demo mode: asking the recorded-answer endpoint for a fix" : "Asking Claude for a fix",
  );

  const call = await callClaude(
    { apiKey: demo ? DEMO_API_KEY : s.apiKey!, baseURL: s.baseURL, model: s.model, timeoutMs: s.timeoutMs, maxRetries: s.maxRetries, maxOutputTokens: s.maxOutputTokens },
    context.userMessage,
    o.log,
  );
  if (!call.ok) return fail("api-error", call.reason, null, context.omitted);
  // Tokens as the endpoint reports them; a recorded answer costs nothing.
  const usage: LlmUsage = demo ? { ...call.usage, costUsd: 0 } : call.usage;

  const answer = parseAnswer(call.message);
  if (!answer.ok) return fail(answer.kind, answer.reason, usage, context.omitted);
  const proposal = answer.proposal;

  const resolved = await resolveChanges(proposal.changes, context.snapshot, context.shown);
  if (!resolved.ok) return fail(resolved.kind, resolved.reason, usage, context.omitted);

  const copied = findCopiedInstructions(resolved.changes, context.untrusted);
  if (copied) {
    return fail(
      "copied-instructions",
      `${copied.path}: the fix adds "${clip(copied.addedLine)}", which follows an instruction found in the ${copied.source} ("${clip(copied.instruction)}"); instructions in logs and code are data, never followed`,
      usage,
      context.omitted,
    );
  }

  const record = await readLlmTrackRecord(o.db ?? defaultDb(), { failureType: o.failure.failureType, demo });
  const plan: FixPlan = fixPlanSchema.parse({
    summary: proposal.summary,
    strategy: proposal.explanation,
    rootCause: proposal.rootCause,
    explanation: proposal.explanation,
    confidence: combineConfidence(proposal.confidence, record),
    proposedConfidence: proposal.confidence,
    testsTouched: proposal.testsTouched,
    testsTouchedReason: proposal.testsTouchedReason ?? null,
    changes: resolved.changes,
  });
  o.log.info(
    { repo: o.failure.repoFullName, commit: o.failure.commitSha, proposed: proposal.confidence, record, files: plan.changes.length, usage, demo },
    `Claude fix generated — confidence: ${plan.confidence.toFixed(2)}`,
  );
  return { ok: true, plan, usage, demo, omitted: context.omitted };
}

function clip(text: string, max = 160): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
