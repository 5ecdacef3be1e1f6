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
    <nav className="flex gap-1" aria-label="Main">
      {LINKS.map(({ href, label }) => {
        const active = href === "/" ? path === "/" : path.startsWith(href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100"}`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
