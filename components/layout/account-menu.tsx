"use client";
import { signIn, signOut } from "next-auth/react";

export function SignInButton({ className = "" }: { className?: string }) {
  return (
    <button
      type="button"
      onClick={() => void signIn("github")}
      className={`rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:bg-sky-700 dark:hover:bg-sky-600 ${className}`}
    >
      Sign in with GitHub
    </button>
  );
}

export function AccountMenu({ user }: { user: { login: string; image: string | null } | null }) {
  if (!user) return <SignInButton />;
  return (
    <div className="flex items-center gap-3">
      {user.image && (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={user.image} alt="" className="h-7 w-7 rounded-full bg-slate-200" />
      )}
      <span className="text-sm font-medium text-slate-900 dark:text-slate-100" data-testid="signed-in-user">{user.login}</span>
      <button type="button" onClick={() => void signOut()} className="text-sm text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
        Sign out
      </button>
    </div>
  );
}
