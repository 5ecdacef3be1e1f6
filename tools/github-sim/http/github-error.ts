// GitHub's error bodies: `{message, documentation_url, status}`, and for a validation failure an `errors`
// list naming the resource, field and code, so Octokit's RequestError carries what real GitHub would send.
import type { Context } from "hono";

export interface ValidationIssue {
  resource: string;
  field?: string;
  code: "missing" | "missing_field" | "invalid" | "already_exists" | "unprocessable" | "custom";
  message?: string;
}

export class GitHubError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422 | 500,
    message: string,
    readonly errors?: ValidationIssue[],
  ) {
    super(message);
    this.name = "GitHubError";
  }
}

export const notFound = () => new GitHubError(404, "Not Found");

export function invalid(resource: string, field: string, code: ValidationIssue["code"] = "invalid", message?: string) {
  return new GitHubError(422, "Validation Failed", [{ resource, field, code, ...(message ? { message } : {}) }]);
}

export function errorResponse(c: Context, error: GitHubError): Response {
  return c.json(
    {
      message: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
      documentation_url: "https://docs.github.com/enterprise-server@3.19/rest",
      status: String(error.status),
    },
    error.status,
  );
}
