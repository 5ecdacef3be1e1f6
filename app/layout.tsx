import type { Metadata } from "next";
import Link from "next/link";
import { AccountMenu } from "@/components/layout/account-menu";
import { LiveIndicator } from "@/components/layout/live-indicator";
import { Nav } from "@/components/layout/nav";
import { TrpcReactProvider } from "@/components/trpc/client";
import { currentUser } from "@/server/auth/session";
import { env } from "@/server/env";
import { liveClientConfig } from "@/server/realtime/publisher";
import { Toaster } from "sonner";
import "./globals.css";

export const metadata: Metadata = {
  title: "InfraFlow",
  description: "Autonomous CI/CD healing: fixes for failing GitHub Actions pipelines, learned from outcomes",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <TrpcReactProvider>
          <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
            <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
              <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
                <Link href="/" className="text-lg font-bold tracking-tight text-slate-900 dark:text-white">
                  Infra<span className="text-sky-700 dark:text-sky-400">Flow</span>
                </Link>
                <Nav />
              </div>
              <div className="flex items-center gap-4">
                <LiveIndicator config={user ? liveClientConfig(env()) : null} />
                <AccountMenu user={user && { login: user.login, image: user.image }} />
              </div>
            </div>
          </header>
          <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
          {/* Results of the review page's decisions (approve / reject / re-code). */}
          <Toaster richColors closeButton position="bottom-right" theme="system" />
        </TrpcReactProvider>
      </body>
    </html>
  );
}
