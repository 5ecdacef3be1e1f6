// What every knowledge-base domain function works with; each can be given explicitly (tests, tools) and
// defaults to the process's adapter, settings and logger.
import type { Logger } from "pino";
import { logger } from "../logger";
import { knowledgeBase } from "./current-knowledge-base";
import type { KnowledgeBase } from "./knowledge-base";
import { kbSettings, type KbSettings } from "./kb-settings";

export interface KbContextOptions {
  kb?: KnowledgeBase;
  settings?: Partial<KbSettings>;
  log?: Logger;
}

export function currentKbContext(o: KbContextOptions): { kb: KnowledgeBase; settings: KbSettings; log: Logger } {
  return {
    kb: o.kb ?? knowledgeBase(),
    settings: { ...kbSettings(), ...o.settings },
    log: o.log ?? logger("knowledge-base"),
  };
}
