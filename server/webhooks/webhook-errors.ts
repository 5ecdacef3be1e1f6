// Why a delivery was refused; each maps to the HTTP status GitHub sees in its delivery log.
export class WebhookRejected extends Error {
  constructor(
    readonly status: 400 | 401 | 413 | 415 | 503,
    message: string,
  ) {
    super(message);
    this.name = "WebhookRejected";
  }
}
