// Test support: a loopback node:http server speaking the GitHub Actions endpoints the analysis uses —
// list jobs of a run, a job's log (302 to the text), the run's logs archive (302 to the zip), re-run
// failed jobs — with the answers each test wants. Every request is recorded.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeJob {
  id: number;
  name: string;
  conclusion: string | null;
  steps: { number: number; name: string; conclusion: string | null }[];
  /** The log text, or an HTTP status to answer with instead (410 = expired). */
  log: string | number;
}

export interface FakeRun {
  owner: string;
  repo: string;
  runId: number;
  jobs: FakeJob[];
  /** The run-logs archive, or a status. */
  zip?: Uint8Array | number;
}

export interface FakeActionsApi {
  url: string;
  requests: { method: string; path: string; authorization?: string }[];
  close: () => Promise<void>;
}

export async function startFakeActionsApi(run: FakeRun): Promise<FakeActionsApi> {
  const requests: FakeActionsApi["requests"] = [];
  const base = `/repos/${run.owner}/${run.repo}/actions`;
  let url = "";
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    requests.push({ method: req.method ?? "GET", path, authorization: req.headers.authorization });
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && path === `${base}/runs/${run.runId}/jobs`) {
      return json(200, {
        total_count: run.jobs.length,
        jobs: run.jobs.map((j) => ({ id: j.id, run_id: run.runId, name: j.name, status: "completed", conclusion: j.conclusion, started_at: "2024-05-14T09:12:00Z", steps: j.steps.map((s) => ({ ...s, status: "completed" })) })),
      });
    }
    const jobLog = new RegExp(`^${base}/jobs/(\\d+)/logs$`).exec(path);
    if (req.method === "GET" && jobLog) {
      const job = run.jobs.find((j) => j.id === Number(jobLog[1]));
      if (!job) return json(404, { message: "Not Found" });
      if (typeof job.log === "number") return json(job.log, { message: "gone" });
      res.writeHead(302, { location: `${url}/blobs/job-${job.id}.txt` });
      return res.end();
    }
    const blob = /^\/blobs\/job-(\d+)\.txt$/.exec(path);
    if (req.method === "GET" && blob) {
      // The log host is another origin in real life: it must not need the API token.
      const job = run.jobs.find((j) => j.id === Number(blob[1]));
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      return res.end(typeof job?.log === "string" ? job.log : "");
    }
    if (req.method === "GET" && path === `${base}/runs/${run.runId}/logs`) {
      if (run.zip === undefined) return json(404, { message: "Not Found" });
      if (typeof run.zip === "number") return json(run.zip, { message: "gone" });
      res.writeHead(302, { location: `${url}/blobs/run-${run.runId}.zip` });
      return res.end();
    }
    if (req.method === "GET" && path === `/blobs/run-${run.runId}.zip` && run.zip instanceof Uint8Array) {
      res.writeHead(200, { "content-type": "application/zip" });
      return res.end(Buffer.from(run.zip));
    }
    if (req.method === "POST" && path === `${base}/runs/${run.runId}/rerun-failed-jobs`) {
      req.resume();
      res.writeHead(201, { "content-type": "application/json" });
      return res.end("{}");
    }
    json(404, { message: "Not Found" });
  };
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
