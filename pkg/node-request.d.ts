import type { WasenderWebhook, WebhookEvent, WebhookOptions } from "./index.d.ts";

/**
 * What verifyNodeRequest reads: an http.IncomingMessage, an Express, Koa
 * (`ctx.request`), Fastify or NestJS request: its headers, and its raw body
 * from `rawBody`, a raw `body`, or the stream itself (or the Node request it
 * wraps, as `req` or `raw`).
 */
export interface NodeRequestLike {
  headers: Record<string, string | string[] | undefined> | { get(name: string): string | null };
  body?: unknown;
  rawBody?: unknown;
  req?: unknown;
  raw?: unknown;
  get?(name: string): string | undefined;
}

/**
 * Verify and parse a Node request. Uses the raw bytes a framework kept
 * (`req.rawBody`, or `req.body` from `express.raw({ type: "application/json" })`),
 * reads the stream with the body limit otherwise, and throws a WebhookError
 * that names the cause and the fix when the body was parsed
 * (BODY_ALREADY_PARSED), already read or decoded (BODY_ALREADY_READ), cut
 * short (BODY_INCOMPLETE) or too large (BODY_TOO_LARGE, answered while the
 * rest is drained, so the client sees the 413).
 */
export declare function verifyNodeRequest(req: NodeRequestLike, options: WebhookOptions | WasenderWebhook): Promise<WebhookEvent>;
