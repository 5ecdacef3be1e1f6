// What pino never writes: tokens, secrets, passwords, cookies and authorization headers, wherever a log
// call puts them (top level, one level down, request/response/error headers). The value is replaced, the
// key stays, so a log still says a token was there.
import type { LoggerOptions } from "pino";

const KEYS = [
  "token", "accessToken", "access_token", "refreshToken", "refresh_token", "idToken", "id_token",
  "secret", "clientSecret", "client_secret", "webhookSecret", "password", "apiKey", "api_key",
  "authorization", "cookie", "sessionToken",
];

const HEADERS = ["authorization", "cookie", '["set-cookie"]', '["x-hub-signature-256"]', '["x-api-key"]', '["proxy-authorization"]'];
const HEADER_HOLDERS = ["headers", "req.headers", "request.headers", "res.headers", "response.headers", "err.request.headers", "err.response.headers", "*.headers"];

export const REDACT_PATHS = [
  ...KEYS,
  ...KEYS.map((k) => `*.${k}`),
  ...KEYS.map((k) => `*.*.${k}`),
  ...HEADER_HOLDERS.flatMap((h) => HEADERS.map((name) => (name.startsWith("[") ? `${h}${name}` : `${h}.${name}`))),
  "config.secret", "*.config.secret",
];

export const redaction: LoggerOptions["redact"] = { paths: REDACT_PATHS, censor: "[redacted]" };
