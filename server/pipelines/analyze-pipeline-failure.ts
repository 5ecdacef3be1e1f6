// Analysis of one failed pipeline (runbook §4.1 step 5): fetch the failed jobs' logs, classify, sign,
// and write the result onto the pipeline_events row. I/O goes through the given clients.
import type { Logger } from "pino";
import { fetchFailureAnalysis } from "../analysis";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import type { GitHubClient } from "../github/octokit";
import { splitRepoFullName } from "../repos/repo-name";

export interface PipelineAnalysis {
  failureType: string;
  confidence: number;
  signature: string;
  signatureText: string;
  excerpt: string;
  job: string | null;
  step: string | null;
  defaultBranch: string;
}

export async function analyzePipelineFailure(o: {
  db: Db;
  github: GitHubClient;
  log: Logger;
  pipelineEventId: bigint;
  maxLogBytes: number;
  maxZipBytes: number;
}): Promise<PipelineAnalysis> {
  const event = await o.db.pipelineEvent.findUnique({ where: { id: o.pipelineEventId } });
  if (!event) throw new AppError("NOT_FOUND", `Pipeline event ${o.pipelineEventId} does not exist`);
  const { owner, repo } = splitRepoFullName(event.repoFullName);
  const [analysis, repository] = await Promise.all([
    fetchFailureAnalysis(o.github, { owner, repo, runId: Number(event.runId), attempt: event.runAttempt, maxLogBytes: o.maxLogBytes, maxZipBytes: o.maxZipBytes }),
    o.github.rest.repos.get({ owner, repo }),
  ]);
  const primary = analysis.primary;
  if (!primary) {
    const why = analysis.missing.map((m) => `${m.job}: ${m.reason}`).join("; ") || "no failed job with a log";
    throw new AppError("UPSTREAM", `No log to analyse for run ${event.runId} (${why})`);
  }
  const a = primary.analysis;
  await o.db.pipelineEvent.update({
    where: { id: event.id },
    data: { failureType: a.failureType, errorMessage: a.excerpt, failureSignature: a.signature },
  });
  o.log.info({ pipelineEventId: event.id.toString(), failureType: a.failureType, confidence: a.confidence, job: primary.job }, `Classified failure type: ${a.failureType}`);
  return {
    failureType: a.failureType,
    confidence: a.confidence,
    signature: a.signature,
    signatureText: a.signatureText,
    excerpt: a.excerpt,
    job: primary.job,
    step: primary.step ?? null,
    defaultBranch: repository.data.default_branch,
  };
}
