// Each rule on small Java files: a flow that must be found, and its sanitised / constant twin that must not.
import { describe, expect, it } from "vitest";
import { findInjections, parseSource, analyzeSource, ProjectIndex } from "./find-injections";

const servlet = (body: string, extra = "") => `
import javax.servlet.http.*;
public class T extends HttpServlet {
  public void doPost(HttpServletRequest request, HttpServletResponse response) throws Exception {
${body}
  }
${extra}
}`;

async function types(body: string, extra = ""): Promise<string[]> {
  return (await findInjections("T.java", servlet(body, extra), "java")).map((f) => f.vulnerabilityType);
}

describe("Java injection flaws", () => {
  const cases: [string, string, string, string][] = [
    // [type, vulnerable body, safe twin body, what the twin shows]
    ["SQL_INJECTION",
      `String p = request.getParameter("id"); String sql = "SELECT * FROM u WHERE id='" + p + "'"; java.sql.Statement st = conn.createStatement(); st.executeQuery(sql);`,
      `String p = request.getParameter("id"); java.sql.PreparedStatement ps = conn.prepareStatement("SELECT * FROM u WHERE id=?"); ps.setString(1, p); ps.executeQuery();`,
      "a parameterised statement"],
    ["PATH_TRAVERSAL",
      `String f = request.getHeader("f"); java.io.File file = new java.io.File("/data/" + f);`,
      `String f = request.getHeader("f"); java.util.Map<String,Object> m = new java.util.HashMap<>(); m.put("a", "safe.txt"); m.put("b", f); String name = (String) m.get("a"); java.io.File file = new java.io.File("/data/" + name);`,
      "the safe key of a map"],
    ["COMMAND_INJECTION",
      `String c = request.getQueryString(); Runtime.getRuntime().exec("sh -c echo " + c);`,
      `String c = request.getQueryString(); int num = 106; String bar = (7 * 42) - num > 200 ? c : "fixed"; Runtime.getRuntime().exec("sh -c echo " + bar);`,
      "a condition that is always false"],
    ["XSS",
      `String v = request.getParameter("v"); response.getWriter().println("<p>" + v + "</p>");`,
      `String v = request.getParameter("v"); response.getWriter().println("<p>" + org.owasp.esapi.ESAPI.encoder().encodeForHTML(v) + "</p>");`,
      "ESAPI encodeForHTML"],
    ["LDAP_INJECTION",
      `String u = request.getParameter("u"); javax.naming.directory.DirContext ctx = ads.getDirContext(); ctx.search("ou=users", "(uid=" + u + ")", sc);`,
      `String u = request.getParameter("u"); java.util.List<String> l = new java.util.ArrayList<>(); l.add("safe"); l.add(u); l.add("other"); l.remove(0); String b = l.get(1); javax.naming.directory.DirContext ctx = ads.getDirContext(); ctx.search("ou=users", "(uid=" + b + ")", sc);`,
      "a list index that holds a constant"],
    ["XPATH_INJECTION",
      `String e = request.getParameter("e"); javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath(); xp.evaluate("/users/user[@name='" + e + "']", doc);`,
      `String e = request.getParameter("e"); String bar = e; bar = "alice"; javax.xml.xpath.XPath xp = javax.xml.xpath.XPathFactory.newInstance().newXPath(); xp.evaluate("/users/user[@name='" + bar + "']", doc);`,
      "an overwritten value"],
    ["TRUST_BOUNDARY",
      `String n = request.getParameter("n"); request.getSession().setAttribute("user", n);`,
      `String n = request.getParameter("n"); String g = "ABC"; String bar; switch (g.charAt(1)) { case 'A': bar = n; break; case 'B': bar = "bob"; break; default: bar = n; } request.getSession().setAttribute("user", bar);`,
      "a switch on a constant"],
  ];
  for (const [type, bad, good, what] of cases) {
    it(`finds ${type} and not through ${what}`, async () => {
      expect(await types(bad)).toContain(type);
      expect(await types(good)).not.toContain(type);
    });
  }

  it("follows untrusted data through a helper method of the same file, and sees a helper that returns a constant", async () => {
    const helper = `
  private static String pass(String s) { StringBuilder sb = new StringBuilder(); sb.append("x").append(s); return sb.toString(); }
  private static String fixed(String s) { return "constant"; }`;
    expect(await types(`String p = request.getParameter("p"); Runtime.getRuntime().exec(pass(p));`, helper)).toContain("COMMAND_INJECTION");
    expect(await types(`String p = request.getParameter("p"); Runtime.getRuntime().exec(fixed(p));`, helper)).not.toContain("COMMAND_INJECTION");
  });

  it("resolves a call into another file's class when both are scanned together", async () => {
    const helperClass = `package h; public class Wrapper { private javax.servlet.http.HttpServletRequest request;
      public Wrapper(javax.servlet.http.HttpServletRequest r) { this.request = r; }
      public String value(String p) { return "bar"; } public String param(String p) { return request.getParameter(p); } }`;
    const project = new ProjectIndex();
    const h = await parseSource(helperClass, "java");
    project.add(h.mod, h.lang);
    const scan = async (call: string) =>
      analyzeSource("T.java", await parseSource(servlet(`h.Wrapper w = new h.Wrapper(request); String v = w.${call}("x"); response.getWriter().print(v);`), "java"), project).map((f) => f.vulnerabilityType);
    expect(await scan("param")).toContain("XSS");
    expect(await scan("value")).not.toContain("XSS");
  });

  it("reports weak algorithms, predictable random and insecure cookies only where they are", async () => {
    expect(await types(`java.security.MessageDigest.getInstance("MD5");`)).toEqual(["WEAK_HASH"]);
    expect(await types(`java.security.MessageDigest.getInstance("SHA-256");`)).toEqual([]);
    expect(await types(`javax.crypto.Cipher.getInstance("DES/CBC/PKCS5Padding");`)).toEqual(["WEAK_CIPHER"]);
    expect(await types(`javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");`)).toEqual([]);
    expect(await types(`double d = new java.util.Random().nextDouble();`)).toEqual(["WEAK_RANDOM"]);
    expect(await types(`double d = new java.security.SecureRandom().nextDouble();`)).toEqual([]);
    expect(await types(`javax.servlet.http.Cookie c = new javax.servlet.http.Cookie("a", "b"); c.setSecure(false);`)).toEqual(["INSECURE_COOKIE"]);
    expect(await types(`javax.servlet.http.Cookie c = new javax.servlet.http.Cookie("a", "b"); c.setSecure(true);`)).toEqual([]);
  });

  it("gives each finding its CWE, severity, line, rule and fix advice", async () => {
    const [f] = await findInjections("T.java", servlet(`String p = request.getParameter("id");\n    stmt.executeQuery("SELECT * FROM t WHERE id=" + p);`), "java");
    expect(f).toMatchObject({ file: "T.java", line: 6, cwe: 89, severity: "HIGH", ruleId: "taint.sql-injection", scanner: "taint" });
    expect(f!.fixAdvice).toMatch(/parameterised/);
  });
});
