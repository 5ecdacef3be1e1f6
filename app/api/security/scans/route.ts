import { db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { optionalParam, restHandler } from "@/server/http/rest-handler";
import { listScans, SEVERITIES, type Severity } from "@/server/security/read-scans";

export const GET = restHandler(({ query, user }) => {
  const severity = optionalParam(query, "severity")?.toUpperCase();
  if (severity && !(SEVERITIES as readonly string[]).includes(severity)) {
    throw new AppError("BAD_REQUEST", `severity must be one of ${SEVERITIES.join(", ")}`);
  }
  return listScans(db(), user, { repo: optionalParam(query, "repo"), branch: optionalParam(query, "branch"), severity: severity as Severity | undefined });
});
