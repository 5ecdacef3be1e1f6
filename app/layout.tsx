import type { Metadata } from "next";
import Link from "next/link";
import { AccountMenu } from "@/components/layout/account-menu";
import { LiveIndicator } from "@/components/layout/live-indicator";
import { Nav } from "@/components/layout/nav";
import { TrpcReactProvider } from "@/components/trpc/client";
import { currentUser } from "@/server/auth/session";
import { env } from "@/server/env";
import { liveClientConfig } from "@/server/realtime/publisher";
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
          <header className="border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-4 px-6 py-3">
              <div className="flex items-center gap-6">
                <Link href="/" className="text-lg font-bold tracking-tight">
                  Infra<span className="text-sky-600">Flow</span>
                </Link>
                <Nav />
              </div>
              <div className="flex items-center gap-4">
                <LiveIndicator config={user ? liveClientConfig(env()) : null} />
                <AccountMenu user={user && { login: user.login, image: user.image }} />
              </div>
            </div>
          </header>
          <main className="mx-auto max-w-7xl px-6 py-8">{children}</main>
        </TrpcReactProvider>
      </body>
    </html>
  );
}
