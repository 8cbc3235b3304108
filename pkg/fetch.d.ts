import type { WasenderWebhook, WebhookEvent, WebhookOptions } from "./index.js";

/**
 * Verify and parse a fetch `Request`: reads the raw body once (never
 * `.json()`), enforces the body limit while reading, finds the signature
 * header case-insensitively. Throws `WebhookError`.
 */
export declare function verifyRequest(request: Request, options: WebhookOptions | WasenderWebhook): Promise<WebhookEvent>;

export interface WebhookContext<Env = unknown, Ctx = unknown> {
  request: Request;
  env: Env;
  ctx: Ctx;
}

/**
 * A `(request, env?, ctx?) => Promise<Response>` for Workers, Deno, Bun, Hono
 * and Next.js: 405 for non-POST, the error's status with
 * `{ error: { code, message } }` on failure, otherwise your handler's
 * Response or `200 { ok: true, event }`. `options` may be a function of `env`.
 */
export declare function webhookHandler<Env = unknown, Ctx = unknown>(
  options: WebhookOptions | WasenderWebhook | ((env: Env) => WebhookOptions | WasenderWebhook),
  handle: (event: WebhookEvent, context: WebhookContext<Env, Ctx>) => unknown | Promise<unknown>,
): (request: Request, env?: Env, ctx?: Ctx) => Promise<Response>;
