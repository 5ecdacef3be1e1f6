"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

// Runbook §5 pages.
const LINKS = [
  { href: "/", label: "Dashboard" },
  { href: "/healing", label: "Healing Sessions" },
  { href: "/repos", label: "Repositories" },
  { href: "/security", label: "Security" },
  { href: "/knowledge", label: "Knowledge Base" },
];

export function Nav() {
  const path = usePathname();
  return (
    <nav className="flex flex-wrap gap-1" aria-label="Main">
      {LINKS.map(({ href, label }) => {
        const active = href === "/" ? path === "/" : path.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-2.5 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 sm:px-3 ${active ? "bg-slate-900 text-white dark:bg-sky-700" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
