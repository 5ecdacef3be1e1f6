// The taint interpreter: walks each function of a module (ir.ts) once with abstract values (value.ts),
// following untrusted input through assignments, string building, builders and collections, branches
// (a condition that folds to a constant takes only its branch; a constant switch only its case) and calls
// into functions of the same file, and reports a finding when unsanitised input reaches a sink (rules.ts).
import type { RuleId } from "../catalog";
import type { Expr, FnDef, Literal, Module, Stmt } from "./ir";
import { callResult, directHits, isRequestParam, requestGlobal, requestObject, SECURITY_NAME, taintSinks, weakRandomCall, type CallInfo, type Lang } from "./rules";
import { CLEAN, parameterValue, concat, constant, derived, flat, isTainted, join, type Obj, type SinkCwe, type Val } from "./value";

export interface RawFinding {
  rule: RuleId;
  line: number;
  message: string;
}

type Completion = "normal" | "return" | "break" | "continue" | "throw";
type Scope = Map<string, Val>;

interface Frame {
  fn: FnDef;
  scope: Scope;
  returns: Val[];
  /** Scopes at each `break`/`continue` of the innermost loop or switch. */
  exits: Scope[][];
}

export class AnalysisBudgetExceeded extends Error {}

const MAX_CALL_DEPTH = 4;
const ROUTE_DECORATOR = /route|\.(get|post|put|patch|delete)\(/;

/** Other files of the same project: a call on an instance (or a static call) of one of their classes runs
 * that class's method, so a helper's constant result or its sanitising is seen. Their findings belong to
 * their own files and are not reported here. */
export class ProjectIndex {
  private readonly owners = new Map<string, { mod: Module; lang: Lang }>();
  private readonly interpreters = new Map<Module, Interpreter>();
  active = 0;

  add(mod: Module, lang: Lang) {
    for (const fn of mod.fns) if (fn.owner && !this.owners.has(fn.owner)) this.owners.set(fn.owner, { mod, lang });
  }

  call(className: string, name: string, args: Val[], recv: Val | null, from: Module): Val | undefined {
    const entry = this.owners.get(className);
    if (!entry || entry.mod === from || this.active >= 2) return undefined;
    const fn = entry.mod.fns.find((f) => f.owner === className && f.name === name && f.params.length === args.length);
    if (!fn) return undefined;
    let interp = this.interpreters.get(entry.mod);
    if (!interp) {
      interp = new Interpreter(entry.mod, entry.lang, 100_000, this);
      interp.initGlobals();
      this.interpreters.set(entry.mod, interp);
    }
    this.active++;
    try {
      return interp.invoke(fn, args, recv, recv !== null);
    } catch (e) {
      if (e instanceof AnalysisBudgetExceeded) return undefined;
      throw e;
    } finally {
      this.active--;
    }
  }
}

export function analyzeModule(mod: Module, lang: Lang, options: { maxSteps?: number; project?: ProjectIndex } = {}): RawFinding[] {
  return new Interpreter(mod, lang, options.maxSteps ?? 400_000, options.project).run();
}

class Interpreter {
  private readonly globals: Scope = new Map();
  private readonly findings = new Map<string, RawFinding>();
  private readonly byName = new Map<string, FnDef[]>();
  private readonly stack: FnDef[] = [];
  private readonly memo = new Map<string, Val>();
  private steps = 0;

  constructor(
    private readonly mod: Module,
    private readonly lang: Lang,
    private readonly maxSteps: number,
    private readonly project?: ProjectIndex,
  ) {
    for (const fn of mod.fns) this.byName.set(fn.name, [...(this.byName.get(fn.name) ?? []), fn]);
  }

  initGlobals() {
    const top: FnDef = { name: "<module>", params: [], body: this.mod.top, line: 1, decorators: [] };
    this.execBlock(top.body, { fn: top, scope: this.globals, returns: [], exits: [] });
  }

  run(): RawFinding[] {
    this.initGlobals();
    for (const fn of this.mod.fns) {
      const scope: Scope = new Map();
      for (const p of fn.params) scope.set(p.name, isRequestParam(this.lang, p) ? requestObject() : isTextParam(this.lang, p) ? parameterValue() : p.type ? { ...CLEAN, kind: p.type } : CLEAN);
      this.stack.push(fn);
      this.execBlock(fn.body, { fn, scope, returns: [], exits: [] });
      this.stack.pop();
    }
    return [...this.findings.values()].sort((a, b) => a.line - b.line);
  }

  private report(rule: RuleId, line: number, message: string) {
    const key = `${rule}:${line}`;
    if (!this.findings.has(key)) this.findings.set(key, { rule, line, message });
  }

  private tick() {
    if (++this.steps > this.maxSteps) throw new AnalysisBudgetExceeded(`analysis stopped after ${this.maxSteps} steps`);
  }

  // ---- statements ----

  private execBlock(stmts: Stmt[], f: Frame): Completion {
    for (const s of stmts) {
      const c = this.exec(s, f);
      if (c !== "normal") return c;
    }
    return "normal";
  }

  private exec(s: Stmt, f: Frame): Completion {
    this.tick();
    switch (s.k) {
      case "expr":
        this.ev(s.e, f);
        return "normal";
      case "decl": {
        let v = s.value ? this.ev(s.value, f) : s.type && isRequestParam(this.lang, { name: s.name, type: s.type }) ? requestObject() : CLEAN;
        if (s.type && !v.kind) v = { ...v, kind: s.type };
        this.checkWeakRandomName(s.name, v, s.line);
        f.scope.set(s.name, v);
        return "normal";
      }
      case "if":
        return this.execIf(s, f);
      case "switch":
        return this.execSwitch(s, f);
      case "loop":
      case "foreach":
        return this.execLoop(s, f);
      case "try": {
        const c = this.execBlock(s.body, f);
        const after = [new Map(f.scope)];
        for (const h of s.handlers) {
          const hf = { ...f, scope: new Map(f.scope) };
          if (this.execBlock(h, hf) === "normal") after.push(hf.scope);
        }
        replace(f.scope, mergeScopes(after));
        const fc = this.execBlock(s.fin, f);
        return fc !== "normal" ? fc : s.handlers.length > 0 ? "normal" : c;
      }
      case "return": {
        const v = s.e ? this.ev(s.e, f) : CLEAN;
        f.returns.push(v);
        if (this.lang === "python" && f.fn.decorators.some((d) => ROUTE_DECORATOR.test(d)) && isTainted(v, 79)) {
          this.report("taint.xss", s.line, "Request data is returned as the HTML body of a route handler without encoding");
        }
        return "return";
      }
      case "jump":
        if (s.kind !== "throw") f.exits.at(-1)?.push(new Map(f.scope));
        return s.kind;
    }
  }

  private execIf(s: Extract<Stmt, { k: "if" }>, f: Frame): Completion {
    const c = flat(this.ev(s.c, f));
    if (c.c !== undefined) return this.execBlock(truthy(c.c) ? s.then : s.else, f);
    const thenScope = new Map(f.scope);
    const elseScope = new Map(f.scope);
    this.narrow(s.c, thenScope, true);
    this.narrow(s.c, elseScope, false);
    const ct = this.execBlock(s.then, { ...f, scope: thenScope });
    const ce = this.execBlock(s.else, { ...f, scope: elseScope });
    const live = [ct === "normal" ? thenScope : null, ce === "normal" ? elseScope : null].filter((x): x is Scope => x !== null);
    if (live.length === 0) return ct;
    replace(f.scope, mergeScopes(live));
    return "normal";
  }

  /** A normalised path checked with startsWith(base) is contained in the branch where the check held. */
  private narrow(cond: Expr, scope: Scope, holds: boolean) {
    let e = cond;
    let want = holds;
    while (e.k === "un" && e.op === "!") {
      e = e.e;
      want = !want;
    }
    if (want && e.k === "call" && /^(startsWith|startswith)$/.test(e.name) && e.recv?.k === "var") {
      const v = scope.get(e.recv.name);
      if (v?.norm) scope.set(e.recv.name, { ...v, san: v.san | 2 });
    }
  }

  private execSwitch(s: Extract<Stmt, { k: "switch" }>, f: Frame): Completion {
    const d = flat(this.ev(s.d, f));
    const exits: Scope[] = [];
    f.exits.push(exits);
    try {
      if (d.c !== undefined) {
        let start = s.cases.findIndex((c) => c.tests?.some((t) => looseEq(flat(this.ev(t, f)).c, d.c)));
        if (start < 0) start = s.cases.findIndex((c) => c.tests === null);
        if (start < 0) return "normal";
        const c = this.runCases(s, start, f);
        if (c === "break") replace(f.scope, mergeScopes(exits));
        return c === "break" ? "normal" : c;
      }
      const outs: Scope[] = s.cases.some((c) => c.tests === null) ? [] : [new Map(f.scope)];
      let result: Completion = "normal";
      for (let i = 0; i < s.cases.length; i++) {
        const cf = { ...f, scope: new Map(f.scope) };
        const c = this.runCases(s, i, cf);
        if (c === "normal") outs.push(cf.scope);
        else if (c !== "break") result = c;
      }
      outs.push(...exits);
      if (outs.length === 0) return result;
      replace(f.scope, mergeScopes(outs));
      return "normal";
    } finally {
      f.exits.pop();
    }
  }

  private runCases(s: Extract<Stmt, { k: "switch" }>, start: number, f: Frame): Completion {
    for (let i = start; i < s.cases.length; i++) {
      const c = this.execBlock(s.cases[i]!.body, f);
      if (c !== "normal") return c;
    }
    return "normal";
  }

  private execLoop(s: Extract<Stmt, { k: "loop" | "foreach" }>, f: Frame): Completion {
    if (s.k === "loop" && s.c) {
      const c = flat(this.ev(s.c, f));
      if (c.c !== undefined && !truthy(c.c)) return "normal";
    }
    const element = s.k === "foreach" ? elementOf(this.ev(s.iter, f)) : null;
    const exits: Scope[] = [];
    const outs: Scope[] = [new Map(f.scope)];
    f.exits.push(exits);
    let cur = new Map(f.scope);
    for (let i = 0; i < 2; i++) {
      if (s.k === "foreach") for (const n of s.names) cur.set(n, element!);
      const c = this.execBlock(s.body, { ...f, scope: cur });
      if (c === "normal") outs.push(new Map(cur));
      cur = mergeScopes([...outs, ...exits]);
    }
    f.exits.pop();
    replace(f.scope, mergeScopes([...outs, ...exits]));
    return "normal";
  }

  // ---- expressions ----

  private ev(e: Expr, f: Frame): Val {
    this.tick();
    switch (e.k) {
      case "lit":
        return constant(e.v, e.int);
      case "var":
        return this.lookup(e.name, f);
      case "field":
        return this.evField(e, f);
      case "index": {
        const obj = this.ev(e.obj, f);
        const idx = flat(this.ev(e.idx, f));
        return readSlot(obj, idx.c);
      }
      case "call":
        return this.evCall(e, f);
      case "bin":
        return this.evBin(e.op, this.ev(e.l, f), e.op === "&&" || e.op === "||" || e.op === "and" || e.op === "or" ? null : this.ev(e.r, f), e, f);
      case "un": {
        const v = flat(this.ev(e.e, f));
        if (e.op === "!" || e.op === "not") return v.c !== undefined ? constant(!truthy(v.c)) : CLEAN;
        if (e.op === "-" && typeof v.c === "number") return constant(-v.c, v.int);
        if (e.op === "bool") return CLEAN;
        return e.op === "++" || e.op === "-" || e.op === "~" || e.op === "+" ? { ...CLEAN } : v;
      }
      case "cond": {
        const c = flat(this.ev(e.c, f));
        if (c.c !== undefined) return this.ev(truthy(c.c) ? e.a : e.b, f);
        return join(this.ev(e.a, f), this.ev(e.b, f));
      }
      case "arr":
        return { ...CLEAN, obj: { tag: "list", items: e.items.map((i) => this.ev(i, f)), exact: true } };
      case "dict": {
        const m = new Map<string, Val>();
        let any: Val = CLEAN;
        for (const [k, v] of e.entries) {
          const kv = flat(this.ev(k, f));
          const vv = this.ev(v, f);
          if (kv.c !== undefined && kv.c !== null) m.set(String(kv.c), vv);
          else any = join(any, join(kv, vv));
        }
        return { ...CLEAN, obj: { tag: "map", m, any } };
      }
      case "tmpl":
        return e.parts.reduce<Val>((acc, p) => concat(acc, this.ev(p, f)), constant(""));
      case "assign":
        return this.evAssign(e, f);
      case "fn":
        return this.evFn(e.fn, f);
      case "opaque":
        return derived(e.parts.map((p) => this.ev(p, f)));
    }
  }

  private lookup(name: string, f: Frame): Val {
    const v = f.scope.get(name) ?? this.globals.get(name) ?? this.globals.get(`this.${name}`);
    if (v) return v;
    if (requestGlobal(this.lang, name)) return requestObject();
    return CLEAN;
  }

  private evField(e: Extract<Expr, { k: "field" }>, f: Frame): Val {
    const path = dotted(e);
    if (e.obj.k === "var" && (e.obj.name === "this" || e.obj.name === "self")) {
      return f.scope.get(path!) ?? this.globals.get(`this.${e.name}`) ?? this.globals.get(e.name) ?? CLEAN;
    }
    if (path && f.scope.has(path)) return f.scope.get(path)!;
    const obj = this.ev(e.obj, f);
    if (obj.obj?.tag === "map") return obj.obj.m.get(e.name) ?? obj.obj.any;
    if (e.name === "length" || e.name === "size") return CLEAN;
    if (obj.kind === "request") return /^(session|app|method|user|secure|protocol)$/.test(e.name) ? CLEAN : derived([obj]);
    return obj.t ? derived([obj]) : CLEAN;
  }

  private evBin(op: string, a: Val, bLazy: Val | null, e: Extract<Expr, { k: "bin" }>, f: Frame): Val {
    const fa = flat(a);
    if (bLazy === null) {
      // Short-circuit operators: a constant left side decides without the right.
      if (fa.c !== undefined) {
        const t = truthy(fa.c);
        if ((op === "&&" || op === "and") && !t) return constant(false);
        if ((op === "||" || op === "or") && t) return constant(true);
        const fb = flat(this.ev(e.r, f));
        return fb.c !== undefined ? constant(truthy(fb.c)) : CLEAN;
      }
      const fb = flat(this.ev(e.r, f));
      if ((op === "&&" || op === "and") && fb.c !== undefined && !truthy(fb.c)) return constant(false);
      if ((op === "||" || op === "or") && fb.c !== undefined && truthy(fb.c)) return constant(true);
      return this.lang === "java" ? CLEAN : join(fa, fb);
    }
    const fb = flat(bLazy);
    if (fa.c !== undefined && fb.c !== undefined) {
      const r = fold(op, fa.c, fb.c, this.lang === "java" && !!fa.int && !!fb.int);
      if (r !== NO_FOLD) return constant(r, typeof r === "number" && !!fa.int && !!fb.int);
    }
    if (op === "+" || op === "%") {
      const numeric = (v: Val) => typeof v.c === "number" || (!v.t && v.c === undefined && v.shape === "");
      if (op === "+" && numeric(fa) && numeric(fb) && !fa.t && !fb.t) return CLEAN;
      return op === "%" && this.lang !== "python" ? CLEAN : concat(fa, fb);
    }
    if (op === "*" && this.lang === "python" && (typeof fa.c === "string" || typeof fb.c === "string")) return concat(fa, fb);
    return CLEAN;
  }

  private evAssign(e: Extract<Expr, { k: "assign" }>, f: Frame): Val {
    let v = this.ev(e.value, f);
    if (e.op !== "=" && e.op !== ":=") {
      const old = this.ev(e.target, f);
      v = e.op === "+=" ? concat(old, v) : CLEAN;
    }
    this.assignTo(e.target, v, f, e.line);
    return v;
  }

  private assignTo(t: Expr, v: Val, f: Frame, line: number) {
    switch (t.k) {
      case "var":
        this.checkWeakRandomName(t.name, v, line);
        f.scope.set(t.name, v);
        return;
      case "field": {
        if (this.lang === "js" && /^(innerHTML|outerHTML)$/.test(t.name) && isTainted(v, 79)) {
          this.report("taint.xss", line, `Request data is assigned to ${t.name} without encoding`);
        }
        this.checkWeakRandomName(t.name, v, line);
        if (t.obj.k === "var" && (t.obj.name === "this" || t.obj.name === "self")) {
          this.globals.set(`this.${t.name}`, v);
          return;
        }
        const obj = this.ev(t.obj, f);
        if (obj.obj?.tag === "map") obj.obj.m.set(t.name, v);
        const path = dotted(t);
        if (path) f.scope.set(path, v);
        return;
      }
      case "index": {
        const obj = this.ev(t.obj, f);
        writeSlot(obj, flat(this.ev(t.idx, f)).c, v);
        return;
      }
      case "arr":
        for (const item of t.items) this.assignTo(item, elementOf(v), f, line);
        return;
      default:
        return;
    }
  }

  private evFn(fn: FnDef, f: Frame): Val {
    if (fn.decorators.includes("inline")) {
      const inner: Frame = { fn: f.fn, scope: f.scope, returns: [], exits: [] };
      this.execBlock(fn.body, inner);
      return inner.returns.reduce(join, CLEAN);
    }
    // A closure / lambda: analysed where it appears, seeing the enclosing variables.
    const scope = new Map(f.scope);
    for (const p of fn.params) scope.set(p.name, isRequestParam(this.lang, p) ? requestObject() : CLEAN);
    this.execBlock(fn.body, { fn, scope, returns: [], exits: [] });
    return { ...CLEAN, kind: "function" };
  }

  private checkWeakRandomName(name: string, v: Val, line: number) {
    if (v.kind === "weak-random" && SECURITY_NAME.test(name)) this.report("crypto.weak-random", line, `A predictable random value is used for ${name}`);
  }

  // ---- calls ----

  private evCall(e: Extract<Expr, { k: "call" }>, f: Frame): Val {
    const recv = e.recv ? this.ev(e.recv, f) : null;
    const args = e.args.map((a) => this.ev(a, f));
    const kwargs: Record<string, Val> = {};
    for (const [k, v] of Object.entries(e.kwargs ?? {})) kwargs[k] = this.ev(v, f);
    const recvName = e.recv ? (dotted(e.recv) ?? "") : "";
    const info: CallInfo = { lang: this.lang, name: e.name, recv, recvName, args, kwargs, isNew: !!e.isNew };

    for (const hit of directHits(info)) this.report(hit.rule, e.line, hit.message);
    for (const sink of taintSinks(info)) {
      let checked = sink.args === "all" ? [...args, ...Object.values(kwargs)] : sink.args.map((i) => args[i]).filter((a): a is Val => a !== undefined);
      // A query config object ({ text, values } / { sql, values }): only its text is SQL; values are bound.
      if (sink.cwe === 89) checked = checked.map((a) => (a.obj?.tag === "map" ? (a.obj.m.get("text") ?? a.obj.m.get("sql") ?? a.obj.m.get("query") ?? a) : a));
      const bad = checked.map((a) => flat(a)).filter((a) => (sink.cwe === 501 ? a.t && !a.param : isTainted(a, sink.cwe as SinkCwe)));
      if (bad.length > 0) {
        const fromParams = bad.every((a) => a.param);
        this.report(sink.rule, e.line, fromParams ? `a parameter of ${this.stack.at(-1)?.name ?? "a function"}() is concatenated into the text passed to ${sink.what}` : `Untrusted request data reaches ${sink.what}`);
      }
    }
    if (weakRandomCall(this.lang, recvName, e.name)) return { ...CLEAN, kind: "weak-random" };

    if (recv?.obj && !e.isNew) {
      const r = objectMethod(recv, recv.obj, e.name, args);
      if (r) return r;
    }
    const ruled = callResult(info);
    if (ruled) return ruled;
    if (e.isNew) return constructed(e.name, args);
    const local = this.localCallee(e, recv, args.length);
    if (local) return this.invoke(local, args, recv, e.recv !== null);
    if (this.project) {
      const className = recv?.kind ?? (/^[A-Z]/.test(last(recvName)) ? last(recvName) : undefined);
      const external = className ? this.project.call(className, e.name, args, recv, this.mod) : undefined;
      if (external) return external;
    }
    return this.propagate(e.name, recv, args, recvName);
  }

  private localCallee(e: Extract<Expr, { k: "call" }>, recv: Val | null, argc: number): FnDef | undefined {
    if (recv && (recv.obj || (recv.kind && /^(request|writer|session|runtime|process|xpath|ldap)$/.test(recv.kind)))) return undefined;
    const skipSelf = (fn: FnDef) => this.lang === "python" && e.recv !== null && /^(self|cls)$/.test(fn.params[0]?.name ?? "");
    return this.byName.get(e.name)?.find((fn) => {
      const n = fn.params.length - (skipSelf(fn) ? 1 : 0);
      return this.lang === "java" ? n === argc : n >= argc;
    });
  }

  invoke(fn: FnDef, args: Val[], recv: Val | null, hasRecv: boolean): Val {
    if (this.stack.includes(fn) || this.stack.length >= MAX_CALL_DEPTH) return derived(args);
    // One analysis per callee and argument shape: calls that fan out into each other stay linear. (A
    // collection argument is keyed by what it holds; a second call with it does not mutate it again.)
    const memoKey = `${this.mod.fns.indexOf(fn)}|${args.map((a) => sig(a.obj ? flat(a) : a) + (a.obj ? "o" : "")).join(",")}`;
    if (this.memo.has(memoKey)) return this.memo.get(memoKey)!;
    const scope: Scope = new Map();
    const skip = this.lang === "python" && hasRecv && /^(self|cls)$/.test(fn.params[0]?.name ?? "") ? 1 : 0;
    if (skip) scope.set(fn.params[0]!.name, recv ?? CLEAN);
    fn.params.slice(skip).forEach((p, i) => scope.set(p.name, args[i] ?? (p.type ? { ...CLEAN, kind: p.type } : CLEAN)));
    const frame: Frame = { fn, scope, returns: [], exits: [] };
    this.stack.push(fn);
    try {
      this.execBlock(fn.body, frame);
    } finally {
      this.stack.pop();
    }
    const result = frame.returns.length ? frame.returns.reduce(join) : CLEAN;
    this.memo.set(memoKey, result);
    return result;
  }

  /** Unknown code: the result carries whatever its receiver and arguments carried; pure string methods fold. */
  private propagate(name: string, recv: Val | null, args: Val[], recvName: string): Val {
    const r = recv ? flat(recv) : null;
    const folded = foldStringMethod(name, r, args.map((a) => flat(a)), recvName);
    if (folded) return folded;
    if ((recvName === "String" || recvName === "str") && (name === "valueOf" || name === "str") && args[0]) return flat(args[0]);
    return derived(r && !/^[A-Z]/.test(recvName) ? [r, ...args] : args);
  }
}

// ---- builders and collections ----

function objectMethod(recv: Val, o: Obj, name: string, args: Val[]): Val | undefined {
  const a0 = args[0];
  const key = a0 ? flat(a0).c : undefined;
  if (o.tag === "sb") {
    switch (name) {
      case "append":
      case "write":
        if (a0) o.v = concat(o.v, a0);
        return recv;
      case "insert":
        if (args[1]) o.v = concat(args[1], o.v);
        return recv;
      case "replace":
        if (args[2]) o.v = concat(o.v, args[2]);
        return recv;
      case "toString":
      case "getvalue":
      case "substring":
        return flat(o.v);
      case "length":
        return CLEAN;
      default:
        return recv;
    }
  }
  if (o.tag === "map") {
    switch (name) {
      case "put":
      case "set":
      case "setdefault":
      case "putIfAbsent":
        if (key !== undefined && key !== null) o.m.set(String(key), args[1] ?? CLEAN);
        else o.any = join(o.any, args[1] ?? CLEAN);
        return recv;
      case "get":
      case "getOrDefault":
      case "pop":
      case "remove": {
        const k = key !== undefined && key !== null ? String(key) : undefined;
        const hit = k !== undefined ? o.m.get(k) : undefined;
        if (name === "pop" || name === "remove") if (k !== undefined) o.m.delete(k);
        if (hit) return hit;
        if (k === undefined) return flat(recv);
        return join(o.any, args[1] ?? CLEAN);
      }
      case "putAll":
      case "update":
        if (a0) o.any = join(o.any, flat(a0));
        return recv;
      case "keySet":
      case "keys":
        return CLEAN;
      case "containsKey":
      case "has":
      case "size":
        return CLEAN;
      default:
        return flat(recv);
    }
  }
  switch (name) {
    case "add":
    case "append":
    case "push":
    case "addLast":
    case "offer":
      if (name === "add" && args.length === 2) insertAt(o, key, args[1]!);
      else if (a0) o.items.push(a0);
      return name === "push" ? CLEAN : recv;
    case "insert":
      if (args[1]) insertAt(o, key, args[1]);
      return recv;
    case "addFirst":
    case "unshift":
      if (a0) o.items.unshift(a0);
      return recv;
    case "addAll":
    case "extend":
    case "concat":
      if (a0) {
        const src = a0.obj;
        if (src?.tag === "list" && src.exact && o.exact) o.items.push(...src.items);
        else {
          o.items.push(flat(a0));
          o.exact = false;
        }
      }
      return name === "concat" ? flat(recv) : recv;
    case "set":
      if (typeof key === "number" && o.exact && key < o.items.length) o.items[key] = args[1] ?? CLEAN;
      else {
        o.items.push(args[1] ?? CLEAN);
        o.exact = false;
      }
      return CLEAN;
    case "get":
    case "elementAt":
      return readSlot(recv, key);
    case "remove":
    case "pop":
    case "shift":
    case "removeFirst":
    case "poll": {
      const idx = name === "shift" || name === "removeFirst" || name === "poll" ? 0 : name === "pop" && a0 === undefined ? o.items.length - 1 : key;
      if (typeof idx === "number" && o.exact && idx >= 0 && idx < o.items.length) return o.items.splice(idx, 1)[0]!;
      if (name === "remove" && key !== undefined && o.exact) {
        const at = o.items.findIndex((v) => v.c !== undefined && v.c === key);
        if (at >= 0) o.items.splice(at, 1);
        else o.exact = false;
        return CLEAN;
      }
      o.exact = false;
      return flat(recv);
    }
    case "size":
    case "isEmpty":
    case "contains":
    case "indexOf":
      return CLEAN;
    case "toArray":
    case "iterator":
    case "stream":
    case "listIterator":
    case "subList":
    case "slice":
      return name === "toArray" ? recv : flat(recv);
    default:
      return flat(recv);
  }
}

function insertAt(o: Extract<Obj, { tag: "list" }>, idx: Literal | undefined, v: Val) {
  if (typeof idx === "number" && o.exact && idx >= 0 && idx <= o.items.length) o.items.splice(idx, 0, v);
  else {
    o.items.push(v);
    o.exact = false;
  }
}

function readSlot(obj: Val, key: Literal | undefined): Val {
  const o = obj.obj;
  if (o?.tag === "list" && o.exact && typeof key === "number") {
    const i = key < 0 ? o.items.length + key : key;
    return o.items[i] ?? CLEAN;
  }
  if (o?.tag === "map" && key !== undefined && key !== null) return o.m.get(String(key)) ?? o.any;
  const f = flat(obj);
  return f.c !== undefined && typeof f.c === "string" && typeof key === "number" ? constant(f.c.charAt(key)) : derived([f]);
}

function writeSlot(obj: Val, key: Literal | undefined, v: Val) {
  const o = obj.obj;
  if (o?.tag === "list") {
    if (typeof key === "number" && o.exact && key >= 0 && key < o.items.length) o.items[key] = v;
    else {
      o.items.push(v);
      o.exact = false;
    }
  } else if (o?.tag === "map") {
    if (key !== undefined && key !== null) o.m.set(String(key), v);
    else o.any = join(o.any, v);
  }
}

function elementOf(v: Val): Val {
  const o = v.obj;
  if (o?.tag === "list") return o.items.reduce(join, CLEAN);
  return flat(v).t ? derived([v]) : CLEAN;
}

function constructed(type: string, args: Val[]): Val {
  if (/^(StringBuilder|StringBuffer|StringWriter|StringIO)$/.test(type)) {
    const init = args[0] && typeof flat(args[0]).c !== "number" ? flat(args[0]) : constant("");
    return { ...CLEAN, kind: type, obj: { tag: "sb", v: init } };
  }
  if (/(Map|Properties|Hashtable|Dictionary)$/.test(type)) {
    const src = args[0]?.obj;
    return { ...CLEAN, kind: type, obj: src?.tag === "map" ? { tag: "map", m: new Map(src.m), any: src.any } : { tag: "map", m: new Map(), any: args[0] && typeof flat(args[0]).c !== "number" ? flat(args[0]) : CLEAN } };
  }
  if (/(List|Set|Vector|Queue|Deque|Stack)$/.test(type)) {
    const src = args[0]?.obj;
    if (src?.tag === "list") return { ...CLEAN, kind: type, obj: { tag: "list", items: [...src.items], exact: src.exact } };
    const items = args[0] && typeof flat(args[0]).c !== "number" ? [flat(args[0])] : [];
    return { ...CLEAN, kind: type, obj: { tag: "list", items, exact: items.length === 0 } };
  }
  if (type === "SecureRandom") return { ...CLEAN, kind: type };
  return { ...derived(args), kind: type };
}

// ---- constants ----

const NO_FOLD = Symbol("no-fold");

function fold(op: string, a: Literal, b: Literal, intDiv: boolean): Literal | typeof NO_FOLD {
  if (typeof a === "number" && typeof b === "number") {
    switch (op) {
      case "+": return a + b;
      case "-": return a - b;
      case "*": return a * b;
      case "/": return b === 0 ? NO_FOLD : intDiv ? Math.trunc(a / b) : a / b;
      case "//": return b === 0 ? NO_FOLD : Math.floor(a / b);
      case "%": return b === 0 ? NO_FOLD : a % b;
      case "<": return a < b;
      case ">": return a > b;
      case "<=": return a <= b;
      case ">=": return a >= b;
    }
  }
  switch (op) {
    case "+": return typeof a === "boolean" || typeof b === "boolean" || a === null || b === null ? NO_FOLD : `${a}${b}`;
    case "==": case "===": case "is": return a === b;
    case "!=": case "!==": case "is not": return a !== b;
    case "&&": case "and": return truthy(a) && truthy(b);
    case "||": case "or": return truthy(a) || truthy(b);
    case "&": return typeof a === "boolean" && typeof b === "boolean" ? a && b : NO_FOLD;
    case "|": return typeof a === "boolean" && typeof b === "boolean" ? a || b : NO_FOLD;
    case "^": return typeof a === "boolean" && typeof b === "boolean" ? a !== b : NO_FOLD;
  }
  return NO_FOLD;
}

function foldStringMethod(name: string, r: Val | null, args: Val[], recvName: string): Val | undefined {
  if (!r || typeof r.c !== "string" || args.some((a) => a.c === undefined)) {
    if (recvName === "String" && name === "valueOf" && args[0]?.c !== undefined) return constant(String(args[0].c));
    return undefined;
  }
  const s = r.c;
  const [a, b] = args.map((x) => x.c);
  switch (name) {
    case "charAt": return typeof a === "number" ? constant(s.charAt(a)) : undefined;
    case "substring": case "substr": case "slice": return typeof a === "number" ? constant(s.substring(a, typeof b === "number" ? b : undefined)) : undefined;
    case "toUpperCase": case "upper": return constant(s.toUpperCase());
    case "toLowerCase": case "lower": return constant(s.toLowerCase());
    case "trim": case "strip": return constant(s.trim());
    case "length": return constant(s.length, true);
    case "toString": case "intern": return r;
    case "concat": return typeof a === "string" ? constant(s + a) : undefined;
    case "replace": return typeof a === "string" && typeof b === "string" ? constant(s.split(a).join(b)) : undefined;
    case "equals": return constant(s === a);
    case "equalsIgnoreCase": return typeof a === "string" ? constant(s.toLowerCase() === a.toLowerCase()) : undefined;
    default: return undefined;
  }
}

function looseEq(a: Literal | undefined, b: Literal | undefined): boolean {
  return a !== undefined && (a === b || (typeof a === "number" && typeof b === "string" && b.length === 1 && b.charCodeAt(0) === a) || (typeof b === "number" && typeof a === "string" && a.length === 1 && a.charCodeAt(0) === b));
}

function truthy(v: Literal): boolean {
  return v !== null && v !== false && v !== 0 && v !== "";
}

function sig(v: Val): string {
  return `${v.t ? 1 : 0}${v.san}:${v.c === undefined ? "?" : JSON.stringify(v.c)}:${v.kind ?? ""}:${v.norm ? 1 : 0}`;
}

/** A textual parameter of a function analysed without a caller (Java String, any untyped JS/Python name). */
function isTextParam(lang: Lang, p: { name: string; type?: string }): boolean {
  if (lang === "java") return p.type === "String";
  return !/^(self|cls|res|response|next|err|error|e|db|conn|connection|client|cursor|pool|app|ctx|callback|cb|done)$/.test(p.name) && !p.name.startsWith("$");
}

const last = (s: string) => s.slice(s.lastIndexOf(".") + 1);

function dotted(e: Expr): string | null {
  if (e.k === "var") return e.name;
  if (e.k === "field") {
    const base = dotted(e.obj);
    return base === null ? null : `${base}.${e.name}`;
  }
  return null;
}

function mergeScopes(scopes: Scope[]): Scope {
  const out: Scope = new Map(scopes[0]);
  for (const s of scopes.slice(1)) {
    for (const [k, v] of s) out.set(k, out.has(k) ? join(out.get(k)!, v) : v);
    // A name bound on one path only may be unbound on the other: keep what it holds.
  }
  return out;
}

function replace(target: Scope, source: Scope) {
  target.clear();
  for (const [k, v] of source) target.set(k, v);
}
