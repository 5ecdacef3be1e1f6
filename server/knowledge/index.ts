// The knowledge base's public surface (see README.md).
export { knowledgeBase, closeKnowledgeBase } from "./current-knowledge-base";
export { lookupFix, type LookupResult, type KbMatch } from "./lookup-fix";
export { reapplyFix, type ReapplyResult, type FixHint, type ReadFile } from "./reapply-fix";
export { recordFix, type RecordFixInput } from "./record-fix";
export { recordFixOutcome, type RecordFixOutcomeInput } from "./record-fix-outcome";
export { getKnowledgeStats } from "./get-knowledge-stats";
export { listPatterns, type ListPatternsInput } from "./list-patterns";
export { listPatternFixes } from "./list-pattern-fixes";
export * from "./knowledge-inputs";
export type * from "./types";
export type { KnowledgeBase } from "./knowledge-base";
