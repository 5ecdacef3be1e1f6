// The process's secret box and the two calls the rest of the code makes. Values written before encryption
// existed (no enc:v1: prefix) are read as they are and sealed the next time they are written.
import { env } from "../env";
import { processSingleton } from "../runtime-state";
import { createSecretBox, encryptionKey, isSealed, type SecretBox } from "./secret-box";

export function secretBox(): SecretBox {
  const e = env();
  // Keyed by the settings so tests that switch keys get the box of the key in force.
  return processSingleton(`secret-box:${e.TOKEN_ENCRYPTION_KEY ?? e.DATA_DIR}`, () => createSecretBox(encryptionKey(e)));
}

export function sealCredential(plain: string): string {
  return secretBox().seal(plain);
}

export function openCredential(stored: string): string {
  return isSealed(stored) ? secretBox().open(stored) : stored;
}
