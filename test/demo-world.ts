// One demo world for the end-to-end tests: the GitHub simulator with the demo organisation, the real
// webhook route served on loopback (where the simulator delivers), the settings that point the app at
// them, and for the healing loop a workflow engine (embedded or the real Inngest dev server). Each test
// adds its own settings (demo mode, auto-apply, …).
import { POST } from "@/app/api/webhooks/github/route";
import { resetEnvForTests } from "@/server/env";
import { startTestSimulator } from "@/tools/github-sim/test-support/sim-fixture";
import { serveFetchHandler } from "./serve-fetch-handler";
import { startWorkflowEngine, type EngineName, type WorkflowEngineHarness } from "./workflow-engines";

type Sim = Awaited<ReturnType<typeof startTestSimulator>>;

export interface DemoWorld {
  sim: Sim;
  /** The webhook route, where the simulator delivers. */
  app: Awaited<ReturnType<typeof serveFetchHandler>>;
  /** demo-dev's GitHub token (admin of the demo repositories). */
  token: string;
  stop(): Promise<void>;
}

export interface HealingWorld extends DemoWorld {
  engine: WorkflowEngineHarness;
}

/** The simulator and the webhook route; tests that drive a workflow runner themselves start it. */
export async function startDemoWorld(o: { env: (sim: Sim) => Record<string, string> }): Promise<DemoWorld> {
  const sim = await startTestSimulator({ autoApproveOAuth: true });
  const token = (await sim.seedDemo()).token;
  Object.assign(process.env, { GITHUB_URL: sim.url, GITHUB_TOKEN: token, ANALYSIS_RERUN_FAILED_JOBS: "false", ...o.env(sim) });
  resetEnvForTests();
  const app = await serveFetchHandler(POST);
  return {
    sim,
    app,
    token,
    async stop() {
      await app.close();
      await sim.remove();
    },
  };
}

/** The demo world with a workflow engine running the app's functions. */
export async function startHealingWorld(o: { engine: EngineName; env: (sim: Sim) => Record<string, string> }): Promise<HealingWorld> {
  const world = await startDemoWorld(o);
  const engine = await startWorkflowEngine(o.engine);
  return {
    ...world,
    engine,
    async stop() {
      await engine.stop();
      await world.stop();
    },
  };
}
