// Where untrusted data enters, what neutralises it, and which calls are dangerous with it — per language,
// keyed on API names and receivers (never on a sample's text). The interpreter asks these tables at every
// call; the results only depend on the call's name, its receiver and the abstract values of its arguments.
import type { RuleId } from "../catalog";
import type { Param } from "./ir";
import { CLEAN, SINK_BITS, constant, derived, flat, type Val } from "./value";

export type Lang = "java" | "js" | "python";

export interface CallInfo {
  lang: Lang;
  name: string;
  recv: Val | null;
  /** Dotted text of the receiver when it is a name chain (`subprocess`, `os.path`, `java.security.MessageDigest`). */
  recvName: string;
  args: Val[];
  kwargs: Record<string, Val>;
  isNew: boolean;
}

/** A dangerous call: which arguments must not carry unsanitised untrusted data (`all` = any of them). */
export interface TaintSink {
  rule: RuleId;
  cwe: keyof typeof SINK_BITS | 501;
  args: number[] | "all";
  what: string;
}

/** A finding that needs no data flow: a weak algorithm or flag visible at the call. */
export interface DirectHit {
  rule: RuleId;
  message: string;
}

const REQUEST_TYPE = /(^|\.)(Http)?(Servlet)?Request$|^(Http)?ServletRequest(Wrapper)?$|^WebRequest$|^NativeWebRequest$/;
const last = (s: string) => s.slice(s.lastIndexOf(".") + 1);

export function requestObject(): Val {
  return { t: true, san: 0, shape: "\u0001", kind: "request" };
}

/** Whether a parameter receives the incoming request (its methods and fields are untrusted input). */
export function isRequestParam(lang: Lang, p: Param): boolean {
  if (lang === "java") return p.type !== undefined && REQUEST_TYPE.test(p.type);
  return /^(req|request)$/.test(p.name);
}

/** Free names that mean the current request (Flask's `request`; browser locations). */
export function requestGlobal(lang: Lang, name: string): boolean {
  return lang === "python" && name === "request";
}

// Request methods whose result is server state, not client input.
const REQUEST_TRUSTED = new Set([
  "getSession", "getServletContext", "getContextPath", "getServletPath", "getRequestDispatcher", "getAttribute", "getAttributeNames",
  "isSecure", "getLocale", "getLocales", "getCharacterEncoding", "getContentLength", "getLocalPort", "getServerPort", "getLocalName",
  "getServerName", "isUserInRole", "getUserPrincipal", "getAuthType", "setAttribute", "removeAttribute", "getDispatcherType", "isAsyncStarted",
]);
const REQUEST_TRUSTED_FIELDS = new Set(["session", "app", "method", "user", "secure", "protocol"]);

// Results that are numbers or booleans: no injection can ride on them.
const SCALAR_RESULT = new Set([
  "length", "size", "hashCode", "indexOf", "lastIndexOf", "compareTo", "compareToIgnoreCase", "equals", "equalsIgnoreCase", "contains",
  "containsKey", "containsValue", "startsWith", "endsWith", "startswith", "endswith", "isEmpty", "isBlank", "hasMoreElements", "hasNext",
  "matches", "test", "parseInt", "parseLong", "parseDouble", "parseFloat", "parseBoolean", "parseShort", "parseByte", "isdigit", "isnumeric",
  "isalpha", "isalnum", "len", "int", "float", "bool", "Number", "Boolean", "isNaN", "isFinite", "nextInt", "nextLong", "nextDouble", "nextFloat",
  "nextBoolean", "nextGaussian", "count", "getLength", "exists", "isFile", "isDirectory", "canRead", "includes", "has", "some", "every",
  "fromString", "randomUUID", "uuid4", "currentTimeMillis", "nanoTime", "now",
]);
const NUMERIC_VALUE_OF = /^(Integer|Long|Double|Float|Short|Byte|Boolean|BigInteger|BigDecimal|UUID)$/;

const SANITISERS: Record<string, number> = {
  encodeForHTML: SINK_BITS[79], encodeForHTMLAttribute: SINK_BITS[79], encodeForJavaScript: SINK_BITS[79], encodeForCSS: SINK_BITS[79],
  encodeForXML: SINK_BITS[79], encodeForXMLAttribute: SINK_BITS[79], escapeHtml: SINK_BITS[79], escapeHtml3: SINK_BITS[79],
  escapeHtml4: SINK_BITS[79], escapeXml: SINK_BITS[79], escapeXml10: SINK_BITS[79], escapeXml11: SINK_BITS[79], htmlEscape: SINK_BITS[79],
  escapeHTML: SINK_BITS[79], forHtml: SINK_BITS[79], forHtmlContent: SINK_BITS[79], forHtmlAttribute: SINK_BITS[79], forJavaScript: SINK_BITS[79],
  sanitize: SINK_BITS[79], encodeURIComponent: SINK_BITS[79] | SINK_BITS[22], escape_html: SINK_BITS[79],
  encodeForSQL: SINK_BITS[89], escapeSql: SINK_BITS[89], escapeLiteral: SINK_BITS[89], escapeIdentifier: SINK_BITS[89], escapeId: SINK_BITS[89],
  encodeForOS: SINK_BITS[78], shellEscape: SINK_BITS[78], shell_quote: SINK_BITS[78], escapeShellArg: SINK_BITS[78],
  basename: SINK_BITS[22], secure_filename: SINK_BITS[22], sanitizeFilename: SINK_BITS[22],
  encodeForLDAP: SINK_BITS[90], encodeForDN: SINK_BITS[90], escape_filter_chars: SINK_BITS[90], escapeLDAPSearchFilter: SINK_BITS[90],
  encodeForXPath: SINK_BITS[643],
};
const NORMALISERS = new Set(["getCanonicalPath", "getCanonicalFile", "toRealPath", "realpath", "abspath", "normpath", "normalize", "resolve"]);

/** The result of a call when a rule decides it (source, sanitiser, conversion); undefined = default propagation. */
export function callResult(c: CallInfo): Val | undefined {
  const { name, recv, args } = c;
  if (recv?.kind === "request" && !c.isNew) {
    if (REQUEST_TRUSTED.has(name)) return name === "getSession" ? CLEAN_KIND("session") : CLEAN;
    return derived([recv]);
  }
  if (SCALAR_RESULT.has(name)) return CLEAN;
  if (name === "valueOf" && NUMERIC_VALUE_OF.test(last(c.recvName))) return CLEAN;
  if (name in SANITISERS && !c.isNew) return sanitise(args, SANITISERS[name]!);
  if (name === "escape") return sanitise(args, /mysql|conn|connection|pool|db|sql/i.test(c.recvName) ? SINK_BITS[89] : SINK_BITS[79]);
  if (name === "quote" && /shlex|pipes/.test(c.recvName)) return sanitise(args, SINK_BITS[78]);
  if (name === "getName" && recv && !recv.t && c.lang === "java" && /FilenameUtils/.test(c.recvName)) return sanitise(args, SINK_BITS[22]);
  if (NORMALISERS.has(name) && !c.isNew) return { ...derived(recv ? [recv, ...args] : args), norm: true };
  switch (name) {
    case "getWriter":
    case "getOutputStream":
      return CLEAN_KIND("writer");
    case "getSession":
      return CLEAN_KIND("session");
    case "getRuntime":
      return CLEAN_KIND("runtime");
    case "newXPath":
      return CLEAN_KIND("xpath");
    case "getDirContext":
      return CLEAN_KIND("ldap");
    case "getProperty":
    case "getenv":
      // Configuration is trusted; with a default the default stands for the unknown configured value.
      return recv?.t ? undefined : args.length >= 2 && args[1]!.c !== undefined ? constant(args[1]!.c) : CLEAN;
  }
  if (c.isNew) {
    if (/^(InitialDirContext|InitialLdapContext)$/.test(name)) return CLEAN_KIND("ldap");
    if (name === "ProcessBuilder") return { ...derived(args), kind: "process" };
  }
  return undefined;
}

const CLEAN_KIND = (kind: string): Val => ({ ...CLEAN, kind });

function sanitise(args: Val[], bits: number): Val {
  const f = flat(derived(args));
  return f.t ? { ...f, san: f.san | bits } : f;
}

const SQL_SPECIFIC = new Set([
  "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch", "prepareStatement", "prepareCall", "nativeSQL", "queryForObject",
  "queryForList", "queryForMap", "queryForRowSet", "queryForLong", "queryForInt", "batchUpdate", "createQuery", "createSQLQuery",
  "createNativeQuery", "$queryRawUnsafe", "$executeRawUnsafe", "executemany", "executescript",
]);
const SQL_GENERIC = new Set(["execute", "query", "update", "raw", "run", "all", "exec", "get", "each", "prepare", "text", "extra"]);
const SQL_TEXT = /\b(select\s|insert\s+into|update\s+\S+\s+set|delete\s+from|where\s|values\s*\(|\{\s*call\s|drop\s+table|order\s+by|create\s+table)/i;
const FILE_TYPES = new Set(["File", "FileInputStream", "FileOutputStream", "FileReader", "FileWriter", "RandomAccessFile", "FileSystemResource", "ZipFile", "JarFile"]);
const WRITER_METHODS = new Set(["print", "println", "write", "format", "printf", "append"]);
const NODE_FS = /(^|\.)(fs|fsp|fse|promises|fs-extra)$/;
const NODE_FS_CALLS = /^(readFile|readFileSync|createReadStream|createWriteStream|writeFile|writeFileSync|appendFile|appendFileSync|unlink|unlinkSync|readdir|readdirSync|rm|rmSync|open|openSync|access|stat|statSync)$/;
const PY_SUBPROCESS = new Set(["call", "run", "Popen", "check_output", "check_call", "getoutput", "getstatusoutput"]);

export function taintSinks(c: CallInfo): TaintSink[] {
  const { name, recv, recvName, args } = c;
  const out: TaintSink[] = [];
  const recvKind = recv?.kind ?? "";
  const arg0 = args[0] ? flat(args[0]) : undefined;
  const sqlText = (v: Val | undefined) => v !== undefined && SQL_TEXT.test(v.shape);

  // SQL injection (CWE-89): the query text itself.
  if (!c.isNew && arg0 && (SQL_SPECIFIC.has(name) || (SQL_GENERIC.has(name) && sqlText(arg0)))) {
    out.push({ rule: "taint.sql-injection", cwe: 89, args: [0], what: `${name}()` });
  }

  if (c.lang === "java") {
    if (c.isNew && FILE_TYPES.has(name)) out.push({ rule: "taint.path-traversal", cwe: 22, args: "all", what: `new ${name}()` });
    if (!c.isNew && /(^|\.)(Paths|Path)$/.test(recvName) && (name === "get" || name === "of")) out.push({ rule: "taint.path-traversal", cwe: 22, args: "all", what: `${last(recvName)}.${name}()` });
    if (name === "exec" && (recvKind === "runtime" || /Runtime/.test(recvName))) out.push({ rule: "taint.command-injection", cwe: 78, args: "all", what: "Runtime.exec()" });
    if ((c.isNew && name === "ProcessBuilder") || (name === "command" && recvKind === "process")) out.push({ rule: "taint.command-injection", cwe: 78, args: "all", what: "ProcessBuilder" });
    if (recvKind === "writer" && WRITER_METHODS.has(name)) out.push({ rule: "taint.xss", cwe: 79, args: "all", what: `response writer ${name}()` });
    if (name === "search" && args.length >= 2 && (recvKind === "ldap" || /DirContext|Ldap/i.test(recvName))) out.push({ rule: "taint.ldap-injection", cwe: 90, args: [1], what: "DirContext.search()" });
    if ((name === "compile" || name === "evaluate") && recvKind === "xpath") out.push({ rule: "taint.xpath-injection", cwe: 643, args: [0], what: `XPath.${name}()` });
    if ((name === "setAttribute" || name === "putValue") && recvKind === "session") out.push({ rule: "taint.trust-boundary", cwe: 501, args: "all", what: `session.${name}()` });
  } else if (c.lang === "js") {
    if (/(^|\.)child_process$|^cp$/.test(recvName) || (recvName === "" && /^(exec|execSync)$/.test(name))) {
      if (/^(exec|execSync|spawn|spawnSync|execFile|execFileSync)$/.test(name)) out.push({ rule: "taint.command-injection", cwe: 78, args: [0], what: `${name}()` });
    }
    if ((NODE_FS.test(recvName) && NODE_FS_CALLS.test(name)) || (/^res(ponse)?$/.test(recvName) && /^(sendFile|download)$/.test(name))) {
      out.push({ rule: "taint.path-traversal", cwe: 22, args: [0], what: `${name}()` });
    }
    if ((/^res(ponse)?$/.test(recvName) && /^(send|write|end)$/.test(name)) || (recvName === "document" && /^(write|writeln)$/.test(name))) {
      out.push({ rule: "taint.xss", cwe: 79, args: [0], what: `${recvName}.${name}()` });
    }
  } else {
    if ((recvName === "os" && /^(system|popen|popen2|popen3|execl|execlp|execv|execvp)$/.test(name)) || (recvName === "commands" && name === "getoutput")) {
      out.push({ rule: "taint.command-injection", cwe: 78, args: [0], what: `os.${name}()` });
    }
    // An argument list without a shell cannot inject a command; a string or shell=True can.
    if (recvName === "subprocess" && PY_SUBPROCESS.has(name) && args[0] && (args[0].obj?.tag !== "list" || c.kwargs.shell?.c === true)) {
      out.push({ rule: "taint.command-injection", cwe: 78, args: [0], what: `subprocess.${name}()` });
    }
    if ((recvName === "" && (name === "open" || name === "send_file")) || (/^(os|shutil|io|flask)$/.test(recvName) && /^(open|remove|unlink|rmdir|listdir|rmtree|copy|move|send_file)$/.test(name))) {
      out.push({ rule: "taint.path-traversal", cwe: 22, args: [0], what: `${name}()` });
    }
    if (/^(make_response|render_template_string|HttpResponse|Markup|mark_safe)$/.test(name)) out.push({ rule: "taint.xss", cwe: 79, args: [0], what: `${name}()` });
  }
  return out;
}

const WEAK_HASH = /^(md2|md4|md5|sha|sha-?1|sha1prng)$/i;
const WEAK_CIPHER = /^(des|desede|tripledes|3des|rc2|rc4|arc4|arcfour|blowfish|bf)([-/_]|$)|\/ecb\/|-ecb$|^aes$/i;

/** Weak algorithms and flags visible at the call itself. */
export function directHits(c: CallInfo): DirectHit[] {
  const { name, recvName, args } = c;
  const alg = typeof args[0]?.c === "string" ? (args[0]!.c as string) : undefined;
  const out: DirectHit[] = [];
  if (c.lang === "java") {
    if (name === "getInstance" && /MessageDigest$/.test(recvName) && alg && WEAK_HASH.test(alg)) out.push({ rule: "crypto.weak-hash", message: `MessageDigest uses the weak algorithm ${alg}` });
    if (name === "getInstance" && /(Cipher|KeyGenerator|SecretKeyFactory)$/.test(recvName) && alg && WEAK_CIPHER.test(alg) && (/Cipher$/.test(recvName) || !/^aes$/i.test(alg))) out.push({ rule: "crypto.weak-cipher", message: `${last(recvName)} uses the weak algorithm ${alg}` });
    if (/DigestUtils$/.test(recvName) && /^(md5|sha1|md2|sha)(Hex)?$|^getMd5Digest$|^getSha1Digest$/.test(name)) out.push({ rule: "crypto.weak-hash", message: `DigestUtils.${name} is a weak hash` });
    if ((c.isNew && name === "Random") || (name === "random" && /(^|\.)Math$/.test(recvName))) out.push({ rule: "crypto.weak-random", message: c.isNew ? "java.util.Random is predictable" : "Math.random() is predictable" });
    if (name === "setSecure" && args[0]?.c === false) out.push({ rule: "cookie.insecure", message: "Cookie.setSecure(false) sends the cookie over plain HTTP" });
  } else if (c.lang === "js") {
    if (name === "createHash" && alg && WEAK_HASH.test(alg)) out.push({ rule: "crypto.weak-hash", message: `createHash('${alg}') is a weak hash` });
    if (/^createCipher(iv)?$/.test(name) && alg && WEAK_CIPHER.test(alg)) out.push({ rule: "crypto.weak-cipher", message: `${name}('${alg}') is a weak cipher` });
    if (name === "cookie" && /^res(ponse)?$/.test(recvName)) {
      const opts = args[2]?.obj;
      if (opts?.tag === "map" && opts.m.get("secure")?.c === false) out.push({ rule: "cookie.insecure", message: "res.cookie(..., { secure: false })" });
    }
  } else {
    if (recvName === "hashlib" && (/^(md5|sha1|md4)$/.test(name) || (name === "new" && alg && WEAK_HASH.test(alg)))) out.push({ rule: "crypto.weak-hash", message: `hashlib.${name === "new" ? `new('${alg}')` : name} is a weak hash` });
    if (name === "new" && /(^|\.)(DES|DES3|ARC4|ARC2|Blowfish)$/.test(recvName)) out.push({ rule: "crypto.weak-cipher", message: `${last(recvName)} is a weak cipher` });
    if (name === "set_cookie" && c.kwargs.secure?.c === false) out.push({ rule: "cookie.insecure", message: "set_cookie(..., secure=False)" });
  }
  return out;
}

/** Names a JS/Python weak random value is a problem for (a random number elsewhere is not). */
export const SECURITY_NAME = /token|secret|passw|key|nonce|salt|session|otp|csrf|auth/i;
export const weakRandomCall = (lang: Lang, recvName: string, name: string) =>
  (lang === "js" && recvName === "Math" && name === "random") || (lang === "python" && recvName === "random" && /^(random|randint|randrange|choice|getrandbits)$/.test(name));
