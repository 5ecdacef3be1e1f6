// What `npm run dev` runs with: port (PORT, or --port which wins), interface (HOST, loopback by default,
// so a laptop on a café network does not serve the demo to its neighbours), the URL InfraFlow calls
// itself (APP_URL, else NEXTAUTH_URL, else http://localhost:<port>) — the one URL used for sign-in,
// webhook registration and the printed link — and `next dev`'s arguments and environment.
import type { Env } from "../server/env";

export interface LaunchSettings {
  port: number;
  simPort: number;
  host: string;
  appUrl: string;
  /** Where the launcher itself reaches the server (a wildcard interface is reached on loopback). */
  localUrl: string;
  nextArgs: string[];
  nextEnv: Record<string, string>;
}

export function launchSettings(e: Env, argv: string[]): LaunchSettings {
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const port = flag("port") !== undefined ? Number(flag("port")) : e.PORT;
  const simPort = flag("sim-port") !== undefined ? Number(flag("sim-port")) : 3100;
  for (const [name, value] of [["--port", port], ["--sim-port", simPort]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 65535) throw new Error(`Invalid ${name}=${flag(name.slice(2))}: expected a port from 1 to 65535`);
  }
  const host = e.HOST;
  const bare = host.replace(/^\[|\]$/g, "");
  const wildcard = bare === "0.0.0.0" || bare === "::";
  const loopback = wildcard || bare === "localhost" || bare === "::1" || /^127\./.test(bare);
  const urlHost = (h: string) => (h.includes(":") ? `[${h}]` : h);
  const appUrl = (e.APP_URL ?? e.NEXTAUTH_URL ?? `http://${loopback ? "localhost" : urlHost(bare)}:${port}`).replace(/\/+$/, "");
  return {
    port,
    simPort,
    host,
    appUrl,
    localUrl: `http://${wildcard ? "127.0.0.1" : urlHost(bare)}:${port}`,
    nextArgs: ["dev", "--port", String(port), "--hostname", bare],
    nextEnv: { NEXTAUTH_URL: e.NEXTAUTH_URL ?? appUrl, APP_URL: appUrl, NEXT_TELEMETRY_DISABLED: "1" },
  };
}
