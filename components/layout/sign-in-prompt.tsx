import { SignInButton } from "./account-menu";

export function SignInPrompt() {
  return (
    <div className="mx-auto mt-16 max-w-md rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <h1 className="text-xl font-semibold">Sign in to InfraFlow</h1>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        InfraFlow watches your GitHub Actions pipelines, proposes fixes for failures and learns from the ones that work.
      </p>
      <SignInButton className="mt-6" />
    </div>
  );
}
