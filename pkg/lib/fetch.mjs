// The fetch adapter (Workers, Deno, Bun, Hono, Next.js route handlers),
// runtime-neutral: the per-runtime entry (fetch.mjs, fetch.workerd.mjs, …)
// hands it the core that runtime loads.
//
// Whatever the request's body does (already read, locked, failing, ending
// early), verifyRequest throws a WebhookError that names the cause, and
// webhookHandler answers with a Response: nothing escapes as a raw error.
import { alreadyRead, concat, declaredLength, hookCache, incomplete, logOnce } from "./options.mjs";

export function makeFetchAdapter({ WasenderWebhook, WebhookError, init }) {
  const hookFor = hookCache(WasenderWebhook);

  // The browser core fetches its wasm (`init()`); the others have it on
  // import and their init() resolves at once. The adapters load it
  // themselves, once, so no host needs `await init()` before them.
  let loaded = false;
  let loading = null;
  function load() {
    loading ??= init().then(
      () => {
        loaded = true;
      },
      (error) => {
        loading = null; // the next call tries again
        throw new WebhookError("NOT_INITIALIZED", 500, `wasender-webhook could not load its WebAssembly (${String(error?.message ?? error)}); if the .wasm is not served beside the bundle, pass its URL to init() first`);
      },
    );
    return loading;
  }

  /** Read the raw body once, refusing it as soon as it is over the limit. */
  async function readBody(request, hook) {
    if (typeof request?.headers?.get !== "function") {
      throw new WebhookError(
        "UNREADABLE_BODY",
        500,
        "verifyRequest needs a fetch Request; for Node's http request (Express, Koa, Fastify) use verifyNodeRequest from wasender-webhook/node",
      );
    }
    const declared = declaredLength(request.headers.get("content-length"));
    if (declared !== undefined) hook.checkBodySize(declared);
    const stream = request.body;
    if (request.bodyUsed || stream?.locked) {
      throw alreadyRead(WebhookError, "the request's body was already read or locked (request.json(), .text(), .formData() or a middleware); call verifyRequest before anything else reads the body, or pass request.clone()");
    }
    if (stream === null || stream === undefined) return new Uint8Array(0);
    let reader;
    try {
      reader = stream.getReader();
    } catch {
      throw alreadyRead(WebhookError, "the request's body stream cannot be read (locked by another reader); call verifyRequest before anything else reads the body");
    }
    const chunks = [];
    let total = 0;
    for (;;) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch {
        throw incomplete(WebhookError, "the request's body stream failed before it ended (the sender's connection broke?)");
      }
      if (chunk.done) break;
      const { value } = chunk;
      if (!(value instanceof Uint8Array)) {
        reader.cancel().catch(() => {});
        throw new WebhookError("UNREADABLE_BODY", 500, "the request's body stream gave something other than bytes (Uint8Array chunks); pass the Request as the runtime made it");
      }
      total += value.byteLength;
      if (total > hook.maxBodyBytes) {
        reader.cancel().catch(() => {});
        hook.checkBodySize(total); // throws BODY_TOO_LARGE
      }
      chunks.push(value);
    }
    return concat(chunks, total);
  }

  /** Verify and parse a Request: the event, or a thrown WebhookError. */
  async function verifyRequest(request, options) {
    if (!loaded) await load();
    const hook = hookFor(options);
    const body = await readBody(request, hook);
    // The core reads the headers its scheme signs with (Headers.get is
    // case-insensitive): X-Webhook-Signature, or Standard Webhooks' three.
    return hook.handleWebhookEvent(body, request.headers);
  }

  /**
   * A `(request, env?, ctx?) => Promise<Response>` for any fetch runtime.
   * `options` may be a function of `env` (Workers keep secrets there).
   * Static options are checked here, so a bad deployment fails at start-up.
   */
  function webhookHandler(options, handle) {
    if (typeof options !== "function") {
      try {
        hookFor(options); // throws MISSING_SECRET / INVALID_OPTIONS now
      } catch (error) {
        // The browser core before its wasm is loaded: start loading it now;
        // the options are checked on the first delivery, and a failure to
        // load is answered (and logged) there.
        if (error?.code !== "NOT_INITIALIZED") throw error;
        load().catch(() => {});
      }
    }
    const byEnv = new WeakMap();
    let withoutEnv;
    const optionsFor = (env) => {
      if (typeof options !== "function") return options;
      if (env === null || typeof env !== "object") return (withoutEnv ??= options(env));
      if (!byEnv.has(env)) byEnv.set(env, options(env));
      return byEnv.get(env);
    };
    const logged = new Set();

    /** The sender's error as it is; a server-side one logged once, answered generically. */
    function errorResponse(error) {
      if (error.status >= 500) {
        logOnce(logged, error);
        return Response.json({ error: { code: "INTERNAL_ERROR", message: "the webhook endpoint cannot verify deliveries; its server log says why" } }, { status: 500 });
      }
      const headers = error.status === 405 ? { allow: "POST" } : {};
      return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status, headers });
    }

    return async function wasenderWebhookHandler(request, env, ctx) {
      let event;
      try {
        if (request.method !== "POST") {
          throw new WebhookError("METHOD_NOT_ALLOWED", 405, "method not allowed: webhooks are delivered with POST");
        }
        event = await verifyRequest(request, optionsFor(env));
      } catch (error) {
        // Only WebhookErrors come out of verifyRequest; an options function
        // that throws is a server-side error like any other.
        return errorResponse(error instanceof WebhookError ? error : new WebhookError("INVALID_OPTIONS", 500, `invalid options: the options function threw (${error?.name ?? typeof error})`));
      }
      const result = await handle(event, { request, env, ctx });
      return result instanceof Response ? result : Response.json({ ok: true, event: event.event });
    };
  }

  return { verifyRequest, webhookHandler };
}
