import { sendEvents } from "@/inngest/send";
import { AppError } from "@/server/errors";
import { rejectAs } from "@/server/healing/decide-session";
import { jsonBody, restHandler } from "@/server/http/rest-handler";

export const POST = restHandler<{ id: string }>(async ({ req, user, params }) => {
  const { reason } = await jsonBody(req);
  if (typeof reason !== "string") throw new AppError("BAD_REQUEST", 'Body must be { "reason": "why the fix is wrong" }');
  return rejectAs(user, params.id, reason, sendEvents);
});
