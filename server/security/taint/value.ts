// The abstract value the interpreter computes for every expression: whether it carries untrusted data,
// for which sinks that data has been neutralised, its constant value when known, and — for builders,
// maps, lists and arrays — what each slot holds, so a safe key or index is told from a tainted one.
import type { Literal } from "./ir";

/** Sink classes a sanitiser can neutralise, as bits. */
export const SINK_BITS = { 89: 1, 22: 2, 78: 4, 79: 8, 90: 16, 643: 32 } as const;
export type SinkCwe = keyof typeof SINK_BITS;
export const ALL_SINKS = 63;

export type Obj =
  | { tag: "sb"; v: Val }
  | { tag: "map"; m: Map<string, Val>; any: Val }
  | { tag: "list"; items: Val[]; exact: boolean };

export interface Val {
  t: boolean;
  /** Bits of SINK_BITS for which the untrusted part has passed a sanitiser. */
  san: number;
  c?: Literal;
  int?: boolean;
  /** Constant text with \u0001 where untrusted data goes: tells SQL / LDAP / XPath text apart. */
  shape: string;
  obj?: Obj;
  /** What the value is known to be: request, writer, session, runtime, a declared type… */
  kind?: string;
  /** A path that went through normalisation (canonical / resolved / realpath). */
  norm?: boolean;
  /** All of the untrusted part comes from a function's parameters (callers unknown), not from a request. */
  param?: boolean;
}

const SHAPE_CAP = 600;
export const CLEAN: Val = Object.freeze({ t: false, san: 0, shape: "" }) as Val;
export const TAINTED: Val = Object.freeze({ t: true, san: 0, shape: "\u0001" }) as Val;

export function constant(c: Literal, int?: boolean): Val {
  return { t: false, san: 0, c, ...(int ? { int } : {}), shape: c === null ? "" : String(c).slice(0, SHAPE_CAP) };
}

export function clean(kind?: string): Val {
  return kind ? { t: false, san: 0, shape: "", kind } : CLEAN;
}

/** The value as data: a builder's text, a collection's elements joined (each object once: code can build
 * cycles, such as a list that holds itself). */
export function flat(v: Val, seen: Set<Obj> = new Set()): Val {
  if (!v.obj) return v;
  const o = v.obj;
  const out: Val = { ...v, obj: undefined, c: undefined };
  if (seen.has(o)) return out;
  seen.add(o);
  if (o.tag === "sb") return flat(o.v, seen);
  const parts = o.tag === "map" ? [...o.m.values(), o.any] : o.items;
  let acc = out;
  for (const p of parts) acc = join(acc, flat(p, seen));
  return acc;
}

export function isTainted(v: Val, cwe?: SinkCwe): boolean {
  const f = flat(v);
  return f.t && (cwe === undefined || (f.san & SINK_BITS[cwe]) === 0);
}

/** Either value may flow here (branches merged). */
export function join(a: Val, b: Val): Val {
  if (a === b) return a;
  const t = a.t || b.t;
  const san = a.t && b.t ? a.san & b.san : a.t ? a.san : b.t ? b.san : 0;
  const same = a.c !== undefined && a.c === b.c;
  const out: Val = { t, san, shape: a.shape === b.shape ? a.shape : `${a.shape}|${b.shape}`.slice(0, SHAPE_CAP) };
  if (same) out.c = a.c;
  if (a.int && b.int) out.int = true;
  if (a.kind && a.kind === b.kind) out.kind = a.kind;
  else if (a.kind || b.kind) out.kind = a.kind ?? b.kind;
  if (a.norm && b.norm) out.norm = true;
  if (t && (!a.t || a.param) && (!b.t || b.param)) out.param = true;
  if (a.obj || b.obj) out.obj = a.obj === b.obj ? a.obj : joinObj(a.obj, b.obj);
  return out;
}

function joinObj(a: Obj | undefined, b: Obj | undefined): Obj | undefined {
  if (!a) return b;
  if (!b) return a;
  if (a.tag === "map" && b.tag === "map") {
    const m = new Map(a.m);
    for (const [k, v] of b.m) m.set(k, m.has(k) ? join(m.get(k)!, v) : v);
    return { tag: "map", m, any: join(a.any, b.any) };
  }
  if (a.tag === "list" && b.tag === "list" && a.exact && b.exact && a.items.length === b.items.length) {
    return { tag: "list", items: a.items.map((v, i) => join(v, b.items[i]!)), exact: true };
  }
  return { tag: "list", items: [flat({ ...CLEAN, obj: a }), flat({ ...CLEAN, obj: b })], exact: false };
}

/** String building: both parts flow into the result. */
export function concat(a: Val, b: Val): Val {
  const fa = flat(a);
  const fb = flat(b);
  const t = fa.t || fb.t;
  const san = fa.t && fb.t ? fa.san & fb.san : fa.t ? fa.san : fb.t ? fb.san : 0;
  const out: Val = { t, san, shape: (fa.shape + fb.shape).slice(0, SHAPE_CAP) };
  if (fa.c !== undefined && fb.c !== undefined && fa.c !== null && fb.c !== null) out.c = `${fa.c}${fb.c}`;
  if (fa.norm || fb.norm) out.norm = fa.norm && fb.norm;
  if (t && (!fa.t || fa.param) && (!fb.t || fb.param)) out.param = true;
  return out;
}

/** A value derived from `from` (a method result, a decoded or converted copy). */
export function derived(from: Val[], kind?: string): Val {
  let out: Val = CLEAN;
  for (const f of from) out = concat(out, f);
  const result: Val = { t: out.t, san: out.san, shape: out.t ? out.shape : "" };
  if (out.param) result.param = true;
  if (kind) result.kind = kind;
  return result;
}

/** A parameter of a function whose callers are unknown: only SQL text built from it is reported. */
export function parameterValue(): Val {
  return { t: true, san: ALL_SINKS & ~SINK_BITS[89], shape: "\u0001", param: true };
}
