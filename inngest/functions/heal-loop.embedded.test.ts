// The healing loop end to end on the embedded runner (test/heal-loop-scenario.ts).
import { describe } from "vitest";
import { healLoopScenario } from "@/test/heal-loop-scenario";

describe("healing loop on the embedded runner (simulator, PostgreSQL)", () => healLoopScenario("embedded"));
