// An Octokit whose every response (success or error) is checked against GitHub's OpenAPI description,
// so the conformance tests exercise Octokit's unchanged code paths and the documented shapes at once.
import { Octokit } from "@octokit/rest";
import { assertMatchesOpenApi } from "./openapi-validator";

export interface ValidatedOctokit {
  octokit: Octokit;
  /** Routes validated so far ("GET /repos/{owner}/{repo} 200"). */
  validated: Set<string>;
}

export function validatedOctokit(baseUrl: string, token: string): ValidatedOctokit {
  const octokit = new Octokit({ baseUrl, auth: token, request: { retries: 0 } });
  const validated = new Set<string>();
  const check = (method: string, url: string, status: number, data: unknown) => {
    // Only route templates are documented; raw URLs (e.g. following a redirect) are not.
    if (!url.startsWith("/")) return;
    // Log downloads are documented as their 302; Octokit follows it and reports the file's 200.
    if (/\/logs$/.test(url) && status === 200) return;
    assertMatchesOpenApi(method, url.replace(/\{\+?(\w+)\}/g, "{$1}").replace(/\{\?[^}]*\}$/, ""), status, data);
    validated.add(`${method} ${url} ${status}`);
  };
  octokit.hook.after("request", (response, options) => {
    check(String(options.method), String(options.url), response.status, response.data);
  });
  octokit.hook.error("request", (error, options) => {
    const e = error as { status?: number; response?: { data: unknown } };
    if (e.status && e.response && e.status >= 400) check(String(options.method), String(options.url), e.status, e.response.data);
    throw error;
  });
  return { octokit, validated };
}
