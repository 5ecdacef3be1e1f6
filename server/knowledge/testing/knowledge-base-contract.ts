// The contract every KnowledgeBase adapter meets, exercised through the domain functions the healing
// engine and the dashboard call. Run by postgres-knowledge-base.test.ts and neo4j-knowledge-base.test.ts
// against the real engines.
import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { wilsonLowerBound } from "../fix-confidence";
import { getKnowledgeStats } from "../get-knowledge-stats";
import type { KnowledgeBase } from "../knowledge-base";
import { listPatternFixes } from "../list-pattern-fixes";
import { listPatterns } from "../list-patterns";
import { lookupFix } from "../lookup-fix";
import { recordFix } from "../record-fix";
import { recordFixOutcome } from "../record-fix-outcome";
import { signatureSimilarity } from "../signature-similarity";
import type { KbSettings } from "../kb-settings";
import type { FileChangeInput } from "../fix-changes";
import { capturingLogger, failure, OTHER_FIX, PATCH_FIX } from "./kb-fixtures";

const SETTINGS: KbSettings = { enabled: true, minConfidence: 0.7, minSuccessCount: 2, minSimilarity: 0.7 };

const symbolError = (name: string) =>
  failure("BUILD_COMPILE", `cannot find symbol symbol: class ${name} location: class app.Service`, "<ws>/src/main/java/app/Service.java:N: error: package app.util does not exist");

export function knowledgeBaseContract(name: string, setup: { kb: () => KnowledgeBase; reset: () => Promise<void> }) {
  describe(`KnowledgeBase contract: ${name}`, () => {
    const ctx = (extra: Partial<KbSettings> = {}) => {
      const logs = capturingLogger();
      return { options: { kb: setup.kb(), settings: { ...SETTINGS, ...extra }, log: logs.log }, messages: logs.messages };
    };

    beforeEach(async () => {
      await setup.reset();
    });

    async function proveFix(f = symbolError("Helper"), successes = 4, fix: { strategy: string; changes: FileChangeInput[] } = PATCH_FIX) {
      const { options } = ctx();
      const recorded = await recordFix({ failure: f, ...fix }, options);
      for (let i = 0; i < successes; i++) await recordFixOutcome({ fixId: recorded.fix.id, outcome: "succeeded" }, options);
      return recorded;
    }

    it("creates a pattern on first sight and tracks first/last seen and hits", async () => {
      const f = symbolError("Helper");
      const t0 = new Date("2026-01-01T10:00:00Z");
      const t1 = new Date("2026-01-02T10:00:00Z");
      const { options, messages } = ctx();
      const first = await lookupFix(f, { ...options, now: t0 });
      expect(first).toEqual({ hit: false, reason: "unknown" });
      expect(messages()).toEqual(["Knowledge Base MISS — calling Claude API"]);
      await lookupFix(f, { ...options, now: t1 });
      const [p] = await listPatterns({}, options);
      expect(p).toMatchObject({ signature: f.signature, failureType: "BUILD_COMPILE", signatureText: f.signatureText, hitCount: 0, fixCount: 0 });
      expect(p!.firstSeenAt.toISOString()).toBe(t0.toISOString());
      expect(p!.lastSeenAt.toISOString()).toBe(t1.toISOString());
    });

    it("records a fix as file changes and keeps one fix for the same changes", async () => {
      const f = symbolError("Helper");
      const { options, messages } = ctx();
      const a = await recordFix({ failure: f, ...PATCH_FIX }, options);
      const again = await recordFix({ failure: f, ...PATCH_FIX, strategy: "same change, other words" }, options);
      const other = await recordFix({ failure: f, ...OTHER_FIX }, options);
      expect(a.created).toBe(true);
      expect(again).toMatchObject({ created: false, fix: { id: a.fix.id } });
      expect(other.created).toBe(true);
      expect(a.fix).toMatchObject({ strategy: PATCH_FIX.strategy, confidence: 0, successCount: 0, failureCount: 0, appliedCount: 0 });
      expect(a.fix.changes).toEqual([
        expect.objectContaining({ path: "src/main/java/app/Service.java", content: PATCH_FIX.changes[0]!.content, diff: expect.stringContaining("+import app.common.Helper;") }),
      ]);
      const fixes = await listPatternFixes(a.pattern.id, options);
      expect(fixes.map((x) => x.id).sort()).toEqual([a.fix.id, other.fix.id].sort());
      expect(fixes.every((x) => x.weight === 1)).toBe(true);
      expect(messages().filter((m) => m === "Recorded fix in the knowledge base")).toHaveLength(3);
    });

    it("earns confidence from outcomes without calling one success 100%", async () => {
      const { options, messages } = ctx();
      const f = symbolError("Helper");
      const { fix } = await recordFix({ failure: f, ...PATCH_FIX }, options);
      await recordFixOutcome({ fixId: fix.id, outcome: "applied" }, options);
      const once = await recordFixOutcome({ fixId: fix.id, outcome: "succeeded" }, options);
      expect(once.confidence).toBeCloseTo(wilsonLowerBound(1, 1), 10);
      expect(once.confidence).toBeLessThan(0.5);
      await recordFixOutcome({ fixId: fix.id, outcome: "failed" }, options);
      const last = await recordFixOutcome({ fixId: fix.id, outcome: "rejected" }, options);
      expect(last).toMatchObject({ appliedCount: 1, successCount: 1, failureCount: 2, rejectedCount: 1 });
      expect(last.confidence).toBeCloseTo(wilsonLowerBound(1, 3), 10);
      const [stored] = await listPatternFixes((await listPatterns({}, options))[0]!.id, options);
      expect(stored).toMatchObject({ appliedCount: 1, successCount: 1, failureCount: 2, rejectedCount: 1 });
      expect(stored!.confidence).toBeCloseTo(last.confidence, 10);
      expect(messages().filter((m) => m.startsWith("Updated KB confidence"))).toEqual(
        Array(3).fill(`Updated KB confidence for pattern: ${f.signature}`),
      );
    });

    it("rejects outcomes for unknown fixes with NOT_FOUND", async () => {
      const { options } = ctx();
      for (const fixId of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
        await expect(recordFixOutcome({ fixId, outcome: "succeeded" }, options)).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
      await expect(listPatternFixes("00000000-0000-4000-8000-000000000000", options)).rejects.toBeInstanceOf(AppError);
    });

    it("hits on the exact signature only once the fix meets KB_MIN_CONFIDENCE and KB_MIN_SUCCESS_COUNT", async () => {
      const f = symbolError("Helper");
      const { fix } = await proveFix(f, 3); // 3/3 -> 0.65
      const early = ctx();
      const miss = await lookupFix(f, early.options);
      expect(miss).toMatchObject({ hit: false, reason: "unproven", hint: { fix: { id: fix.id }, match: "exact" } });
      await recordFixOutcome({ fixId: fix.id, outcome: "succeeded" }, early.options); // 4/4 -> 0.71
      const { options, messages } = ctx();
      const hit = await lookupFix(f, options);
      expect(hit).toMatchObject({ hit: true, match: "exact", similarity: 1, fix: { id: fix.id, successCount: 4 } });
      expect(hit.hit && hit.confidence).toBeCloseTo(wilsonLowerBound(4, 4), 10);
      expect(messages()).toEqual([`Knowledge Base HIT — confidence: ${wilsonLowerBound(4, 4).toFixed(2)}`]);
      expect(await lookupFix(f, ctx({ minSuccessCount: 5 }).options)).toMatchObject({ hit: false, reason: "unproven" });
      expect(await lookupFix(f, ctx({ minConfidence: 0.8 }).options)).toMatchObject({ hit: false, reason: "unproven" });
      const [p] = await listPatterns({}, options);
      expect(p!.hitCount).toBe(1);
    });

    it("prefers the most trusted fix of a pattern", async () => {
      const f = symbolError("Helper");
      await proveFix(f, 4, OTHER_FIX);
      const best = await proveFix(f, 8, PATCH_FIX);
      const hit = await lookupFix(f, ctx().options);
      expect(hit).toMatchObject({ hit: true, fix: { id: best.fix.id } });
      const fixes = await listPatternFixes(best.pattern.id, ctx().options);
      expect(fixes[0]!.id).toBe(best.fix.id);
      expect(fixes[0]!.confidence).toBeGreaterThan(fixes[1]!.confidence);
    });

    it("falls back to the most similar pattern of the same failure type above the threshold", async () => {
      const proven = await proveFix(symbolError("Helper"), 4);
      const near = symbolError("HelperUtil");
      const sim = signatureSimilarity(near.signatureText, proven.pattern.signatureText);
      expect(sim).toBeGreaterThan(0.7);
      expect(sim).toBeLessThan(1);
      const { options, messages } = ctx();
      const hit = await lookupFix(near, options);
      expect(hit).toMatchObject({ hit: true, match: "similar", fix: { id: proven.fix.id }, pattern: { id: proven.pattern.id } });
      expect(hit.hit && hit.similarity).toBeCloseTo(sim, 10);
      expect(messages()[0]).toMatch(/^Knowledge Base HIT — confidence: \d\.\d\d$/);
      // The answering pattern got the hit; the new failure got its own pattern, without a hit.
      const patterns = await listPatterns({}, options);
      expect(patterns.find((p) => p.id === proven.pattern.id)!.hitCount).toBe(1);
      expect(patterns.find((p) => p.signature === near.signature)).toMatchObject({ hitCount: 0, fixCount: 0 });

      // Its own pattern has no fix, and the proven one is not similar enough at 0.95: no hint either.
      expect(await lookupFix(near, ctx({ minSimilarity: 0.95 }).options)).toEqual({ hit: false, reason: "unknown" });
      const otherType = failure("TEST_FAILURE", ...symbolError("HelperUtil").signatureText.split("\n").slice(1));
      expect(await lookupFix(otherType, ctx().options)).toMatchObject({ hit: false, reason: "unknown" });
      const unrelated = failure("BUILD_COMPILE", "incompatible types: String cannot be converted to int", "<ws>/src/App.java:N");
      expect(await lookupFix(unrelated, ctx().options)).toMatchObject({ hit: false, reason: "unknown" });
    });

    it("takes the most similar pattern that has a proven fix, and counts the hit there", async () => {
      const line = "<ws>/src/main/java/app/Service.java:N: error: package app.util does not exist";
      const query = failure("BUILD_COMPILE", "cannot find symbol symbol: class Alpha location: class app.Service", line);
      const closer = failure("BUILD_COMPILE", "cannot find symbol symbol: class Alpha location: class app.Service", `${line} here`);
      const further = failure("BUILD_COMPILE", "cannot find symbol symbol: class Beta location: class app.Service", line);
      const simCloser = signatureSimilarity(query.signatureText, closer.signatureText);
      const simFurther = signatureSimilarity(query.signatureText, further.signatureText);
      expect(simCloser).toBeGreaterThan(simFurther);
      expect(simFurther).toBeGreaterThan(SETTINGS.minSimilarity);
      const unproven = await proveFix(closer, 1, OTHER_FIX);
      const proven = await proveFix(further, 4);
      const hit = await lookupFix(query, ctx().options);
      expect(hit).toMatchObject({ hit: true, match: "similar", pattern: { id: proven.pattern.id }, fix: { id: proven.fix.id } });
      expect(hit.hit && hit.similarity).toBeCloseTo(simFurther, 10);
      const patterns = await listPatterns({}, ctx().options);
      expect(patterns.find((p) => p.id === proven.pattern.id)!.hitCount).toBe(1);
      expect(patterns.find((p) => p.id === unproven.pattern.id)!.hitCount).toBe(0);
      // Without the proven one qualifying, the closer pattern's fix comes back as the hint.
      expect(await lookupFix(query, ctx({ minSuccessCount: 9 }).options)).toMatchObject({
        hit: false,
        reason: "unproven",
        hint: { match: "similar", fix: { id: unproven.fix.id } },
      });
    });

    it("finds similar candidates by shared band keys, ignoring keys too many patterns share", async () => {
      const kb = setup.kb();
      const at = new Date();
      const made = [];
      for (let i = 0; i < 4; i++) {
        const f = failure("LINT", `rule ${i}`);
        made.push((await kb.sightPattern({ pattern: { ...f, bands: ["hot", `own${i}`] }, qualifying: SETTINGS, at })).pattern);
      }
      await kb.sightPattern({ pattern: { ...failure("TEST_FAILURE", "other"), bands: ["cold"] }, qualifying: SETTINGS, at });
      const probe = failure("LINT", "probe").signature;
      const all = await kb.findSimilar({ bands: ["hot", "own1", "nowhere"], excludeSignature: probe, limit: 10, maxPatternsPerBand: 4 });
      expect(all).toHaveLength(4);
      expect(all[0]).toEqual({ id: made[1]!.id, failureType: "LINT", signatureText: "LINT\nrule 1", sharedBands: 2 });
      expect(all.slice(1).every((c) => c.sharedBands === 1)).toBe(true);
      const rare = await kb.findSimilar({ bands: ["hot", "own1"], excludeSignature: probe, limit: 10, maxPatternsPerBand: 3 });
      expect(rare).toEqual([{ id: made[1]!.id, failureType: "LINT", signatureText: "LINT\nrule 1", sharedBands: 1 }]);
      const others = await kb.findSimilar({ bands: ["hot"], excludeSignature: made[2]!.signature, limit: 2, maxPatternsPerBand: 4 });
      expect(others).toHaveLength(2);
      expect(others.map((c) => c.id)).not.toContain(made[2]!.id);

      const ids = [made[3]!.id, "00000000-0000-4000-8000-000000000000", made[0]!.id];
      const got = await kb.claimSimilar({ patternIds: ids, qualifying: SETTINGS, at });
      expect(got.map((p) => p.pattern.signature)).toEqual([made[3]!.signature, made[0]!.signature]);
      expect(got[0]!.fixes).toEqual([]);
      expect((await listPatterns({}, { kb })).every((p) => p.hitCount === 0)).toBe(true);
    });

    it("links a fix reused for a similar failure to that failure's pattern, weighted by similarity", async () => {
      const proven = await proveFix(symbolError("Helper"), 4);
      const near = symbolError("HelperUtil");
      const { options, messages } = ctx();
      expect(await lookupFix(near, options)).toMatchObject({ hit: true, match: "similar" });
      await recordFixOutcome({ fixId: proven.fix.id, outcome: "applied", signature: near.signature }, options);
      await recordFixOutcome({ fixId: proven.fix.id, outcome: "succeeded", signature: near.signature }, options);
      expect(messages().at(-1)).toBe(`Updated KB confidence for pattern: ${near.signature}`);
      const nearPattern = (await listPatterns({}, options)).find((p) => p.signature === near.signature)!;
      const [linked] = await listPatternFixes(nearPattern.id, options);
      expect(linked).toMatchObject({ id: proven.fix.id, successCount: 5, appliedCount: 1 });
      expect(linked!.weight).toBeCloseTo(signatureSimilarity(near.signatureText, proven.pattern.signatureText), 10);
      expect(await lookupFix(near, options)).toMatchObject({ hit: true, match: "exact", fix: { id: proven.fix.id } });
    });

    it("dashboard reads show only what the viewer may see, filtered in the engine's query (issue 11)", async () => {
      const { options } = ctx();
      const mine = await recordFix({ failure: symbolError("Mine"), ...PATCH_FIX }, options);
      const theirs = await recordFix({ failure: symbolError("Theirs"), ...OTHER_FIX }, options);
      // A fix learned elsewhere on a pattern the viewer also saw: the pattern is visible, that fix is not.
      const shared = await recordFix({ failure: symbolError("Mine"), ...OTHER_FIX }, options);
      const visible = { signatures: [mine.pattern.signature], fixIds: [mine.fix.id] };

      const patterns = await listPatterns({ visible }, options);
      expect(patterns.map((p) => p.id)).toEqual([mine.pattern.id]);
      expect(patterns[0]).toMatchObject({ fixCount: 1 });
      expect((await listPatternFixes(mine.pattern.id, { ...options, visible })).map((f) => f.id)).toEqual([mine.fix.id]);
      expect(shared.fix.id).not.toBe(mine.fix.id);
      await expect(listPatternFixes(theirs.pattern.id, { ...options, visible })).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect(await getKnowledgeStats({ ...options, visible })).toMatchObject({ totalPatterns: 1, totalFixes: 1 });
      expect(await getKnowledgeStats({ ...options, visible: { signatures: [], fixIds: [] } })).toMatchObject({ totalPatterns: 0, totalFixes: 0, topFailureTypes: [] });
      // Without a visibility (CLI, engines' own tests) everything is there.
      const all = await getKnowledgeStats(options);
      expect(all.totalPatterns).toBe(2);
      expect(all.totalFixes).toBeGreaterThan(1);
    });

    it("KB_ENABLED=false turns the fast path off", async () => {
      const f = symbolError("Helper");
      await proveFix(f, 6);
      const before = await getKnowledgeStats({ kb: setup.kb() });
      const { options, messages } = ctx({ enabled: false });
      expect(await lookupFix(f, options)).toEqual({ hit: false, reason: "disabled" });
      expect(messages()).toEqual(["Knowledge Base MISS — calling Claude API"]);
      expect(await getKnowledgeStats({ kb: setup.kb() })).toEqual(before);
    });

    it("counts every one of concurrent outcomes for the same fix", async () => {
      const { options } = ctx();
      const { fix } = await recordFix({ failure: symbolError("Helper"), ...PATCH_FIX }, options);
      const outcomes = [...Array(8).fill("succeeded"), ...Array(4).fill("failed"), ...Array(3).fill("applied"), "rejected"] as const;
      await Promise.all(outcomes.map((outcome) => recordFixOutcome({ fixId: fix.id, outcome }, options)));
      const [stored] = await listPatternFixes((await listPatterns({}, options))[0]!.id, options);
      expect(stored).toMatchObject({ successCount: 8, failureCount: 5, rejectedCount: 1, appliedCount: 3 });
      expect(stored!.confidence).toBeCloseTo(wilsonLowerBound(8, 13), 10);
    });

    it("keeps one fix when the same fix for a new pattern is recorded concurrently", async () => {
      const { options } = ctx();
      const f = symbolError("Helper");
      const results = await Promise.all(Array.from({ length: 4 }, () => recordFix({ failure: f, ...PATCH_FIX }, options)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.fix.id)).size).toBe(1);
      expect(await getKnowledgeStats(options)).toMatchObject({ totalPatterns: 1, totalFixes: 1 });
    });

    it("counts every one of concurrent hits on a pattern", async () => {
      const f = symbolError("Helper");
      await proveFix(f, 5);
      const results = await Promise.all(Array.from({ length: 6 }, () => lookupFix(f, ctx().options)));
      expect(results.every((r) => r.hit)).toBe(true);
      expect((await listPatterns({}, ctx().options))[0]!.hitCount).toBe(6);
    });

    it("reports stats, patterns by failure type and fixes of a pattern for the dashboard", async () => {
      const { options } = ctx();
      const empty = await getKnowledgeStats(options);
      expect(empty).toEqual({ totalPatterns: 0, totalFixes: 0, averageConfidence: 0, topFailureTypes: [] });
      const a = await proveFix(symbolError("Helper"), 4);
      await recordFix({ failure: symbolError("Helper"), ...OTHER_FIX }, options);
      await recordFix({ failure: failure("BUILD_COMPILE", "error TS2322: Type 'string' is not assignable to type 'number'."), ...OTHER_FIX }, options);
      const t = await recordFix({ failure: failure("TEST_FAILURE", "AssertionError: expected 2 to equal 3"), ...OTHER_FIX }, options);
      await lookupFix(symbolError("Helper"), options);

      const stats = await getKnowledgeStats(options);
      expect(stats).toMatchObject({ totalPatterns: 3, totalFixes: 4, topFailureTypes: [{ type: "BUILD_COMPILE", count: 2 }, { type: "TEST_FAILURE", count: 1 }] });
      expect(stats.averageConfidence).toBeCloseTo(wilsonLowerBound(4, 4) / 4, 10);

      const compile = await listPatterns({ failureType: "BUILD_COMPILE" }, options);
      expect(compile.map((p) => p.failureType)).toEqual(["BUILD_COMPILE", "BUILD_COMPILE"]);
      expect(compile[0]).toMatchObject({ id: a.pattern.id, hitCount: 1, fixCount: 2 });
      expect(compile[0]!.bestConfidence).toBeCloseTo(wilsonLowerBound(4, 4), 10);
      expect(await listPatterns({ failureType: "TEST_FAILURE" }, options)).toMatchObject([{ id: t.pattern.id, fixCount: 1, bestConfidence: 0 }]);
      expect(await listPatterns({ failureType: "LINT" }, options)).toEqual([]);
      expect(await listPatterns({ limit: 1, offset: 1 }, options)).toHaveLength(1);
      await expect(listPatterns({ failureType: "NOPE" as never }, options)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    });
  });
}
