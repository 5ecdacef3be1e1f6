import { sendEvents } from "@/inngest/send";
import { approveAs } from "@/server/healing/decide-session";
import { restHandler } from "@/server/http/rest-handler";

// 409 when the session is not pending approval (already approved, rejected or applied).
export const POST = restHandler<{ id: string }>(({ user, params }) => approveAs(user, params.id, sendEvents));
