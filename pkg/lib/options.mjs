// What the adapters share: the header's name, the hook for an options
// object, and reading bodies.

/** The header WasenderAPI puts the signature in (adapters match it case-insensitively). */
export const SIGNATURE_HEADER = "x-webhook-signature";

/** Every header a scheme may sign with: WasenderAPI's, then Standard Webhooks' three. */
export const SIGNED_HEADERS = [SIGNATURE_HEADER, "webhook-id", "webhook-timestamp", "webhook-signature"];

// Adapters accept a WasenderWebhook or its options. The core shares the
// wasm state of equal options already; this saves re-reading an options
// object that is passed again and again (a handler's constant).
export function hookCache(WasenderWebhook) {
  const built = new WeakMap();
  return function hookFor(options) {
    if (options instanceof WasenderWebhook) return options;
    if (options === null || typeof options !== "object") return new WasenderWebhook(options); // throws the right error
    let hook = built.get(options);
    if (!hook) {
      hook = new WasenderWebhook(options);
      built.set(options, hook);
    }
    return hook;
  };
}

/** Join body chunks into one Uint8Array. */
export function concat(chunks, total) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/** A Content-Length value, or undefined when absent or not a plain number. */
export function declaredLength(value) {
  return typeof value === "string" && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** The body was read, locked or decoded before the adapter got it: fix the middleware order. */
export const alreadyRead = (WebhookError, message) => new WebhookError("BODY_ALREADY_READ", 500, message);

/** The body stream failed or ended early: the sender's side. */
export const incomplete = (WebhookError, message) => new WebhookError("BODY_INCOMPLETE", 400, message);

/**
 * Log a server-side error once per handler and code, where the operator
 * sees it; the sender is answered with a generic 500. Messages never hold
 * a secret or a signature.
 */
export function logOnce(logged, error) {
  if (logged.has(error.code)) return;
  logged.add(error.code);
  console.error(`wasender-webhook: ${error.code}: ${error.message} (logged once; every delivery is answered 500 until this is fixed)`);
}
