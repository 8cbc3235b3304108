// The fetch adapter (Workers, Deno, Bun, Hono, Next.js route handlers),
// runtime-neutral: the per-runtime entry (fetch.mjs, fetch.workerd.mjs, …)
// hands it the core that runtime loads.
import { SIGNATURE_HEADER, concat, declaredLength, hookCache } from "./options.mjs";

export function makeFetchAdapter({ WasenderWebhook, WebhookError }) {
  const hookFor = hookCache(WasenderWebhook);

  /** Read the raw body once, refusing it as soon as it is over the limit. */
  async function readBody(request, hook) {
    const declared = declaredLength(request.headers.get("content-length"));
    if (declared !== undefined) hook.checkBodySize(declared);
    if (request.body === null) return new Uint8Array(0);
    const reader = request.body.getReader();
    const chunks = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > hook.maxBodyBytes) {
        await reader.cancel().catch(() => {});
        hook.checkBodySize(total); // throws BODY_TOO_LARGE
      }
      chunks.push(value);
    }
    return concat(chunks, total);
  }

  /** Verify and parse a Request: the event, or a thrown WebhookError. */
  async function verifyRequest(request, options) {
    const hook = hookFor(options);
    const body = await readBody(request, hook);
    // Headers.get is case-insensitive.
    return hook.handleWebhookEvent(body, request.headers.get(SIGNATURE_HEADER));
  }

  function errorResponse(error) {
    const headers = error.status === 405 ? { allow: "POST" } : {};
    return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
  }

  /**
   * A `(request, env?, ctx?) => Promise<Response>` for any fetch runtime.
   * `options` may be a function of `env` (Workers keep secrets there).
   */
  function webhookHandler(options, handle) {
    const byEnv = new WeakMap();
    let withoutEnv;
    const optionsFor = (env) => {
      if (typeof options !== "function") return options;
      if (env === null || typeof env !== "object") return (withoutEnv ??= options(env));
      if (!byEnv.has(env)) byEnv.set(env, options(env));
      return byEnv.get(env);
    };
    return async function wasenderWebhookHandler(request, env, ctx) {
      let event;
      try {
        if (request.method !== "POST") {
          throw new WebhookError("METHOD_NOT_ALLOWED", 405, "method not allowed: webhooks are delivered with POST");
        }
        event = await verifyRequest(request, optionsFor(env));
      } catch (error) {
        if (error instanceof WebhookError) return errorResponse(error);
        throw error;
      }
      const result = await handle(event, { request, env, ctx });
      return result instanceof Response ? result : Response.json({ ok: true, event: event.event });
    };
  }

  return { verifyRequest, webhookHandler };
}
