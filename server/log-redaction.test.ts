// pino redaction with the logger's own options: credentials never reach the log, wherever they sit.
import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { redaction } from "./log-redaction";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({ write: (chunk, _e, done) => (lines.push(String(chunk)), done()) });
  return { log: pino({ redact: redaction }, stream), lines };
}

describe("log redaction", () => {
  it.each([
    ["a token at the top level", { token: "ghp_TOPSECRET1" }],
    ["an OAuth account", { account: { access_token: "gho_TOPSECRET2", accessToken: "gho_TOPSECRET3" } }],
    ["a webhook secret in a hook's config", { hook: { config: { secret: "TOPSECRET4" } } }],
    ["request headers", { req: { headers: { authorization: "token TOPSECRET5", cookie: "next-auth.session-token=TOPSECRET6" } } }],
    ["response headers", { res: { headers: { "set-cookie": "next-auth.session-token=TOPSECRET7" } } }],
    ["an error's request headers", { err: { message: "boom", request: { headers: { authorization: "Bearer TOPSECRET8" } } } }],
    ["a password two levels down", { db: { connection: { password: "TOPSECRET9" } } }],
    ["a client secret", { oauth: { clientSecret: "TOPSECRET10" } }],
  ])("removes %s", (_what, fields) => {
    const { log, lines } = capture();
    log.info(fields, "something happened");
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/TOPSECRET/);
    expect(lines[0]).toContain("[redacted]");
    expect(lines[0]).toContain("something happened");
  });

  it("keeps everything else", () => {
    const { log, lines } = capture();
    log.info({ repo: "octo/app", userId: "7", headers: { "content-type": "application/json" } }, "Monitoring repository octo/app");
    expect(JSON.parse(lines[0]!)).toMatchObject({ repo: "octo/app", userId: "7", headers: { "content-type": "application/json" } });
  });
});
