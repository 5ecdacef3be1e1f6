// Issue 15 items 2, 3 and 7 with a real browser: `npm run dev` on PORT, bound to loopback, stopped with
// Ctrl+C (SIGINT to its process group) right after a page was first compiled, then started again: the
// dashboard at http://localhost:<port> must load once, not reload in a loop. The loop came from
// Turbopack's persistent dev cache keeping a chunk list's hot-reload version as "canceled"; every
// hot-reload connection then got "restart" for that chunk (see next.config.ts). It ran from the checkout,
// so a running `npm run dev` of the same checkout makes it fail (Next allows one dev server per folder).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { freePort } from "../test/global-setup";
import { signIn } from "./support";

test.setTimeout(15 * 60_000);

interface Dev {
  child: ChildProcess;
  output: () => string;
}

async function startDev(env: Record<string, string>, simPort: number): Promise<Dev> {
  const child = spawn("npm", ["run", "dev", "--", `--sim-port=${simPort}`], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => output.includes("InfraFlow is ready") && (clearInterval(timer), resolve()), 200);
    child.once("exit", (code) => (clearInterval(timer), reject(new Error(`npm run dev exited (${code}):\n${output}`))));
  });
  return { child, output: () => output };
}

/** Ctrl+C: SIGINT to the whole foreground process group, then wait until everything has exited. */
async function stopDev(dev: Dev): Promise<void> {
  const exited = new Promise((resolve) => dev.child.once("exit", resolve));
  process.kill(-dev.child.pid!, "SIGINT");
  await exited;
}

/** Loads the page and watches it for 10 s: main-frame loads and hot-reload "restart" instructions. */
async function watch(page: Page, url: string): Promise<{ loads: number; restarts: number }> {
  let loads = 0;
  let restarts = 0;
  const onLoad = () => loads++;
  page.on("load", onLoad);
  page.on("websocket", (ws) => ws.on("framereceived", (f) => String(f.payload).includes('"type":"restart"') && restarts++));
  await page.goto(url, { timeout: 5 * 60_000 });
  await page.waitForTimeout(10_000);
  page.off("load", onLoad);
  return { loads, restarts };
}

test("npm run dev restarted after Ctrl+C serves the dashboard at localhost without a reload loop, on PORT and loopback only", async ({ page }) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "infraflow-dev-restart-"));
  const port = await freePort();
  const env = { PORT: String(port), EMBEDDED_POSTGRES_PORT: String(await freePort()), DATA_DIR: dataDir, LOG_LEVEL: "warn" };
  const simPort = await freePort();
  let dev: Dev | undefined;
  try {
    dev = await startDev(env, simPort);
    expect(dev.output()).toContain(`InfraFlow is ready at http://localhost:${port}`);
    // Bound to loopback: the listening socket is 127.0.0.1:<port>, not every interface.
    const listening = spawnSync("ss", ["-ltnH", `sport = :${port}`], { encoding: "utf8" });
    if (listening.status === 0) expect(listening.stdout.trim().split(/\s+/)).toContain(`127.0.0.1:${port}`);

    const url = `http://localhost:${port}`;
    // First compile of a route, then Ctrl+C at once while the browser is still connected, then start again
    // (one restart: each dev start costs minutes of compiling on a small CI machine).
    await page.goto(`${url}/healing`, { timeout: 5 * 60_000 });
    await stopDev(dev);
    dev = await startDev(env, simPort);
    for (const route of ["/healing", "/"]) {
      expect(await watch(page, `${url}${route}`), `${route} after the restarts`).toEqual({ loads: 1, restarts: 0 });
    }
    // The demo heals (README walkthrough): the payments-api commit broken at first start reaches
    // PENDING_APPROVAL with the recorded answer, on its own and across the restart (durable workflows).
    await signIn(page, { url });
    await expect
      .poll(
        async () => {
          const res = await page.request.get(`${url}/api/healing/sessions?repo=infraflow-demo%2Fpayments-api`);
          return res.ok() ? ((await res.json()) as { status: string; source: string | null }[]).find((s) => s.status === "PENDING_APPROVAL")?.source : res.status();
        },
        { timeout: 4 * 60_000, intervals: [2_000] },
      )
      .toBe("LLM");
    // The loop is a race (it needs the cache written at the wrong moment), so the cause is checked too:
    // no Turbopack cache survives a stop to be read by the next start.
    expect(existsSync(path.join(".next", "dev", "cache", "turbopack"))).toBe(false);
  } finally {
    if (dev) await stopDev(dev).catch(() => {});
    // As root in a private folder the cluster lives outside DATA_DIR (DATA_DIR/postgres links to it).
    const cluster = await realpath(path.join(dataDir, "postgres")).catch(() => null);
    if (cluster) await rm(cluster, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
});
