// Pusher private-channel authorisation: a browser may join `private-repo-<owner>@<repo>` only when the
// access rule lets its user read that repository; the answer is signed with PUSHER_SECRET by the SDK.
import { assertRepoAccess } from "@/server/access";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { restHandler } from "@/server/http/rest-handler";
import { repoOfChannel } from "@/server/realtime/messages";
import { pusherConfigured } from "@/server/realtime/publisher";
import { createPusherClient } from "@/server/realtime/pusher-publisher";

export const POST = restHandler(async ({ req, user }) => {
  const e = env();
  if (!pusherConfigured(e)) throw new AppError("NOT_FOUND", "Pusher is not configured: live updates use /api/realtime");
  const form = new URLSearchParams(await req.text());
  const socketId = form.get("socket_id") ?? "";
  const channel = form.get("channel_name") ?? "";
  if (!/^\d+\.\d+$/.test(socketId)) throw new AppError("BAD_REQUEST", "socket_id is missing or malformed");
  const repo = repoOfChannel(channel);
  if (!repo) throw new AppError("FORBIDDEN", `Channel ${channel} is not one InfraFlow authorises`);
  await assertRepoAccess(user, repo, "read");
  return createPusherClient(e).authorizeChannel(socketId, channel);
});
