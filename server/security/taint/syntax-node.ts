// Helpers over web-tree-sitter nodes shared by the three lowerings.
import type { Node } from "web-tree-sitter";

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
