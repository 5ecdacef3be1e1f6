import { redirect } from "next/navigation";
import { SignInPrompt } from "@/components/layout/sign-in-prompt";
import { currentUser } from "@/server/auth/session";

export default async function SignInPage() {
  if (await currentUser()) redirect("/");
  return <SignInPrompt />;
}
