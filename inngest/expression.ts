// The subset of Inngest's CEL expressions that both engines evaluate identically. Inngest receives the
// expression text as is; the embedded runner evaluates it here. Anything outside the subset is refused when
// the workflow is defined (concurrency keys) or when the step runs (waitForEvent), on both engines, so a
// handler that works on one engine cannot silently depend on CEL the other does not understand.
//
//   concurrency key:   operand ( "+" operand )*          e.g.  event.data.repoFullName + ":" + event.data.branch
//   waitForEvent `if`: value "==" value ( "&&" ... )*     e.g.  event.data.sessionId == async.data.sessionId
//   operand:           event.data.<field>[.<field>...] | "string literal"
//   value:             event.data.<path> | async.data.<path> | "string" | number | true | false | null
//
// `event` is the run's triggering event, `async` the incoming event a wait is matching. In a key, a
// missing field or a non-string value is rendered as JSON text ("" when missing), so runs missing the field
// share one queue: never less serialization than asked for.

type Token = { kind: "path"; root: "event" | "async"; path: string[] } | { kind: "literal"; value: unknown } | { kind: "op"; op: "+" | "==" | "&&" };

export class ExpressionError extends Error {
  constructor(expression: string, reason: string) {
    super(`Unsupported workflow expression ${JSON.stringify(expression)}: ${reason}. Supported: event.data.<field> / async.data.<field> paths, string literals, "+" (concurrency keys), "==" joined by "&&" (waitForEvent if)`);
    this.name = "ExpressionError";
  }
}

const tokenPattern = /\s*(?:(?<op>\+|==|&&)|(?<str>"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(?<num>-?\d+(?:\.\d+)?)|(?<word>[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*))\s*/y;

function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  let at = 0;
  while (at < expression.length) {
    tokenPattern.lastIndex = at;
    const m = tokenPattern.exec(expression);
    if (!m || m[0].length === 0) throw new ExpressionError(expression, `unexpected text at ${JSON.stringify(expression.slice(at, at + 12))}`);
    at = tokenPattern.lastIndex;
    const g = m.groups!;
    if (g.op) tokens.push({ kind: "op", op: g.op as "+" | "==" | "&&" });
    else if (g.str) tokens.push({ kind: "literal", value: stringLiteral(g.str) });
    else if (g.num) tokens.push({ kind: "literal", value: Number(g.num) });
    else if (g.word === "true" || g.word === "false") tokens.push({ kind: "literal", value: g.word === "true" });
    else if (g.word === "null") tokens.push({ kind: "literal", value: null });
    else {
      const [root, data, ...path] = g.word!.split(".");
      if ((root !== "event" && root !== "async") || data !== "data" || path.length === 0) {
        throw new ExpressionError(expression, `${g.word} is not event.data.<field> or async.data.<field>`);
      }
      tokens.push({ kind: "path", root, path });
    }
  }
  if (tokens.length === 0) throw new ExpressionError(expression, "it is empty");
  return tokens;
}

function stringLiteral(text: string): string {
  if (text.startsWith('"')) return JSON.parse(text) as string;
  return JSON.parse(`"${text.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string;
}

type Operand = Exclude<Token, { kind: "op" }>;
interface Scope {
  event: { data?: unknown };
  async?: { data?: unknown };
}
const missing = Symbol("missing");

function resolve(operand: Operand, scope: Scope): unknown {
  if (operand.kind === "literal") return operand.value;
  let value: unknown = operand.root === "event" ? scope.event.data : scope.async?.data;
  for (const key of operand.path) {
    if (value === null || typeof value !== "object" || !(key in value)) return missing;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Splits `a op b op c` into operands, requiring strict alternation. */
function operands(expression: string, tokens: Token[], op: "+" | "=="): Operand[] {
  const out: Operand[] = [];
  tokens.forEach((t, i) => {
    const wantOperand = i % 2 === 0;
    if (wantOperand && t.kind === "op") throw new ExpressionError(expression, `"${t.op}" where a value belongs`);
    if (!wantOperand && !(t.kind === "op" && t.op === op)) throw new ExpressionError(expression, `expected "${op}" between values`);
    if (wantOperand) out.push(t as Operand);
  });
  if (tokens.at(-1)?.kind === "op") throw new ExpressionError(expression, "it ends with an operator");
  return out;
}

/** Compiles a concurrency key expression; the result renders the key for a run's event. */
export function compileConcurrencyKey(expression: string): (event: { data?: unknown }) => string {
  const parts = operands(expression, tokenize(expression), "+");
  for (const p of parts) {
    if (p.kind === "path" && p.root !== "event") throw new ExpressionError(expression, "a concurrency key can only read event.data");
    if (p.kind === "literal" && typeof p.value !== "string") throw new ExpressionError(expression, "only string literals can be joined");
  }
  return (event) =>
    parts
      .map((p) => {
        const v = resolve(p, { event });
        return v === missing ? "" : typeof v === "string" ? v : JSON.stringify(v);
      })
      .join("");
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === missing || b === missing) return false;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Compiles a waitForEvent `if` expression; the result says whether `async` matches the run's `event`. */
export function compileEventMatch(expression: string): (scope: Required<Scope>) => boolean {
  const tokens = tokenize(expression);
  const clauses: Token[][] = [[]];
  for (const t of tokens) {
    if (t.kind === "op" && t.op === "&&") clauses.push([]);
    else clauses.at(-1)!.push(t);
  }
  const comparisons = clauses.map((clause) => {
    const pair = operands(expression, clause, "==");
    if (pair.length !== 2) throw new ExpressionError(expression, "each clause must be one comparison a == b");
    return pair as [Operand, Operand];
  });
  return (scope) => comparisons.every(([a, b]) => sameValue(resolve(a, scope), resolve(b, scope)));
}

/** Inngest's `match: "data.x"` shorthand, as the `if` expression the SDK turns it into. */
export function matchToIf(match: string): string {
  return `event.${match} == async.${match}`;
}
