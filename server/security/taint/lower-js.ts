// JavaScript / TypeScript tree-sitter nodes → the interpreter's IR (ir.ts).
import { lit, opaque, type Expr, type FnDef, type Module, type Param, type Stmt } from "./ir";
import { field, jumpStmt, line, named, unquote, type Node } from "./syntax-node";

export function lowerJs(root: Node): Module {
  const mod: Module = { fns: [], top: [] };
  const ctx = { mod };
  mod.top = named(root).flatMap((n) => stmt(n, ctx));
  return mod;
}

interface Ctx {
  mod: Module;
}

const FUNCTION_TYPES = new Set(["function_declaration", "generator_function_declaration", "function_expression", "function", "arrow_function", "generator_function", "method_definition"]);

function fnDef(n: Node, ctx: Ctx, name?: string): FnDef {
  const single = field(n, "parameter");
  const params: Param[] = single ? [{ name: single.text }] : named(field(n, "parameters")).map(paramName);
  const body = field(n, "body");
  const stmts = !body ? [] : body.type === "statement_block" ? block(body, ctx) : [{ k: "return", e: expr(body, ctx), line: line(body) } as Stmt];
  // Destructured parameters bind each property of the argument.
  const destructure = named(field(n, "parameters")).flatMap((p, i) => {
    const pattern = p.type === "required_parameter" || p.type === "optional_parameter" ? field(p, "pattern") : p;
    return pattern && (pattern.type === "object_pattern" || pattern.type === "array_pattern") ? bindPattern(pattern, { k: "var", name: `$arg${i}` }, line(p), ctx) : [];
  });
  return { name: name ?? field(n, "name")?.text ?? "<anonymous>", params, body: [...destructure, ...stmts], line: line(n), decorators: [] };
}

function paramName(p: Node, i: number): Param {
  const inner = p.type === "required_parameter" || p.type === "optional_parameter" ? field(p, "pattern") : p.type === "assignment_pattern" ? field(p, "left") : p;
  if (inner?.type === "identifier") return { name: inner.text };
  if (inner?.type === "rest_pattern") return { name: named(inner)[0]?.text ?? `$arg${i}` };
  return { name: `$arg${i}` };
}

function block(n: Node | null, ctx: Ctx): Stmt[] {
  if (!n) return [];
  if (n.type === "statement_block") return named(n).flatMap((c) => stmt(c, ctx));
  return stmt(n, ctx);
}

function bindPattern(p: Node, value: Expr, ln: number, ctx: Ctx): Stmt[] {
  switch (p.type) {
    case "identifier":
    case "shorthand_property_identifier_pattern":
      return [{ k: "decl", name: p.text, value, line: ln }];
    case "object_pattern":
      return named(p).flatMap((c) => {
        if (c.type === "shorthand_property_identifier_pattern") return [{ k: "decl", name: c.text, value: { k: "field", obj: value, name: c.text }, line: ln } as Stmt];
        if (c.type === "pair_pattern") {
          const key = field(c, "key");
          const target = field(c, "value");
          return target ? bindPattern(target, { k: "field", obj: value, name: key ? propName(key) : "" }, ln, ctx) : [];
        }
        if (c.type === "object_assignment_pattern") {
          const left = field(c, "left");
          return left ? bindPattern(left, { k: "field", obj: value, name: left.text }, ln, ctx) : [];
        }
        if (c.type === "rest_pattern") return bindPattern(named(c)[0] ?? c, value, ln, ctx);
        return [];
      });
    case "array_pattern":
      return named(p).flatMap((c, i) => bindPattern(c, { k: "index", obj: value, idx: lit(i, true) }, ln, ctx));
    case "assignment_pattern": {
      const left = field(p, "left");
      return left ? bindPattern(left, { k: "cond", c: opaque(), a: value, b: expr(field(p, "right"), ctx) }, ln, ctx) : [];
    }
    default:
      return [];
  }
}

function propName(k: Node): string {
  return k.type === "string" ? unquote(k.text) : k.text;
}

function stmt(n: Node, ctx: Ctx): Stmt[] {
  const jump = jumpStmt(n, (e) => expr(e, ctx));
  if (jump) return jump;
  switch (n.type) {
    case "statement_block":
      return block(n, ctx);
    case "lexical_declaration":
    case "variable_declaration":
      return named(n).filter((d) => d.type === "variable_declarator").flatMap((d) => {
        const name = field(d, "name");
        const v = field(d, "value");
        const value = v ? expr(v, ctx) : null;
        if (!name) return [];
        if (name.type === "identifier") {
          if (v && FUNCTION_TYPES.has(v.type)) ctx.mod.fns.push(fnDef(v, ctx, name.text));
          return [{ k: "decl", name: name.text, value, line: line(d) } as Stmt];
        }
        return bindPattern(name, value ?? opaque(), line(d), ctx);
      });
    case "function_declaration":
    case "generator_function_declaration":
      ctx.mod.fns.push(fnDef(n, ctx));
      return [];
    case "class_declaration":
    case "abstract_class_declaration":
      for (const m of named(field(n, "body"))) {
        if (m.type === "method_definition") ctx.mod.fns.push(fnDef(m, ctx));
      }
      return [];
    case "export_statement": {
      const d = field(n, "declaration") ?? named(n).find((c) => c.type !== "export_clause" && c.type !== "string");
      return d ? (d.type.endsWith("declaration") || d.type === "class_declaration" ? stmt(d, ctx) : [{ k: "expr", e: expr(d, ctx) }]) : [];
    }
    case "expression_statement":
      return named(n).map((e) => ({ k: "expr", e: expr(e, ctx) }) as Stmt);
    case "if_statement": {
      const alt = field(n, "alternative");
      return [{ k: "if", c: expr(field(n, "condition"), ctx), then: block(field(n, "consequence"), ctx), else: alt ? named(alt).flatMap((c) => stmt(c, ctx)) : [] }];
    }
    case "for_statement": {
      const init = field(n, "initializer");
      const cond = field(n, "condition");
      const inc = field(n, "increment");
      return [
        ...(init ? stmt(init, ctx) : []),
        { k: "loop", c: cond && cond.type !== "empty_statement" ? expr(cond.type === "expression_statement" ? named(cond)[0] ?? null : cond, ctx) : null, body: [...block(field(n, "body"), ctx), ...(inc ? [{ k: "expr", e: expr(inc, ctx) } as Stmt] : [])] },
      ];
    }
    case "for_in_statement": {
      const left = field(n, "left");
      const iter = expr(field(n, "right"), ctx);
      const isOf = n.children.some((c) => c?.type === "of");
      const names = left ? (left.type === "identifier" ? [left.text] : named(left).filter((c) => c.type === "identifier").map((c) => c.text)) : [];
      return [{ k: "foreach", names, iter: isOf ? iter : { k: "call", name: "keys", recv: iter, args: [], line: line(n) }, body: block(field(n, "body"), ctx) }];
    }
    case "while_statement":
    case "do_statement":
      return [{ k: "loop", c: expr(field(n, "condition"), ctx), body: block(field(n, "body"), ctx) }];
    case "switch_statement":
      return [{
        k: "switch",
        d: expr(field(n, "value"), ctx),
        cases: named(field(n, "body")).map((c) => ({
          tests: c.type === "switch_default" ? null : [expr(field(c, "value"), ctx)],
          body: c.childrenForFieldName("body").filter((b): b is Node => b !== null).flatMap((b) => stmt(b, ctx)),
        })),
      }];
    case "try_statement": {
      const handler = field(n, "handler");
      const fin = field(n, "finalizer");
      return [{ k: "try", body: block(field(n, "body"), ctx), handlers: handler ? [block(field(handler, "body"), ctx)] : [], fin: fin ? block(field(fin, "body"), ctx) : [] }];
    }
    case "labeled_statement":
      return block(field(n, "body"), ctx);
    default:
      return [];
  }
}

function expr(n: Node | null, ctx: Ctx): Expr {
  if (!n) return opaque();
  switch (n.type) {
    case "parenthesized_expression":
    case "await_expression":
    case "non_null_expression":
    case "as_expression":
    case "satisfies_expression":
    case "type_assertion":
      return expr(named(n).find((c) => !c.type.endsWith("type") && c.type !== "type_arguments") ?? named(n)[0] ?? null, ctx);
    case "identifier":
    case "shorthand_property_identifier":
      return n.text === "undefined" ? lit(null) : { k: "var", name: n.text };
    case "this":
      return { k: "var", name: "this" };
    case "string":
      return lit(unquote(n.text));
    case "template_string": {
      const parts: Expr[] = [];
      let text = "";
      for (const c of n.children) {
        if (!c) continue;
        if (c.type === "template_substitution") {
          if (text) parts.push(lit(text));
          text = "";
          parts.push(expr(named(c)[0] ?? null, ctx));
        } else if (c.type === "string_fragment" || c.type === "escape_sequence") text += unquote(`"${c.text}"`);
      }
      if (text) parts.push(lit(text));
      return { k: "tmpl", parts };
    }
    case "number":
      return lit(Number(n.text.replace(/_/g, "")), /^-?\d+$/.test(n.text));
    case "true":
      return lit(true);
    case "false":
      return lit(false);
    case "null":
    case "undefined":
      return lit(null);
    case "member_expression": {
      const prop = field(n, "property");
      return { k: "field", obj: expr(field(n, "object"), ctx), name: prop?.text ?? "" };
    }
    case "subscript_expression":
      return { k: "index", obj: expr(field(n, "object"), ctx), idx: expr(field(n, "index"), ctx) };
    case "call_expression": {
      const fnNode = field(n, "function");
      const argsNode = field(n, "arguments");
      // A tagged template (sql`...`) hands the values to the tag separately from the text.
      if (argsNode?.type === "template_string") return { k: "call", name: fnNode?.text ?? "", recv: null, args: [], line: line(n) };
      const args = named(argsNode).map((a) => expr(a, ctx));
      if (fnNode?.type === "member_expression") {
        return { k: "call", name: field(fnNode, "property")?.text ?? "", recv: expr(field(fnNode, "object"), ctx), args, line: line(n) };
      }
      if (fnNode && FUNCTION_TYPES.has(fnNode.type)) return { k: "call", name: "<iife>", recv: null, args: [{ k: "fn", fn: fnDef(fnNode, ctx) }, ...args], line: line(n) };
      return { k: "call", name: fnNode?.text ?? "", recv: null, args, line: line(n) };
    }
    case "new_expression": {
      const ctor = field(n, "constructor");
      const name = ctor?.text ?? "";
      return { k: "call", name: name.slice(name.lastIndexOf(".") + 1), recv: null, args: named(field(n, "arguments")).map((a) => expr(a, ctx)), line: line(n), isNew: true };
    }
    case "assignment_expression":
      return { k: "assign", target: target(field(n, "left"), ctx), op: "=", value: expr(field(n, "right"), ctx), line: line(n) };
    case "augmented_assignment_expression":
      return { k: "assign", target: target(field(n, "left"), ctx), op: field(n, "operator")?.text ?? "+=", value: expr(field(n, "right"), ctx), line: line(n) };
    case "binary_expression": {
      const op = field(n, "operator")?.text ?? "?";
      return { k: "bin", op: op === "??" ? "||" : op, l: expr(field(n, "left"), ctx), r: expr(field(n, "right"), ctx) };
    }
    case "unary_expression":
      return { k: "un", op: field(n, "operator")?.text ?? "?", e: expr(field(n, "argument"), ctx) };
    case "update_expression":
      return { k: "un", op: "++", e: expr(field(n, "argument"), ctx) };
    case "ternary_expression":
      return { k: "cond", c: expr(field(n, "condition"), ctx), a: expr(field(n, "consequence"), ctx), b: expr(field(n, "alternative"), ctx) };
    case "array":
      return { k: "arr", items: named(n).map((c) => expr(c, ctx)) };
    case "object":
      return {
        k: "dict",
        entries: named(n).flatMap((c): [Expr, Expr][] => {
          if (c.type === "pair") {
            const key = field(c, "key");
            return [[key?.type === "computed_property_name" ? expr(named(key)[0] ?? null, ctx) : lit(key ? propName(key) : ""), expr(field(c, "value"), ctx)]];
          }
          if (c.type === "shorthand_property_identifier") return [[lit(c.text), { k: "var", name: c.text }]];
          if (c.type === "spread_element") return [[opaque(), expr(named(c)[0] ?? null, ctx)]];
          return [];
        }),
      };
    case "arrow_function":
    case "function_expression":
    case "function":
    case "generator_function":
      return { k: "fn", fn: fnDef(n, ctx) };
    case "sequence_expression":
      return opaque(named(n).map((c) => expr(c, ctx)));
    default:
      return opaque(named(n).map((c) => expr(c, ctx)));
  }
}

function target(n: Node | null, ctx: Ctx): Expr {
  if (n && (n.type === "array_pattern" || n.type === "object_pattern")) return { k: "arr", items: named(n).map((c) => target(c, ctx)) };
  return expr(n, ctx);
}
