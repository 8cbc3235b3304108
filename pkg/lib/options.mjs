/** The header WasenderAPI puts the signature in (adapters match it case-insensitively). */
export const SIGNATURE_HEADER = "x-webhook-signature";

// Adapters accept a WasenderWebhook or its options; build one per options
// object and reuse it, so a handler does not hash its secrets per request.
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
