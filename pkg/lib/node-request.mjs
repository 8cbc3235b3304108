// The Node adapter: http.IncomingMessage, Express and Fastify requests.
import { SIGNATURE_HEADER, concat, declaredLength, hookCache } from "./options.mjs";

export function makeNodeAdapter({ WasenderWebhook }) {
  const hookFor = hookCache(WasenderWebhook);

  function header(req, name) {
    if (typeof req.get === "function") return req.get(name) ?? null; // Express
    const headers = req.headers ?? {};
    if (typeof headers.get === "function") return headers.get(name);
    // Node lower-cases names; a hand-made object may not.
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    const value = key === undefined ? undefined : headers[key];
    return Array.isArray(value) ? value.join(", ") : (value ?? null);
  }

  async function readStream(req, hook) {
    const declared = declaredLength(header(req, "content-length") ?? undefined);
    if (declared !== undefined) hook.checkBodySize(declared);
    const chunks = [];
    let total = 0;
    for await (const chunk of req) {
      const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
      total += bytes.byteLength;
      if (total > hook.maxBodyBytes) {
        req.destroy?.(); // stop receiving the rest
        hook.checkBodySize(total); // throws BODY_TOO_LARGE
      }
      chunks.push(bytes);
    }
    return concat(chunks, total);
  }

  /**
   * Verify and parse a Node request. Uses `req.body` when a raw-body
   * middleware set it (`express.raw()`), reads the stream otherwise, and
   * refuses a parsed object (`express.json()`) with BODY_ALREADY_PARSED.
   */
  async function verifyNodeRequest(req, options) {
    const hook = hookFor(options);
    const signature = header(req, SIGNATURE_HEADER);
    // A parsed object goes to the core too, which refuses it with a message
    // saying how to keep the raw body.
    const body = req.body !== undefined ? req.body : await readStream(req, hook);
    return hook.handleWebhookEvent(body, signature);
  }

  return { verifyNodeRequest };
}
