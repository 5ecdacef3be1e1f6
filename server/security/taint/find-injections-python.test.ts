import { describe, expect, it } from "vitest";
import { findInjections } from "./find-injections";

const types = async (src: string) => (await findInjections("app.py", src, "python")).map((f) => f.vulnerabilityType);
const view = (body: string) => `from flask import Flask, request\nimport os, subprocess, sqlite3\napp = Flask(__name__)\n\n@app.route("/x")\ndef x():\n${body.split("\n").map((l) => `    ${l}`).join("\n")}\n    return "ok"\n`;

describe("Python injection flaws", () => {
  const cases: [string, string, string][] = [
    ["SQL_INJECTION", `cur.execute("SELECT * FROM users WHERE name = '%s'" % request.args.get("n"))`, `cur.execute("SELECT * FROM users WHERE name = ?", (request.args.get("n"),))`],
    ["SQL_INJECTION", `name = request.form["n"]\ncur.execute(f"DELETE FROM users WHERE name = '{name}'")`, `name = request.form["n"]\nname = "fixed"\ncur.execute(f"DELETE FROM users WHERE name = '{name}'")`],
    ["COMMAND_INJECTION", `os.system("ping -c1 " + request.args["host"])`, `subprocess.run(["ping", "-c1", request.args["host"]])`],
    ["COMMAND_INJECTION", `subprocess.run("ping " + request.args["host"], shell=True)`, `host = request.args["host"]\nif 1 > 2:\n    subprocess.run("ping " + host, shell=True)`],
    ["PATH_TRAVERSAL", `open(os.path.join("/srv", request.args["f"]))`, `open(os.path.join("/srv", secure_filename(request.args["f"])))`],
    ["XSS", `return make_response("<p>" + request.args.get("q") + "</p>")`, `return make_response("<p>" + escape(request.args.get("q")) + "</p>")`],
  ];
  for (const [type, bad, good] of cases) {
    it(`finds ${type}: ${bad.slice(0, 40)}…`, async () => {
      expect(await types(view(bad))).toContain(type);
      expect(await types(view(good))).not.toContain(type);
    });
  }

  it("follows a dict key: the tainted slot is found, the constant one is not", async () => {
    expect(await types(view(`d = {"a": "safe", "b": request.args["x"]}\nos.system("echo " + d["b"])`))).toContain("COMMAND_INJECTION");
    expect(await types(view(`d = {"a": "safe", "b": request.args["x"]}\nos.system("echo " + d["a"])`))).not.toContain("COMMAND_INJECTION");
  });

  it("reports request data returned by a route as HTML", async () => {
    expect(await types(`from flask import request\n@app.route("/h")\ndef h():\n    return "<p>" + request.args["q"] + "</p>"\n`)).toEqual(["XSS"]);
  });

  it("reports weak hashes and insecure cookies", async () => {
    expect(await types(`import hashlib\nh = hashlib.md5(b"x").hexdigest()`)).toEqual(["WEAK_HASH"]);
    expect(await types(`import hashlib\nh = hashlib.sha256(b"x").hexdigest()`)).toEqual([]);
    expect(await types(`resp.set_cookie("sid", v, secure=False)`)).toEqual(["INSECURE_COOKIE"]);
  });
});
