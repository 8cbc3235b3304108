import type { WasenderWebhook, WebhookEvent, WebhookOptions } from "./index.js";

/** What verifyNodeRequest reads: an http.IncomingMessage, an Express or a Fastify request. */
export interface NodeRequestLike extends AsyncIterable<Uint8Array | string> {
  headers: Record<string, string | string[] | undefined> | { get(name: string): string | null };
  body?: unknown;
  get?(name: string): string | undefined;
}

/**
 * Verify and parse a Node request. Uses `req.body` when a raw-body middleware
 * set it (`express.raw({ type: "application/json" })`), reads the stream with
 * the body limit otherwise, and throws BODY_ALREADY_PARSED for an
 * `express.json()` object.
 */
export declare function verifyNodeRequest(req: NodeRequestLike, options: WebhookOptions | WasenderWebhook): Promise<WebhookEvent>;
