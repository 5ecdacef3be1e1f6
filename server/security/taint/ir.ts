// A small language-neutral form of the code the taint interpreter walks. Each language's lowering
// (lower-java.ts, lower-js.ts, lower-python.ts) maps its tree-sitter nodes onto it, so one interpreter
// follows untrusted data in all three languages.
export type Literal = string | number | boolean | null;

export type Expr =
  | { k: "lit"; v: Literal; int?: boolean }
  | { k: "var"; name: string }
  | { k: "field"; obj: Expr; name: string }
  | { k: "index"; obj: Expr; idx: Expr }
  | { k: "call"; name: string; recv: Expr | null; args: Expr[]; kwargs?: Record<string, Expr>; line: number; isNew?: boolean }
  | { k: "bin"; op: string; l: Expr; r: Expr }
  | { k: "un"; op: string; e: Expr }
  | { k: "cond"; c: Expr; a: Expr; b: Expr }
  | { k: "arr"; items: Expr[] }
  | { k: "dict"; entries: [Expr, Expr][] }
  | { k: "tmpl"; parts: Expr[] }
  | { k: "assign"; target: Expr; op: string; value: Expr; line: number }
  | { k: "fn"; fn: FnDef }
  | { k: "opaque"; parts: Expr[] };

export type Stmt =
  | { k: "expr"; e: Expr }
  | { k: "decl"; name: string; type?: string; value: Expr | null; line: number }
  | { k: "if"; c: Expr; then: Stmt[]; else: Stmt[] }
  | { k: "switch"; d: Expr; cases: { tests: Expr[] | null; body: Stmt[] }[] }
  | { k: "foreach"; names: string[]; iter: Expr; body: Stmt[] }
  | { k: "loop"; c: Expr | null; body: Stmt[] }
  | { k: "try"; body: Stmt[]; handlers: Stmt[][]; fin: Stmt[] }
  | { k: "return"; e: Expr | null; line: number }
  | { k: "jump"; kind: "break" | "continue" | "throw" };

export interface Param {
  name: string;
  type?: string;
}

export interface FnDef {
  name: string;
  params: Param[];
  body: Stmt[];
  line: number;
  /** Decorator / annotation texts (a Python route decorator marks a request handler). */
  decorators: string[];
  /** The enclosing class, for calls resolved through another file's class (Java). */
  owner?: string;
}

export interface Module {
  fns: FnDef[];
  /** Module-level statements (Java field initialisers, JS/Python top-level code). */
  top: Stmt[];
}

export const lit = (v: Literal, int?: boolean): Expr => ({ k: "lit", v, ...(int ? { int } : {}) });
export const opaque = (parts: Expr[] = []): Expr => ({ k: "opaque", parts });
