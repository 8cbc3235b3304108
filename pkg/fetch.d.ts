import type { WasenderWebhook, WebhookEvent, WebhookOptions } from "./index.d.ts";

/**
 * Verify and parse a fetch `Request`: reads the raw body once (never
 * `.json()`), enforces the body limit while reading, finds the signature
 * header case-insensitively. Throws `WebhookError`.
 */
export declare function verifyRequest(request: Request, options: WebhookOptions | WasenderWebhook): Promise<WebhookEvent>;

/** What Workers pass as `ctx` (an `ExecutionContext`): enough to finish work after answering. */
export interface ExecutionContextLike {
  waitUntil(promise: Promise<unknown>): void;
  passThroughOnException?(): void;
}

/** What your handler receives beside the event. */
export interface WebhookContext<Env, Ctx> {
  request: Request;
  env: Env;
  ctx: Ctx;
}

/**
 * A `(request, env?, ctx?) => Promise<Response>` for Workers, Deno, Bun, Hono
 * and Next.js: 405 for non-POST, the error's status with
 * `{ error: { code, message } }` on failure (a server-side one logged once
 * and answered with a generic 500), otherwise your handler's Response or
 * `200 { ok: true, event }`. `options` may be a function of `env`; static
 * options are checked here, so a bad deployment fails at start-up.
 *
 * `Env` is your Worker's bindings (default `any`: Next.js passes route
 * params there, and a strict route-handler check needs a type that takes
 * them); `Ctx` what the runtime passes third (default: a Workers
 * ExecutionContext).
 */
export declare function webhookHandler<Env = any, Ctx = ExecutionContextLike>(
  options: WebhookOptions | WasenderWebhook | ((env: Env) => WebhookOptions | WasenderWebhook),
  handle: (event: WebhookEvent, context: WebhookContext<Env, Ctx>) => unknown,
): (request: Request, env?: Env, ctx?: Ctx) => Promise<Response>;
