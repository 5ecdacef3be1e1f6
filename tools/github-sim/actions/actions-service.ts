// Runs and jobs: creates runs for events, queues their jobs on a small bounded runner (the machine is
// shared), moves runs and jobs through queued → in_progress → completed, and tells webhooks each move.
import { repoGitDir, fullName, userById, type SimContext } from "../core/context";
import type { Conclusion, SimJob, SimRepo, SimRun, SimStep, SimUser, SimWorkflow } from "../store/state";
import { discoverWorkflows, loadWorkflow } from "./discover-workflows";
import { executeJob } from "./execute-job";
import { branchMatches, type Workflow } from "./parse-workflow";
import { workflowJobPayload, workflowRunPayload } from "../webhooks/payloads";
import { copyJobLog } from "./copy-job-log";
import { readCommit } from "../git/objects";

export interface ActionsOptions {
  maxConcurrentJobs: number;
  jobTimeoutMs: number;
}

export interface TriggerOptions {
  repo: SimRepo;
  event: "push" | "pull_request" | "workflow_dispatch";
  /** The run's head branch. */
  branch: string;
  /** The branch that trigger filters match (the base branch for pull_request). */
  filterBranch?: string;
  sha: string;
  actor: SimUser;
  pullNumbers?: number[];
  inputs?: Record<string, string>;
  /** workflow_dispatch targets one workflow. */
  workflowId?: number;
}

type Emit = (repo: SimRepo, event: string, payload: Record<string, unknown>) => void;

export class ActionsService {
  private readonly queue: number[] = [];
  private running = 0;
  private readonly abort = new AbortController();
  private idleWaiters: (() => void)[] = [];
  /** Webhook payloads and log copies still being prepared; stop() waits for them. */
  private readonly background = new Set<Promise<void>>();

  constructor(
    private readonly ctx: SimContext,
    private readonly emit: Emit,
    private readonly options: ActionsOptions,
  ) {}

  async trigger(options: TriggerOptions): Promise<SimRun[]> {
    const workflows = await discoverWorkflows(this.ctx, options.repo, options.sha);
    const runs: SimRun[] = [];
    for (const { record, definition } of workflows) {
      if (options.workflowId !== undefined && record.id !== options.workflowId) continue;
      if (!triggers(definition, options.event, options.filterBranch ?? options.branch) || record.state !== "active") continue;
      runs.push(await this.createRun(options, record, definition));
    }
    return runs;
  }

  private async createRun(options: TriggerOptions, workflow: SimWorkflow, definition: Workflow): Promise<SimRun> {
    const { repo } = options;
    const now = this.ctx.now();
    const message = await readCommit(repoGitDir(this.ctx, repo), options.sha);
    const run: SimRun = {
      id: this.ctx.store.nextId(),
      repoId: repo.id,
      workflowId: workflow.id,
      name: definition.name,
      path: workflow.path,
      runNumber: repo.nextRunNumber++,
      runAttempt: 1,
      event: options.event,
      headBranch: options.branch,
      headSha: options.sha,
      displayTitle: message.message.split("\n")[0]!.trim() || definition.name,
      status: "queued",
      conclusion: null,
      actorId: options.actor.id,
      triggeringActorId: options.actor.id,
      pullRequestNumbers: options.pullNumbers ?? [],
      createdAt: now,
      updatedAt: now,
      runStartedAt: now,
      inputs: options.inputs ?? {},
    };
    this.ctx.store.state.runs.push(run);
    this.ctx.store.changed();
    await this.emitRun(run, "requested");
    this.createJobs(run, definition.jobs.map((j) => ({ key: j.key, name: j.name, needs: j.needs, stepNames: j.steps.map((s) => s.name) })));
    return run;
  }

  private createJobs(run: SimRun, jobs: { key: string; name: string; needs: string[]; stepNames: string[]; carried?: SimJob }[]): void {
    for (const spec of jobs) {
      const now = this.ctx.now();
      const job: SimJob = {
        id: this.ctx.store.nextId(),
        runId: run.id,
        runAttempt: run.runAttempt,
        key: spec.key,
        name: spec.name,
        needs: spec.needs,
        status: "queued",
        conclusion: null,
        steps: stepsFor(spec.stepNames),
        createdAt: now,
        startedAt: now,
        completedAt: null,
        runnerName: null,
      };
      if (spec.carried) {
        // Re-running failed jobs keeps the successful ones' results, as GitHub does.
        Object.assign(job, { status: "completed", conclusion: spec.carried.conclusion, steps: structuredClone(spec.carried.steps), startedAt: spec.carried.startedAt, completedAt: spec.carried.completedAt, runnerName: spec.carried.runnerName });
        this.track(copyJobLog(this.ctx.dataDir, spec.carried.id, job.id));
      }
      this.ctx.store.state.jobs.push(job);
      if (!spec.carried) {
        this.emitJob(run, job, "queued");
        this.queue.push(job.id);
      }
    }
    this.ctx.store.changed();
    this.pump();
  }

  async rerun(run: SimRun, onlyFailed: boolean, actor: SimUser): Promise<void> {
    const repo = this.repoOf(run);
    const definition = await loadWorkflow(this.ctx, repo, run.headSha, run.path);
    const previous = this.jobsOf(run, run.runAttempt);
    run.runAttempt += 1;
    run.status = "queued";
    run.conclusion = null;
    run.triggeringActorId = actor.id;
    run.runStartedAt = run.updatedAt = this.ctx.now();
    this.ctx.store.changed();
    await this.emitRun(run, "requested");
    const rerunKeys = onlyFailed ? failedWithDependents(definition, previous) : new Set(definition.jobs.map((j) => j.key));
    this.createJobs(
      run,
      definition.jobs.map((j) => {
        const carried = rerunKeys.has(j.key) ? undefined : previous.find((p) => p.key === j.key);
        return { key: j.key, name: j.name, needs: j.needs, stepNames: j.steps.map((s) => s.name), ...(carried ? { carried } : {}) };
      }),
    );
  }

  /** Jobs left unfinished by a previous process are queued again. */
  recover(): void {
    for (const job of this.ctx.store.state.jobs) {
      if (job.status === "completed") continue;
      job.status = "queued";
      job.steps = stepsFor(job.steps.slice(1, -1).map((s) => s.name));
      this.queue.push(job.id);
    }
    this.ctx.store.changed();
    this.pump();
  }

  jobsOf(run: SimRun, attempt = run.runAttempt): SimJob[] {
    return this.ctx.store.state.jobs.filter((j) => j.runId === run.id && j.runAttempt === attempt);
  }

  async idle(): Promise<void> {
    if (this.running > 0 || this.queue.length > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    while (this.background.size > 0) await Promise.all([...this.background]);
  }

  private track(work: Promise<void>): void {
    const settled = work.catch((error: unknown) => console.error("[github-sim] actions:", error)).finally(() => this.background.delete(settled));
    this.background.add(settled);
  }

  async stop(): Promise<void> {
    this.queue.length = 0;
    this.abort.abort();
    await this.idle();
  }

  private pump(): void {
    while (this.running < this.options.maxConcurrentJobs && !this.abort.signal.aborted) {
      const next = this.takeRunnable();
      if (!next) break;
      this.running++;
      void this.execute(next).finally(() => {
        this.running--;
        this.pump();
        if (this.running === 0 && this.queue.length === 0) for (const resolve of this.idleWaiters.splice(0)) resolve();
      });
    }
  }

  /** The first queued job whose `needs` are done; jobs whose needs failed are skipped on the way. */
  private takeRunnable(): { job: SimJob; run: SimRun } | undefined {
    for (let i = 0; i < this.queue.length; i++) {
      const job = this.ctx.store.state.jobs.find((j) => j.id === this.queue[i]);
      const run = job && this.ctx.store.state.runs.find((r) => r.id === job.runId);
      if (!job || !run) {
        this.queue.splice(i--, 1);
        continue;
      }
      const waiting = this.jobsOf(run, job.runAttempt).some((s) => job.needs.includes(s.key) && s.status !== "completed");
      if (waiting) continue;
      this.queue.splice(i, 1);
      return { job, run };
    }
    return undefined;
  }

  private async execute({ job, run }: { job: SimJob; run: SimRun }): Promise<void> {
    const repo = this.repoOf(run);
    const definition = await loadWorkflow(this.ctx, repo, run.headSha, run.path).catch(() => undefined);
    const jobDef = definition?.jobs.find((j) => j.key === job.key);
    const blocked = this.jobsOf(run, job.runAttempt).some((s) => job.needs.includes(s.key) && s.conclusion !== "success");
    if (!definition || !jobDef || blocked) {
      this.complete(run, job, definition ? "skipped" : "failure");
      return;
    }
    job.status = "in_progress";
    job.startedAt = this.ctx.now();
    job.runnerName = "local-simulator";
    if (run.status === "queued") {
      run.status = "in_progress";
      run.updatedAt = this.ctx.now();
      await this.emitRun(run, "in_progress");
    }
    this.ctx.store.changed();
    this.emitJob(run, job, "in_progress");
    const conclusion = await executeJob({
      dataDir: this.ctx.dataDir,
      gitDir: repoGitDir(this.ctx, repo),
      run,
      job,
      definition: jobDef,
      workflowEnv: definition.env,
      repositoryFullName: fullName(this.ctx, repo),
      serverUrl: this.ctx.baseUrl,
      defaultTimeoutMs: this.options.jobTimeoutMs,
      signal: this.abort.signal,
      now: () => this.ctx.now(),
      changed: () => this.ctx.store.changed(),
    }).catch(() => "failure" as const);
    this.complete(run, job, this.abort.signal.aborted && conclusion !== "success" ? "cancelled" : conclusion);
  }

  private complete(run: SimRun, job: SimJob, conclusion: Conclusion): void {
    job.status = "completed";
    job.conclusion = conclusion;
    job.completedAt = this.ctx.now();
    if (conclusion === "skipped") for (const step of job.steps) Object.assign(step, { status: "completed", conclusion: "skipped" });
    this.ctx.store.changed();
    this.emitJob(run, job, "completed");
    const jobs = this.jobsOf(run);
    if (jobs.every((j) => j.status === "completed")) {
      run.status = "completed";
      run.conclusion = runConclusion(jobs.map((j) => j.conclusion));
      run.updatedAt = this.ctx.now();
      this.ctx.store.changed();
      this.track(this.emitRun(run, "completed"));
    }
  }

  private repoOf(run: SimRun): SimRepo {
    return this.ctx.store.state.repos.find((r) => r.id === run.repoId)!;
  }

  private async emitRun(run: SimRun, action: string): Promise<void> {
    const repo = this.repoOf(run);
    const workflow = this.ctx.store.state.workflows.find((w) => w.id === run.workflowId)!;
    const payload = await workflowRunPayload(this.ctx, repo, run, workflow, action, userById(this.ctx, run.triggeringActorId));
    this.emit(repo, "workflow_run", payload);
  }

  private emitJob(run: SimRun, job: SimJob, action: string): void {
    const repo = this.repoOf(run);
    this.emit(repo, "workflow_job", workflowJobPayload(this.ctx, repo, run, structuredClone(job), action, userById(this.ctx, run.triggeringActorId)));
  }
}

function triggers(definition: Workflow, event: TriggerOptions["event"], branch: string): boolean {
  if (event === "workflow_dispatch") return definition.on.workflow_dispatch !== undefined;
  const filter = definition.on[event];
  return filter !== undefined && (Object.keys(filter).length === 0 || branchMatches(filter, branch));
}

function stepsFor(names: string[]): SimStep[] {
  return ["Set up job", ...names, "Complete job"].map((name, i) => ({ number: i + 1, name, status: "queued", conclusion: null, startedAt: null, completedAt: null }));
}

function runConclusion(conclusions: Conclusion[]): Conclusion {
  if (conclusions.includes("failure")) return "failure";
  if (conclusions.includes("timed_out")) return "timed_out";
  if (conclusions.includes("cancelled")) return "cancelled";
  return "success";
}

function failedWithDependents(definition: Workflow, previous: SimJob[]): Set<string> {
  const keys = new Set(previous.filter((j) => j.conclusion !== "success" && j.conclusion !== "skipped").map((j) => j.key));
  let grew = true;
  while (grew) {
    grew = false;
    for (const job of definition.jobs) {
      if (!keys.has(job.key) && job.needs.some((n) => keys.has(n))) {
        keys.add(job.key);
        grew = true;
      }
    }
  }
  return keys;
}
