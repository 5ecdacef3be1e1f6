import { sendEvents } from "@/inngest/send";
import { AppError } from "@/server/errors";
import { recodeAs } from "@/server/healing/decide-session";
import { restHandler } from "@/server/http/rest-handler";

// Body { "feedback": "..." } (optional, runbook §6): the new session (attempt + 1) comes back.
export const POST = restHandler<{ id: string }>(async ({ req, user, params }) => {
  const text = await req.text();
  let feedback: unknown = "";
  if (text.trim()) {
    try {
      feedback = (JSON.parse(text) as { feedback?: unknown }).feedback ?? "";
    } catch {
      throw new AppError("BAD_REQUEST", "Request body must be a JSON object");
    }
  }
  if (typeof feedback !== "string") throw new AppError("BAD_REQUEST", 'Body must be { "feedback": "what should be different" }');
  return recodeAs(user, params.id, feedback, sendEvents);
});
