// The signed-in user, for server components, route handlers, server actions and tRPC.
import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";

export interface SessionUser {
  id: bigint;
  login: string;
  name: string | null;
  email: string | null;
  image: string | null;
}

export async function currentUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const u = session?.user;
  if (!u?.id) return null;
  return { id: BigInt(u.id), login: u.login, name: u.name ?? null, email: u.email ?? null, image: u.image ?? null };
}
