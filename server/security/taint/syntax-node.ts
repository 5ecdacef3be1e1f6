// Helpers over web-tree-sitter nodes shared by the three lowerings.
import type { Node } from "web-tree-sitter";
import type { Expr, Stmt } from "./ir";

export type { Node };

export const line = (n: Node): number => n.startPosition.row + 1;
export const field = (n: Node, name: string): Node | null => n.childForFieldName(name);
export const named = (n: Node | null): Node[] => (n ? (n.namedChildren.filter(Boolean) as Node[]) : []);

/** The unquoted value of a string literal's text in any of the three languages. */
export function unquote(text: string): string {
  const m = /^[a-zA-Z]*("""|'''|"|'|`)([\s\S]*)\1$/.exec(text);
  const body = m ? m[2]! : text;
  return body.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: "\n", t: "\t", r: "\r", "0": "\0", b: "\b", f: "\f" } as Record<string, string>)[e] ?? e;
  });
}

/** return / yield / break / continue / throw / raise: the same node names in the three grammars. */
export function jumpStmt(n: Node, lowerExpr: (e: Node | null) => Expr): Stmt[] | null {
  switch (n.type) {
    case "return_statement":
    case "yield_statement": {
      const e = named(n)[0];
      return [{ k: "return", e: e ? lowerExpr(e) : null, line: line(n) }];
    }
    case "break_statement":
      return [{ k: "jump", kind: "break" }];
    case "continue_statement":
      return [{ k: "jump", kind: "continue" }];
    case "throw_statement":
      return [{ k: "expr", e: lowerExpr(named(n)[0] ?? null) }, { k: "jump", kind: "throw" }];
    case "raise_statement":
      return [{ k: "jump", kind: "throw" }];
    default:
      return null;
  }
}
