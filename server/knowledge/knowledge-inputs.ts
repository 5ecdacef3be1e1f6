// zod schemas of the knowledge-base inputs, for the tRPC routers and REST routes (runbook §6) and for
// whatever records fixes and outcomes, so every way in validates the same way.
import { z } from "zod";
import { FAILURE_TYPES } from "../analysis/failure-types";
import { FIX_OUTCOMES } from "./types";

export const failureKeyInput = z.object({
  failureType: z.enum(FAILURE_TYPES),
  signature: z.string().regex(/^[0-9a-f]{16,128}$/i),
  signatureText: z.string().min(1).max(100_000),
});

export const listPatternsInput = z.object({
  failureType: z.enum(FAILURE_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const patternIdInput = z.object({ id: z.uuid() });

export const recordFixInput = z.object({
  failure: failureKeyInput,
  strategy: z.string().min(1).max(10_000),
  changes: z
    .array(
      z.object({
        path: z.string().min(1).max(1_024),
        diff: z.string().max(1_000_000).optional(),
        content: z.string().max(5_000_000).optional(),
        originalContent: z.string().max(5_000_000).nullable().optional(),
      }),
    )
    .min(1)
    .max(200),
});

export const recordFixOutcomeInput = z.object({
  fixId: z.uuid(),
  outcome: z.enum(FIX_OUTCOMES),
  signature: z.string().regex(/^[0-9a-f]{16,128}$/i).optional(),
});
