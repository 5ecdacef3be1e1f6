import { describe, expect, it } from "vitest";
import { findInjections } from "./find-injections";

const types = async (src: string, lang: "javascript" | "typescript" = "javascript") => (await findInjections("a.js", src, lang)).map((f) => f.vulnerabilityType);
const route = (body: string) => `const express = require("express"); const app = express();\napp.get("/x", (req, res) => {\n${body}\n});`;

describe("JavaScript / TypeScript injection flaws", () => {
  const cases: [string, string, string][] = [
    ["SQL_INJECTION", `db.query("SELECT * FROM users WHERE id = " + req.query.id);`, `db.query("SELECT * FROM users WHERE id = $1", [req.query.id]);`],
    ["SQL_INJECTION", "const { name } = req.body; pool.query(`SELECT * FROM t WHERE name = '${name}'`);", "const name = req.body.name; const q = 'SELECT * FROM t WHERE name = ?'; pool.query(q, [name]);"],
    ["COMMAND_INJECTION", `const cp = require("child_process"); cp.exec("ls " + req.params.dir);`, `const cp = require("child_process"); cp.execFile("ls", [req.params.dir]);`],
    ["PATH_TRAVERSAL", `fs.readFile(path.join("/srv", req.query.f), () => {});`, `fs.readFile(path.join("/srv", path.basename(req.query.f)), () => {});`],
    ["XSS", `res.send("<h1>" + req.query.name + "</h1>");`, `res.send("<h1>" + escapeHtml(req.query.name) + "</h1>");`],
  ];
  for (const [type, bad, good] of cases) {
    it(`finds ${type}: ${bad.slice(0, 40)}…`, async () => {
      expect(await types(route(bad))).toContain(type);
      expect(await types(route(good))).not.toContain(type);
    });
  }

  it("reads only the text of a query config object: its values are bound parameters", async () => {
    expect(await types(route(`pool.query({ name: "q", text: "SELECT * FROM t WHERE id = $1", values: [req.query.id] });`))).toEqual([]);
    expect(await types(route(`pool.query({ text: "SELECT * FROM t WHERE id = " + req.query.id });`))).toEqual(["SQL_INJECTION"]);
  });

  it("survives a collection that holds itself", async () => {
    expect(await types(route(`const a = []; a.push(a); a.push(req.query.x); const b = { self: null }; b.self = b; res.send(a[1]);`))).toEqual(["XSS"]);
  });

  it("treats a branch that can never run as dead", async () => {
    expect(await types(route(`let v = "safe"; if (false) { v = req.query.v; } res.send(v);`))).toEqual([]);
    expect(await types(route(`let v = "safe"; if (req.query.on) { v = req.query.v; } res.send(v);`))).toContain("XSS");
  });

  it("reports SQL text concatenated from an exported function's parameter, and not a parameterised one", async () => {
    expect(await types(`function find(db, email) { return db.query("SELECT * FROM users WHERE email = '" + email + "'"); }\nmodule.exports = { find };`)).toEqual(["SQL_INJECTION"]);
    expect(await types(`function find(db, email) { return db.query("SELECT * FROM users WHERE email = $1", [email]); }`)).toEqual([]);
  });

  it("parses TypeScript and finds DOM XSS through innerHTML", async () => {
    const ts = `export function show(req: Request, el: HTMLElement): void { const q = (req as any).query.q as string; el.innerHTML = "<b>" + q + "</b>"; }`;
    expect(await types(ts, "typescript")).toContain("XSS");
  });

  it("reports weak hashes and insecure cookies", async () => {
    expect(await types(`const h = crypto.createHash("md5").update(x).digest("hex");`)).toEqual(["WEAK_HASH"]);
    expect(await types(`const h = crypto.createHash("sha256").update(x).digest("hex");`)).toEqual([]);
    expect(await types(route(`res.cookie("sid", "v", { secure: false, httpOnly: true });`))).toEqual(["INSECURE_COOKIE"]);
    expect(await types(`const token = Math.random().toString(36);`)).toEqual([]);
    expect(await types(`const resetToken = Math.random();`)).toEqual(["WEAK_RANDOM"]);
  });
});
