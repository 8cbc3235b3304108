// The Node adapter: http.IncomingMessage and the frameworks built on it
// (Express, Fastify, Koa, NestJS). Whatever the request's stream does, it
// ends in the event or in a WebhookError that names the cause and the fix.
import { SIGNED_HEADERS, alreadyRead, concat, declaredLength, hookCache, incomplete } from "./options.mjs";

/**
 * After a 413, how much more of the body is read and dropped before the
 * connection is cut: enough for a client that sends its whole body before
 * it reads the answer to see the 413 instead of a reset connection, and a
 * bound on what an endless body costs.
 */
const DRAIN_BYTES = 1 << 20;

const PARSERS = "a body parser (express.json(), body-parser, koa-bodyparser, NestJS without rawBody: true)";
const FIX =
  'read this route\'s body raw (express.raw({ type: "application/json" }) on it, or register it before the parser), ' +
  "or keep the bytes: express.json({ verify: (req, _res, buf) => { req.rawBody = buf } }) or NestFactory.create(App, { rawBody: true })";

export function makeNodeAdapter({ WasenderWebhook, WebhookError }) {
  const hookFor = hookCache(WasenderWebhook);

  function header(req, name) {
    if (typeof req.get === "function") return req.get(name) ?? null; // Express, Koa
    const headers = req.headers ?? {};
    if (typeof headers.get === "function") return headers.get(name);
    // Node lower-cases names; a hand-made object may not.
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    const value = key === undefined ? undefined : headers[key];
    return Array.isArray(value) ? value.join(", ") : (value ?? null);
  }

  const isRaw = (value) => typeof value === "string" || value instanceof Uint8Array || value instanceof ArrayBuffer;
  const isStream = (value) => typeof value?.on === "function" && typeof value?.read === "function";

  /** The bytes to verify: kept by a framework, or read from the stream. */
  async function bodyOf(req, hook) {
    // The raw bytes a framework kept (NestJS rawBody, the body-parser
    // `verify` pattern, koa-bodyparser) come first: `body` may be a
    // decoded copy of them.
    if (isRaw(req.rawBody)) return req.rawBody;
    if (isRaw(req.body)) return req.body; // express.raw(), express.text()
    // Koa's ctx.request keeps Node's request as `req`, Fastify's as `raw`.
    const stream = [req, req.req, req.raw].find(isStream);
    if (stream === undefined) {
      if (req.body !== undefined) return req.body; // the core refuses a parsed object, saying how to keep the raw body
      throw new WebhookError("UNREADABLE_BODY", 500, "verifyNodeRequest needs Node's request (http.IncomingMessage, Express's req, Koa's ctx.request); for a fetch Request use verifyRequest from wasender-webhook/fetch");
    }
    if (stream.readableEncoding) {
      throw alreadyRead(WebhookError, `the request's stream decodes its bytes to text (req.setEncoding("${stream.readableEncoding}"), by a framework or middleware), but the signature covers the raw bytes: remove the setEncoding call for this route`);
    }
    if (stream.readableDidRead || stream.readableEnded) {
      throw alreadyRead(WebhookError, `the request's stream was already read, most likely by ${PARSERS}${req.body === undefined ? "" : ", which left a parsed req.body"}: ${FIX}`);
    }
    if (stream.destroyed) throw incomplete(WebhookError, "the request was closed before its body could be read (the sender's connection broke?)");
    const declared = declaredLength(header(req, "content-length") ?? undefined);
    if (declared !== undefined && declared > hook.maxBodyBytes) {
      drain(stream);
      hook.checkBodySize(declared); // throws BODY_TOO_LARGE
    }
    return readStream(stream, hook);
  }

  /** Collect the stream's bytes, refusing them as soon as they pass the limit. */
  function readStream(stream, hook) {
    return new Promise((resolve, reject) => {
      const chunks = [];
      let total = 0;
      const listeners = {
        data(chunk) {
          if (typeof chunk === "string") {
            stop();
            reject(alreadyRead(WebhookError, "the request's stream gives text, not bytes (req.setEncoding was called); the signature covers the raw bytes: remove the setEncoding call for this route"));
            return;
          }
          total += chunk.byteLength;
          if (total > hook.maxBodyBytes) {
            stop();
            drain(stream);
            try {
              hook.checkBodySize(total);
            } catch (error) {
              reject(error); // BODY_TOO_LARGE, answered while the rest is drained
            }
            return;
          }
          chunks.push(chunk);
        },
        end() {
          stop();
          if (stream.complete === false) reject(incomplete(WebhookError, `the request's body ended after ${total} bytes, before the whole body arrived (the sender's connection broke?)`));
          else resolve(concat(chunks, total));
        },
        error() {
          stop();
          reject(incomplete(WebhookError, "the request's stream failed before its body ended (the sender's connection broke?)"));
        },
        close() {
          stop();
          reject(incomplete(WebhookError, `the request was closed after ${total} bytes, before its body ended (the sender's connection broke?)`));
        },
      };
      const stop = () => {
        for (const [name, listener] of Object.entries(listeners)) stream.off(name, listener);
      };
      for (const [name, listener] of Object.entries(listeners)) stream.on(name, listener);
      stream.resume?.();
    });
  }

  /**
   * Keep reading and dropping the rest of a refused body, so that the 413
   * the caller sends reaches the client; past DRAIN_BYTES, cut the connection.
   */
  function drain(stream) {
    let dropped = 0;
    const onData = (chunk) => {
      dropped += chunk.length;
      if (dropped > DRAIN_BYTES) {
        stream.off("data", onData);
        stream.destroy?.();
      }
    };
    stream.on("data", onData);
    stream.on("error", () => {}); // a reset while draining is expected
    stream.resume?.();
  }

  /**
   * Verify and parse a Node request: the event, or a thrown WebhookError
   * whose code and message say what to fix.
   */
  async function verifyNodeRequest(req, options) {
    const hook = hookFor(options);
    if (req === null || typeof req !== "object") {
      throw new WebhookError("UNREADABLE_BODY", 500, "verifyNodeRequest needs Node's request (http.IncomingMessage, Express's req, Koa's ctx.request)");
    }
    // Every header a scheme signs with, as a plain object the core reads
    // the ones its scheme needs from.
    const headers = {};
    for (const name of SIGNED_HEADERS) headers[name] = header(req, name);
    return hook.handleWebhookEvent(await bodyOf(req, hook), headers);
  }

  return { verifyNodeRequest };
}
