// Python tree-sitter nodes → the interpreter's IR (ir.ts).
import { lit, opaque, type Expr, type FnDef, type Module, type Param, type Stmt } from "./ir";
import { field, jumpStmt, line, named, unquote, type Node } from "./syntax-node";

export function lowerPython(root: Node): Module {
  const mod: Module = { fns: [], top: [] };
  mod.top = named(root).flatMap((n) => stmt(n, mod));
  return mod;
}

function fnDef(n: Node, mod: Module, decorators: string[], owner?: string): FnDef {
  const params: Param[] = named(field(n, "parameters")).map((p, i) => {
    const name = p.type === "identifier" ? p : field(p, "name") ?? named(p).find((c) => c.type === "identifier");
    return { name: name?.text ?? `$arg${i}` };
  });
  return { name: field(n, "name")?.text ?? "<lambda>", params, body: block(field(n, "body"), mod), line: line(n), decorators, ...(owner ? { owner } : {}) };
}

function block(n: Node | null, mod: Module): Stmt[] {
  if (!n) return [];
  if (n.type === "block") return named(n).flatMap((c) => stmt(c, mod));
  return stmt(n, mod);
}

function stmt(n: Node, mod: Module, decorators: string[] = [], owner?: string): Stmt[] {
  const jump = jumpStmt(n, (e) => expr(e));
  if (jump) return jump;
  switch (n.type) {
    case "function_definition":
      mod.fns.push(fnDef(n, mod, decorators, owner));
      return [];
    case "decorated_definition": {
      const decos = named(n).filter((c) => c.type === "decorator").map((c) => c.text);
      const def = field(n, "definition");
      return def ? stmt(def, mod, decos, owner) : [];
    }
    case "class_definition": {
      const name = field(n, "name")?.text;
      return named(field(n, "body")).flatMap((c) => (c.type === "function_definition" || c.type === "decorated_definition" ? stmt(c, mod, [], name) : []));
    }
    case "expression_statement":
      return named(n).map((e) => ({ k: "expr", e: expr(e) }) as Stmt);
    case "if_statement": {
      const clauses = named(n).filter((c) => c.type === "elif_clause" || c.type === "else_clause");
      const rest = (i: number): Stmt[] => {
        const c = clauses[i];
        if (!c) return [];
        if (c.type === "else_clause") return block(field(c, "body"), mod);
        return [{ k: "if", c: expr(field(c, "condition")), then: block(field(c, "consequence"), mod), else: rest(i + 1) }];
      };
      return [{ k: "if", c: expr(field(n, "condition")), then: block(field(n, "consequence"), mod), else: rest(0) }];
    }
    case "for_statement": {
      const left = field(n, "left");
      const names = left ? (left.type === "identifier" ? [left.text] : named(left).filter((c) => c.type === "identifier").map((c) => c.text)) : [];
      return [{ k: "foreach", names, iter: expr(field(n, "right")), body: block(field(n, "body"), mod) }];
    }
    case "while_statement":
      return [{ k: "loop", c: expr(field(n, "condition")), body: block(field(n, "body"), mod) }];
    case "try_statement": {
      const handlers = named(n).filter((c) => c.type === "except_clause" || c.type === "except_group_clause").map((c) => named(c).filter((b) => b.type === "block").flatMap((b) => block(b, mod)));
      const fin = named(n).find((c) => c.type === "finally_clause");
      const orElse = named(n).find((c) => c.type === "else_clause");
      return [{ k: "try", body: [...block(field(n, "body"), mod), ...(orElse ? block(field(orElse, "body"), mod) : [])], handlers, fin: fin ? named(fin).flatMap((b) => block(b, mod)) : [] }];
    }
    case "with_statement": {
      const items = named(named(n).find((c) => c.type === "with_clause") ?? null).flatMap((item) => {
        const v = field(item, "value");
        if (v?.type === "as_pattern") {
          const alias = field(v, "alias");
          const name = alias ? named(alias)[0] ?? alias : null;
          return name?.type === "identifier" ? [{ k: "decl", name: name.text, value: expr(named(v)[0] ?? null), line: line(item) } as Stmt] : [{ k: "expr", e: expr(named(v)[0] ?? null) } as Stmt];
        }
        return [{ k: "expr", e: expr(v) } as Stmt];
      });
      return [...items, ...block(field(n, "body"), mod)];
    }
    case "block":
      return block(n, mod);
    default:
      return [];
  }
}

function expr(n: Node | null): Expr {
  if (!n) return opaque();
  switch (n.type) {
    case "parenthesized_expression":
    case "await":
      return expr(named(n)[0] ?? null);
    case "identifier":
      return { k: "var", name: n.text };
    case "string":
      return pyString(n);
    case "concatenated_string":
      return { k: "tmpl", parts: named(n).map(expr) };
    case "integer":
      return lit(Number(n.text.replace(/_/g, "")), true);
    case "float":
      return lit(Number(n.text.replace(/_/g, "")));
    case "true":
      return lit(true);
    case "false":
      return lit(false);
    case "none":
      return lit(null);
    case "attribute":
      return { k: "field", obj: expr(field(n, "object")), name: field(n, "attribute")?.text ?? "" };
    case "subscript":
      return { k: "index", obj: expr(field(n, "value")), idx: expr(field(n, "subscript")) };
    case "call": {
      const fnNode = field(n, "function");
      const argNodes = named(field(n, "arguments"));
      const args = argNodes.filter((a) => a.type !== "keyword_argument").map(expr);
      const kwargs: Record<string, Expr> = {};
      for (const a of argNodes.filter((a) => a.type === "keyword_argument")) kwargs[field(a, "name")?.text ?? ""] = expr(field(a, "value"));
      if (fnNode?.type === "attribute") return { k: "call", name: field(fnNode, "attribute")?.text ?? "", recv: expr(field(fnNode, "object")), args, kwargs, line: line(n) };
      const name = fnNode?.text ?? "";
      const isNew = /^[A-Z]/.test(name) && !/^[A-Z0-9_]+$/.test(name);
      return { k: "call", name, recv: null, args, kwargs, line: line(n), ...(isNew && !/(Response|Markup)$/.test(name) ? { isNew } : {}) };
    }
    case "assignment":
    case "augmented_assignment": {
      const op = n.type === "assignment" ? "=" : (field(n, "operator")?.text ?? "+=");
      const right = field(n, "right");
      return { k: "assign", target: target(field(n, "left")), op, value: right ? expr(right) : opaque(), line: line(n) };
    }
    case "named_expression":
      return { k: "assign", target: expr(field(n, "name")), op: "=", value: expr(field(n, "value")), line: line(n) };
    case "binary_operator":
      return { k: "bin", op: field(n, "operator")?.text ?? "?", l: expr(field(n, "left")), r: expr(field(n, "right")) };
    case "boolean_operator":
      return { k: "bin", op: field(n, "operator")?.text ?? "and", l: expr(field(n, "left")), r: expr(field(n, "right")) };
    case "not_operator":
      return { k: "un", op: "!", e: expr(field(n, "argument")) };
    case "unary_operator":
      return { k: "un", op: field(n, "operator")?.text ?? "-", e: expr(field(n, "argument")) };
    case "comparison_operator": {
      const parts = named(n);
      const op = n.children.find((c) => c && !c.isNamed)?.text ?? "==";
      return parts.length === 2 ? { k: "bin", op, l: expr(parts[0]!), r: expr(parts[1]!) } : opaque();
    }
    case "conditional_expression": {
      const [a, c, b] = named(n);
      return { k: "cond", c: expr(c ?? null), a: expr(a ?? null), b: expr(b ?? null) };
    }
    case "list":
    case "tuple":
    case "set":
      return { k: "arr", items: named(n).map(expr) };
    case "dictionary":
      return { k: "dict", entries: named(n).filter((p) => p.type === "pair").map((p) => [expr(field(p, "key")), expr(field(p, "value"))] as [Expr, Expr]) };
    case "lambda": {
      const params = named(field(n, "parameters")).map((p) => ({ name: p.text }));
      return { k: "fn", fn: { name: "<lambda>", params, body: [{ k: "return", e: expr(field(n, "body")), line: line(n) }], line: line(n), decorators: [] } };
    }
    default:
      return opaque(named(n).map(expr));
  }
}

function pyString(n: Node): Expr {
  const interpolations = named(n).filter((c) => c.type === "interpolation");
  if (interpolations.length === 0) {
    const content = named(n).filter((c) => c.type === "string_content" || c.type === "escape_sequence").map((c) => (c.type === "escape_sequence" ? unquote(`"${c.text}"`) : c.text)).join("");
    return lit(content);
  }
  const parts: Expr[] = [];
  for (const c of named(n)) {
    if (c.type === "string_content") parts.push(lit(c.text));
    else if (c.type === "interpolation") parts.push(expr(field(c, "expression") ?? named(c)[0] ?? null));
  }
  return { k: "tmpl", parts };
}

function target(n: Node | null): Expr {
  if (n && (n.type === "pattern_list" || n.type === "tuple_pattern" || n.type === "list_pattern")) return { k: "arr", items: named(n).map(target) };
  return expr(n);
}
