// Java tree-sitter nodes → the interpreter's IR (ir.ts).
import { lit, opaque, type Expr, type FnDef, type Module, type Param, type Stmt } from "./ir";
import { field, jumpStmt, line, named, unquote, type Node } from "./syntax-node";

export function lowerJava(root: Node): Module {
  const mod: Module = { fns: [], top: [] };
  const visitType = (body: Node | null, owner?: string) => {
    for (const m of named(body)) {
      switch (m.type) {
        case "method_declaration":
        case "constructor_declaration":
          mod.fns.push({ ...method(m), ...(owner ? { owner } : {}) });
          break;
        case "field_declaration":
          mod.top.push(...declarators(m));
          break;
        case "class_declaration":
        case "interface_declaration":
        case "enum_declaration":
        case "record_declaration":
          visitType(field(m, "body"), field(m, "name")?.text);
          break;
        case "enum_body_declarations":
        case "class_body":
          visitType(m, owner);
          break;
        case "static_initializer":
        case "block":
          mod.top.push(...block(m));
          break;
      }
    }
  };
  visitType(root);
  return mod;
}

function method(m: Node): FnDef {
  const params: Param[] = named(field(m, "parameters"))
    .filter((p) => p.type === "formal_parameter" || p.type === "spread_parameter")
    .map((p) => {
      const name = field(p, "name") ?? named(p).find((c) => c.type === "variable_declarator")?.childForFieldName("name") ?? null;
      return { name: name?.text ?? "_", type: typeName(field(p, "type") ?? named(p)[0] ?? null) };
    });
  const decorators = named(named(m).find((c) => c.type === "modifiers") ?? null).filter((c) => c.type.endsWith("annotation")).map((c) => c.text);
  return { name: field(m, "name")?.text ?? "<init>", params, body: block(field(m, "body")), line: line(m), decorators };
}

function typeName(t: Node | null): string | undefined {
  if (!t) return undefined;
  // Generic and array types keep the base name; a qualified name keeps its last part.
  const base = t.text.replace(/<.*$/s, "").replace(/\[\]/g, "");
  return base.slice(base.lastIndexOf(".") + 1);
}

function declarators(n: Node): Stmt[] {
  const type = typeName(field(n, "type"));
  return n.childrenForFieldName("declarator").filter((d): d is Node => d !== null).map((d) => {
    const value = field(d, "value");
    return { k: "decl", name: field(d, "name")?.text ?? "_", type, value: value ? expr(value) : null, line: line(d) } as Stmt;
  });
}

function block(n: Node | null): Stmt[] {
  if (!n) return [];
  if (n.type !== "block" && n.type !== "switch_block_statement_group") return stmt(n);
  return named(n).flatMap(stmt);
}

function stmt(n: Node): Stmt[] {
  const jump = jumpStmt(n, (e) => expr(e));
  if (jump) return jump;
  switch (n.type) {
    case "block":
      return block(n);
    case "local_variable_declaration":
      return declarators(n);
    case "expression_statement":
      return named(n).map((e) => ({ k: "expr", e: expr(e) }) as Stmt);
    case "if_statement":
      return [{ k: "if", c: expr(field(n, "condition")), then: block(field(n, "consequence")), else: block(field(n, "alternative")) }];
    case "while_statement":
    case "do_statement":
      return [{ k: "loop", c: expr(field(n, "condition")), body: block(field(n, "body")) }];
    case "for_statement": {
      const init = n.childrenForFieldName("init").filter((c): c is Node => c !== null).flatMap((c) => (c.type === "local_variable_declaration" ? declarators(c) : [{ k: "expr", e: expr(c) } as Stmt]));
      const update = n.childrenForFieldName("update").filter((c): c is Node => c !== null).map((c) => ({ k: "expr", e: expr(c) }) as Stmt);
      const cond = field(n, "condition");
      return [...init, { k: "loop", c: cond ? expr(cond) : null, body: [...block(field(n, "body")), ...update] }];
    }
    case "enhanced_for_statement":
      return [{ k: "foreach", names: [field(n, "name")?.text ?? "_"], iter: expr(field(n, "value")), body: block(field(n, "body")) }];
    case "switch_expression":
    case "switch_statement":
      return [switchStmt(n)];
    case "try_statement":
    case "try_with_resources_statement": {
      const resources = named(field(n, "resources")).flatMap((r) =>
        r.type === "resource" && field(r, "name") ? [{ k: "decl", name: field(r, "name")!.text, type: typeName(field(r, "type")), value: expr(field(r, "value")), line: line(r) } as Stmt] : [],
      );
      const handlers = named(n).filter((c) => c.type === "catch_clause").map((c) => block(field(c, "body")));
      const fin = named(n).find((c) => c.type === "finally_clause");
      return [{ k: "try", body: [...resources, ...block(field(n, "body"))], handlers, fin: fin ? named(fin).flatMap(block) : [] }];
    }
    case "synchronized_statement":
      return block(field(n, "body"));
    case "labeled_statement":
      return named(n).slice(1).flatMap(stmt);
    case "explicit_constructor_invocation":
      return [{ k: "expr", e: { k: "call", name: "<init>", recv: null, args: named(field(n, "arguments")).map(expr), line: line(n) } }];
    default:
      return [];
  }
}

function switchStmt(n: Node): Stmt {
  const cases: { tests: Expr[] | null; body: Stmt[] }[] = [];
  for (const group of named(field(n, "body"))) {
    const labels = named(group).filter((c) => c.type === "switch_label");
    const isDefault = labels.some((l) => l.text.startsWith("default"));
    const tests = isDefault ? null : labels.flatMap((l) => named(l).map(expr));
    if (group.type === "switch_rule") {
      const body = named(group).filter((c) => c.type !== "switch_label").flatMap((c) => (c.type === "expression_statement" || c.type === "block" || c.type === "throw_statement" ? stmt(c) : [{ k: "return", e: expr(c), line: line(c) } as Stmt]));
      cases.push({ tests, body: [...body, { k: "jump", kind: "break" }] });
    } else {
      cases.push({ tests, body: named(group).filter((c) => c.type !== "switch_label").flatMap(stmt) });
    }
  }
  return { k: "switch", d: expr(field(n, "condition")), cases };
}

function expr(n: Node | null): Expr {
  if (!n) return opaque();
  switch (n.type) {
    case "parenthesized_expression":
      return expr(named(n)[0] ?? null);
    case "identifier":
      return { k: "var", name: n.text };
    case "this":
      return { k: "var", name: "this" };
    case "string_literal":
    case "text_block":
      return lit(unquote(n.text.startsWith('"""') ? n.text.replace(/^"""\s*\n?/, '"""') : n.text));
    case "character_literal":
      return lit(unquote(n.text));
    case "decimal_integer_literal":
    case "hex_integer_literal":
    case "octal_integer_literal":
    case "binary_integer_literal":
      return lit(Number(n.text.replace(/[lL_]/g, "")), true);
    case "decimal_floating_point_literal":
      return lit(Number(n.text.replace(/[fFdD_]$/g, "")));
    case "true":
      return lit(true);
    case "false":
      return lit(false);
    case "null_literal":
      return lit(null);
    case "field_access": {
      const obj = field(n, "object");
      const name = field(n, "field")?.text ?? "";
      return { k: "field", obj: expr(obj), name };
    }
    case "array_access":
      return { k: "index", obj: expr(field(n, "array")), idx: expr(field(n, "index")) };
    case "method_invocation": {
      const obj = field(n, "object");
      return { k: "call", name: field(n, "name")?.text ?? "", recv: obj ? expr(obj) : null, args: named(field(n, "arguments")).map(expr), line: line(n) };
    }
    case "object_creation_expression": {
      const body = named(n).find((c) => c.type === "class_body");
      const args = named(field(n, "arguments")).map(expr);
      // An anonymous class's methods are analysed where it is created: their parameters are unknown.
      const extra = body ? named(body).filter((m) => m.type === "method_declaration").map((m) => ({ k: "fn", fn: method(m) }) as Expr) : [];
      return { k: "call", name: typeName(field(n, "type")) ?? "", recv: null, args: [...args, ...extra], line: line(n), isNew: true };
    }
    case "array_creation_expression": {
      const init = field(n, "value");
      return init ? expr(init) : { k: "arr", items: [] };
    }
    case "array_initializer":
      return { k: "arr", items: named(n).map(expr) };
    case "cast_expression":
      return expr(field(n, "value"));
    case "assignment_expression":
      return { k: "assign", target: expr(field(n, "left")), op: field(n, "operator")?.text ?? "=", value: expr(field(n, "right")), line: line(n) };
    case "binary_expression":
      return { k: "bin", op: field(n, "operator")?.text ?? "?", l: expr(field(n, "left")), r: expr(field(n, "right")) };
    case "unary_expression":
      return { k: "un", op: field(n, "operator")?.text ?? "?", e: expr(field(n, "operand")) };
    case "update_expression":
      return { k: "un", op: "++", e: expr(named(n)[0] ?? null) };
    case "ternary_expression":
      return { k: "cond", c: expr(field(n, "condition")), a: expr(field(n, "consequence")), b: expr(field(n, "alternative")) };
    case "instanceof_expression":
      return { k: "un", op: "bool", e: expr(field(n, "left")) };
    case "lambda_expression": {
      const ps = field(n, "parameters");
      const params = ps?.type === "identifier" ? [{ name: ps.text }] : named(ps).map((p) => ({ name: (field(p, "name") ?? p).text }));
      const body = field(n, "body");
      const stmts = body?.type === "block" ? block(body) : [{ k: "return", e: expr(body), line: line(n) } as Stmt];
      return { k: "fn", fn: { name: "<lambda>", params, body: stmts, line: line(n), decorators: [] } };
    }
    case "switch_expression":
      return { k: "fn", fn: { name: "<switch>", params: [], body: [switchStmt(n)], line: line(n), decorators: ["inline"] } };
    case "class_literal":
    case "method_reference":
      return opaque();
    default:
      return opaque(named(n).map(expr));
  }
}
