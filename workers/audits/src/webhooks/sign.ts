import { Webhook } from "standardwebhooks";

/** A new Standard Webhooks secret: `whsec_` and the base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return `whsec_${btoa(String.fromCharCode(...bytes))}`;
}

/**
 * The Standard Webhooks headers of one attempt: the signature covers the delivery id, the time of
 * this attempt and the body, so a captured request cannot be sent again later (receivers refuse a
 * stale timestamp and an id they processed). Secrets set before `whsec_` secrets existed are used
 * as raw bytes, as the library's `raw` format does.
 */
export function standardHeaders(secret: string, id: string, at: Date, body: string): Record<string, string> {
  const signer = secret.startsWith("whsec_") ? new Webhook(secret) : new Webhook(secret, { format: "raw" });
  return {
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": signer.sign(id, at, body),
  };
}
