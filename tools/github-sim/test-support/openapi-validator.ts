// Validates REST responses against GitHub's own OpenAPI description (GitHub Enterprise Server 3.19
// from @octokit/openapi), looked up by the route template Octokit used.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

type Spec = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> } & Record<string, unknown>;

let shared: { ajv: Ajv; spec: Spec; cache: Map<string, ValidateFunction | null> } | undefined;

function load() {
  if (shared) return shared;
  const file = require.resolve("@octokit/openapi/generated/ghes-3.19.json");
  const spec = JSON.parse(readFileSync(file, "utf8")) as Spec;
  nullableWithoutType(spec);
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, discriminator: false });
  addFormats(ajv);
  ajv.addSchema(spec as object, "ghes");
  shared = { ajv, spec, cache: new Map() };
  return shared;
}

function pointer(...parts: string[]): string {
  return parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
}

/** The validator for one documented response, or null when the description has no JSON body for it. */
export function responseValidator(method: string, route: string, status: number): ValidateFunction | null {
  const { ajv, spec, cache } = load();
  const key = `${method} ${route} ${status}`;
  if (cache.has(key)) return cache.get(key)!;
  const operation = spec.paths[route]?.[method.toLowerCase()];
  if (!operation) throw new Error(`GitHub's OpenAPI description has no operation ${method} ${route}`);
  let response = operation.responses[String(status)] as Record<string, unknown> | undefined;
  if (!response && status >= 400) {
    // Many operations leave common errors (401, some 404s) undocumented; GitHub sends its basic error.
    const validator = ajv.compile({ $ref: "ghes#/components/schemas/basic-error" });
    cache.set(key, validator);
    return validator;
  }
  if (!response) throw new Error(`${method} ${route} does not document status ${status}`);
  let location = `/${pointer("paths", route, method.toLowerCase(), "responses", String(status))}`;
  if (typeof response.$ref === "string") {
    location = response.$ref.slice(1);
    response = location.split("/").slice(1).reduce<any>((node, part) => node[part.replace(/~1/g, "/").replace(/~0/g, "~")], spec);
  }
  const content = (response as { content?: Record<string, unknown> }).content;
  const validator = content?.["application/json"]
    ? ajv.compile({ $ref: `ghes#${location}/${pointer("content", "application/json", "schema")}` })
    : null;
  cache.set(key, validator);
  return validator;
}

/** The statuses GitHub's description lists for an operation. */
export function documentedStatuses(method: string, route: string): number[] {
  const operation = load().spec.paths[route]?.[method.toLowerCase()];
  if (!operation) throw new Error(`GitHub's OpenAPI description has no operation ${method} ${route}`);
  return Object.keys(operation.responses).map(Number);
}

export class OpenApiMismatch extends Error {}

export function assertMatchesOpenApi(method: string, route: string, status: number, body: unknown): void {
  const validate = responseValidator(method, route, status);
  if (!validate) return;
  if (!validate(body)) {
    // The description's `oneOf`s sometimes list overlapping schemas (basic-error and rule-violation
    // error); a body matching several of them is what GitHub sends, not a mismatch.
    const real = (validate.errors ?? []).filter((e) => !(e.keyword === "oneOf" && Array.isArray(e.params.passingSchemas)));
    if (real.length === 0) return;
    const errors = real.slice(0, 8).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
    throw new OpenApiMismatch(`${method} ${route} ${status} does not match GitHub's OpenAPI description:\n${errors.join("\n")}`);
  }
}

// OpenAPI 3.0 allows `nullable` beside allOf/oneOf without a `type`; Ajv does not, so such a node
// becomes "that schema, or null", which is what the description means.
function nullableWithoutType(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(nullableWithoutType);
  if (!node || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  for (const value of Object.values(record)) nullableWithoutType(value);
  if (record.nullable === true && record.type === undefined) {
    const inner = { ...record };
    delete inner.nullable;
    for (const key of Object.keys(record)) delete record[key];
    record.anyOf = [inner, { type: "null" }];
  }
}
