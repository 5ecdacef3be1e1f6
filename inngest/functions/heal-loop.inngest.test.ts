// The healing loop end to end on the real Inngest dev server (test/heal-loop-scenario.ts): the same
// functions, served by the SDK's serve() handler and executed by Inngest.
import { describe } from "vitest";
import { healLoopScenario } from "@/test/heal-loop-scenario";

describe("healing loop on the real Inngest dev server (simulator, PostgreSQL)", () => healLoopScenario("inngest"));
