// Where a refused or failed sign-in lands (next-auth's error page and the allow-list's redirect): what
// happened and what to do, never a stack trace.
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";

const REASONS: Record<string, string> = {
  "not-allowed":
    "This InfraFlow only lets in members of certain GitHub organisations or certain GitHub users (AUTH_ALLOWED_ORGS / AUTH_ALLOWED_USERS), and your account is not one of them. Ask the person who runs it to add you, or sign in with another account.",
  "org-check-failed": "GitHub could not tell InfraFlow which organisations you belong to, so the sign-in was refused. Try again in a moment.",
  AccessDenied: "The sign-in was refused.",
  OAuthCallback: "GitHub did not complete the sign-in. Try again.",
  OAuthSignin: "The sign-in with GitHub could not start. Check that GitHub (GITHUB_URL) is reachable and the OAuth app is configured.",
  Configuration: "Sign-in is not configured on this server (GitHub OAuth client id and secret, NEXTAUTH_SECRET).",
};

export default async function SignInRefusedPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const reason = String(params.reason ?? params.error ?? "AccessDenied");
  const login = typeof params.login === "string" ? params.login : null;
  return (
    <div className="space-y-4" data-testid="signin-refused">
      <PageHeader title="Sign-in refused" description={login ? `GitHub account ${login}` : undefined} />
      <p className="max-w-2xl text-sm text-slate-700">{REASONS[reason] ?? "The sign-in did not succeed. Try again."}</p>
      <Link href="/signin" className="text-sm text-blue-700 underline">
        Back to sign-in
      </Link>
    </div>
  );
}
