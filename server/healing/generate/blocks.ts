// Untrusted text (logs, code, diffs) goes into the prompt inside <infraflow_*> blocks. Content is kept
// verbatim, because the model's diffs must reproduce it line for line, except where it would open or
// close one of our blocks: that `<` becomes `&lt;`, so a log line cannot end its block and speak as us.
// The prefix is ours and unusual, so real files (HTML, XML, Maven's <file>) are never altered.
export const BLOCK_PREFIX = "infraflow_";

export type BlockTag =
  | "failure_log"
  | "job_log"
  | "change"
  | "file"
  | "workflow"
  | "knowledge_base_hint"
  | "previous_attempt"
  | "developer_feedback"
  | "omitted";

const TAG_LIKE = new RegExp(`<(?=\\s*/?\\s*${BLOCK_PREFIX})`, "gi");

export function escapeBlockContent(text: string): string {
  return text.replace(TAG_LIKE, "&lt;");
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\r\n\t]+/g, " ");
}

export function renderBlock(tag: BlockTag, attributes: Record<string, string | number | boolean | null | undefined>, body: string): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttribute(String(v))}"`)
    .join("");
  const content = escapeBlockContent(body);
  return `<${BLOCK_PREFIX}${tag}${attrs}>\n${content}${content.endsWith("\n") || content === "" ? "" : "\n"}</${BLOCK_PREFIX}${tag}>`;
}
