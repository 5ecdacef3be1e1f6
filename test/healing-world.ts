// One demo world for the healing-loop tests: the GitHub simulator with the demo organisation, the real
// webhook route served on loopback, a workflow engine (embedded or the real Inngest dev server), and the
// settings that point the app at them. Each test adds its own settings (demo mode, auto-apply, …).
import { POST } from "@/app/api/webhooks/github/route";
import { resetEnvForTests } from "@/server/env";
import { startTestSimulator } from "@/tools/github-sim/test-support/sim-fixture";
import { serveFetchHandler } from "./serve-fetch-handler";
import { startWorkflowEngine, type EngineName, type WorkflowEngineHarness } from "./workflow-engines";

export interface HealingWorld {
  sim: Awaited<ReturnType<typeof startTestSimulator>>;
  /** The webhook route, where the simulator delivers. */
  app: Awaited<ReturnType<typeof serveFetchHandler>>;
  engine: WorkflowEngineHarness;
  /** demo-dev's GitHub token (admin of the demo repositories). */
  token: string;
  stop(): Promise<void>;
}

export async function startHealingWorld(o: { engine: EngineName; env: (sim: HealingWorld["sim"]) => Record<string, string> }): Promise<HealingWorld> {
  const sim = await startTestSimulator({ autoApproveOAuth: true });
  const token = (await sim.seedDemo()).token;
  Object.assign(process.env, { GITHUB_URL: sim.url, GITHUB_TOKEN: token, ANALYSIS_RERUN_FAILED_JOBS: "false", ...o.env(sim) });
  resetEnvForTests();
  const engine = await startWorkflowEngine(o.engine);
  const app = await serveFetchHandler(POST);
  return {
    sim,
    app,
    engine,
    token,
    async stop() {
      await engine.stop();
      await app.close();
      await sim.remove();
    },
  };
}
