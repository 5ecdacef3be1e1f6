// A local webhook receiver for tests: records each delivery with its raw body, checks the signature
// with @octokit/webhooks-methods and the payload against @octokit/webhooks-schemas.
import { createServer, type Server } from "node:http";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { verify } from "@octokit/webhooks-methods";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export interface ReceivedDelivery {
  event: string;
  guid: string;
  headers: Record<string, string>;
  body: string;
  payload: Record<string, unknown>;
  signatureValid: boolean;
  /** Schema errors; empty when the payload matches @octokit/webhooks-schemas. */
  schemaErrors: string[];
}

let ajv: Ajv | undefined;
const validators = new Map<string, ValidateFunction>();

export function webhookSchemaErrors(event: string, payload: Record<string, unknown>): string[] {
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema(JSON.parse(readFileSync(require.resolve("@octokit/webhooks-schemas/schema.json"), "utf8")), "webhooks");
  }
  const name = typeof payload.action === "string" ? `${event}$${payload.action}` : `${event}$event`;
  let validate = validators.get(name);
  if (!validate) {
    validate = ajv.compile({ $ref: `webhooks#/definitions/${name}` });
    validators.set(name, validate);
  }
  if (validate(payload)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e) => `${name} ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}

export class WebhookReceiver {
  readonly deliveries: ReceivedDelivery[] = [];
  /** Status the receiver answers with (tests make it fail to exercise redelivery). */
  status = 200;
  private constructor(private readonly server: Server, readonly url: string, private readonly secret: string) {}

  static async start(secret: string): Promise<WebhookReceiver> {
    let receiver: WebhookReceiver;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
        const payload = JSON.parse(body) as Record<string, unknown>;
        const event = headers["x-github-event"] ?? "";
        receiver.deliveries.push({
          event,
          guid: headers["x-github-delivery"] ?? "",
          headers,
          body,
          payload,
          signatureValid: await verify(receiver.secret, body, headers["x-hub-signature-256"] ?? "").catch(() => false),
          schemaErrors: webhookSchemaErrors(event, payload),
        });
        res.writeHead(receiver.status, { "content-type": "text/plain" }).end("ok");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    receiver = new WebhookReceiver(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, secret);
    return receiver;
  }

  of(event: string, action?: string): ReceivedDelivery[] {
    return this.deliveries.filter((d) => d.event === event && (action === undefined || d.payload.action === action));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
