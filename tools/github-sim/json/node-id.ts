// GitHub's global node ids are opaque strings; a stable base64 of type and id is enough for clients.
export function nodeId(type: string, id: number | string): string {
  return Buffer.from(`${type}:${id}`).toString("base64").replace(/=+$/, "");
}
