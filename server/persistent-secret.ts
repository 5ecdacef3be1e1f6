// A development secret generated once and kept under DATA_DIR, so sessions and webhooks keep working
// across restarts. Production configures its secrets instead. The file is created exclusively: when two
// processes (the dev launcher and the server) start at once, both end up with the one that was written first.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export function persistentSecret(dataDir: string, name: string): string {
  const file = path.resolve(dataDir, name);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
      return secret;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      return readFileSync(file, "utf8").trim();
    }
  }
}
