// The OSV client against a local HTTP server speaking OSV's API: batching, pagination, errors, timeout.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Dependency } from "./dependency";
import { findVulnerableDependencies } from "./find-vulnerable-dependencies";
import { OsvUnavailable, queryOsv } from "./osv-client";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function osvServer(handler: (path: string, body: any, req: IncomingMessage) => { status?: number; json?: unknown; delayMs?: number }): Promise<{ url: string; calls: { path: string; body: any }[] }> {
  const calls: { path: string; body: any }[] = [];
  server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const body = raw ? JSON.parse(raw) : null;
    calls.push({ path: req.url!, body });
    const answer = handler(req.url!, body, req);
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (res.destroyed) return;
    res.writeHead(answer.status ?? 200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer.json ?? {}));
  });
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", () => r()));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, calls };
}

const dep = (name: string, version: string, ecosystem: Dependency["ecosystem"] = "npm"): Dependency => ({ ecosystem, name, version, file: "package-lock.json", line: 3 });
const vuln = (id: string, extra: object = {}) => ({ id, summary: `${id} summary`, aliases: [`CVE-2020-${id.slice(-4)}`], database_specific: { severity: "HIGH" }, affected: [{ package: { name: "lodash" }, ranges: [{ events: [{ introduced: "0" }, { fixed: "4.17.21" }] }] }], ...extra });

describe("OSV client", () => {
  it("asks for every dependency in one batch, follows next_page_token, and fetches each advisory once", async () => {
    const { url, calls } = await osvServer((path, body) => {
      if (path === "/v1/querybatch") {
        const q = body.queries as { package: { name: string }; page_token?: string }[];
        return { json: { results: q.map((x) => (x.package.name !== "lodash" ? {} : x.page_token ? { vulns: [{ id: "GHSA-0002" }] } : { vulns: [{ id: "GHSA-0001" }], next_page_token: "p2" })) } };
      }
      return { json: vuln(path.split("/").pop()!) };
    });
    const matches = await queryOsv([dep("lodash", "4.17.20"), dep("left-pad", "1.3.0"), dep("lodash", "4.17.20")], { baseUrl: url, timeoutMs: 2000 });
    expect(matches.map((m) => m.advisory.id).sort()).toEqual(["GHSA-0001", "GHSA-0001", "GHSA-0002", "GHSA-0002"]);
    const batches = calls.filter((c) => c.path === "/v1/querybatch");
    expect(batches).toHaveLength(2);
    expect(batches[0]!.body.queries).toEqual([
      { package: { name: "lodash", ecosystem: "npm" }, version: "4.17.20" },
      { package: { name: "left-pad", ecosystem: "npm" }, version: "1.3.0" },
    ]);
    expect(batches[1]!.body.queries).toEqual([{ package: { name: "lodash", ecosystem: "npm" }, version: "4.17.20", page_token: "p2" }]);
    expect(calls.filter((c) => c.path.startsWith("/v1/vulns/")).map((c) => c.path).sort()).toEqual(["/v1/vulns/GHSA-0001", "/v1/vulns/GHSA-0002"]);
  });

  it("turns advisories into findings with CVE, severity and the fixed version", async () => {
    const { url } = await osvServer((path) => (path === "/v1/querybatch" ? { json: { results: [{ vulns: [{ id: "GHSA-35jh-r3h4-6jhm" }] }] } } : { json: vuln("GHSA-35jh-r3h4-6jhm") }));
    const { findings, notes } = await findVulnerableDependencies([dep("lodash", "4.17.20")], { baseUrl: url, timeoutMs: 2000 });
    expect(notes).toEqual([]);
    expect(findings).toMatchObject([{ vulnerabilityType: "VULNERABLE_DEPENDENCY", severity: "HIGH", cveId: "CVE-2020-6jhm", ruleId: "osv.GHSA-35jh-r3h4-6jhm", line: 3, scanner: "osv" }]);
    expect(findings[0]!.fixAdvice).toBe("Upgrade lodash to 4.17.21 or later (GHSA-35jh-r3h4-6jhm).");
  });

  it("does not repeat a CVE the built-in rules already reported for the same dependency", async () => {
    const log4j: Dependency = { ecosystem: "Maven", name: "org.apache.logging.log4j:log4j-core", version: "2.14.1", file: "pom.xml", line: 9 };
    const { url } = await osvServer((path) =>
      path === "/v1/querybatch" ? { json: { results: [{ vulns: [{ id: "GHSA-jfh8-c2jp-5v3q" }] }] } } : { json: { id: "GHSA-jfh8-c2jp-5v3q", summary: "Remote code injection in Log4j", aliases: ["CVE-2021-44228"] } },
    );
    const { findings } = await findVulnerableDependencies([log4j], { baseUrl: url, timeoutMs: 2000 });
    expect(findings.map((f) => [f.ruleId, f.cveId])).toEqual([["dependency.log4shell.CVE-2021-44228", "CVE-2021-44228"], ["dependency.log4shell.CVE-2021-45046", "CVE-2021-45046"]]);
  });

  it("reports HTTP errors, malformed answers and timeouts as OsvUnavailable, and the scan keeps the built-in findings", async () => {
    let mode: "500" | "bad" | "slow" = "500";
    const { url } = await osvServer(() => (mode === "500" ? { status: 500, json: { code: 13 } } : mode === "bad" ? { json: { results: "nope" } } : { delayMs: 1500, json: { results: [{}] } }));
    await expect(queryOsv([dep("a", "1.0.0")], { baseUrl: url, timeoutMs: 500 })).rejects.toThrow(/HTTP 500/);
    mode = "bad";
    await expect(queryOsv([dep("a", "1.0.0")], { baseUrl: url, timeoutMs: 500 })).rejects.toThrow(OsvUnavailable);
    mode = "slow";
    await expect(queryOsv([dep("a", "1.0.0")], { baseUrl: url, timeoutMs: 300 })).rejects.toThrow(/did not answer within 300 ms/);
    const log4j: Dependency = { ecosystem: "Maven", name: "org.apache.logging.log4j:log4j-core", version: "2.14.1", file: "pom.xml", line: 9 };
    const scan = await findVulnerableDependencies([log4j], { baseUrl: url, timeoutMs: 300 });
    expect(scan.findings).toHaveLength(2);
    expect(scan.notes).toEqual(["OSV lookup skipped: OSV did not answer within 300 ms"]);
  });

  it("reports an unreachable server", async () => {
    await expect(queryOsv([dep("a", "1.0.0")], { baseUrl: "http://127.0.0.1:9", timeoutMs: 1000 })).rejects.toThrow(/OSV unreachable/);
  });
});
