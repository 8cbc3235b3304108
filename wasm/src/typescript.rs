//! TypeScript declarations of the package's API (the guard in
//! `src/js/guard.js` over the raw exports of `mod.rs`), and of what only the
//! bindings exchange (options, bodies), emitted into the generated `.d.ts`
//! by wasm-bindgen. The event types come from the Rust model (events.d.ts).

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const DECLARATIONS: &'static str = r#"
/**
 * How the signature header relates to the secret. "standard-webhooks": the
 * relay signs as https://www.standardwebhooks.com says (Svix, Hookdeck):
 * `webhook-id`, `webhook-timestamp` and `webhook-signature` headers.
 */
export type WebhookScheme = "wasender" | "hmac-sha256" | "standard-webhooks";

/**
 * How far `webhook-timestamp` may be from now (standard-webhooks only), in
 * whole seconds: one number for both sides, or each side; default 300 each.
 * A window of 0 both ways is refused; "unchecked" turns the check off.
 */
export type WebhookTolerance = number | { past?: number; future?: number } | "unchecked";

/**
 * The request's headers: a fetch `Headers`, or a plain object such as
 * Node's `req.headers` (names matched case-insensitively).
 */
export type WebhookHeaders = Headers | Readonly<Record<string, string | undefined>>;

/**
 * What `handleWebhookEvent` verifies against: the signature header's value
 * (the wasender and hmac-sha256 schemes), or the request's headers (any
 * scheme; standard-webhooks needs them).
 */
export type WebhookSignature = string | WebhookHeaders | null | undefined;

/** A session's `webhook_secret`, or raw key bytes. */
export type WebhookSecret = string | Uint8Array | ArrayBuffer;

export interface WebhookOptions {
  /** The session's webhook secret. Give this or `secrets`. */
  secret?: WebhookSecret;
  /** Several secrets (rotation, several sessions); any may match. */
  secrets?: WebhookSecret[];
  /**
   * "wasender" (default): the header is the secret. "hmac-sha256": HMAC of
   * the raw body. "standard-webhooks": a relay's Standard Webhooks signature
   * (`whsec_…` secrets are base64, any other is used as its bytes).
   */
  scheme?: WebhookScheme;
  /** Bodies above this many bytes are refused before any work. Default 1 MiB, at most 16 MiB. */
  maxBodyBytes?: number;
  /** standard-webhooks: how far `webhook-timestamp` may be from now. Default 300 s each way. */
  tolerance?: WebhookTolerance;
  /**
   * standard-webhooks: the current time in milliseconds since the epoch,
   * called once per delivery (default `Date.now`; the wasm has no clock).
   */
  now?: () => number;
}

/** The raw request body, exactly as received. */
export type WebhookBody = Uint8Array | ArrayBuffer | ArrayBufferView | string;

// The event types and error codes are generated from the Rust model into
// events.d.ts (see src/typescript.rs); re-exported here so this module's
// declarations can name them.
import type { WebhookEvent, WebhookErrorCode } from "./events.js";
export * from "./events.js";

/**
 * A verifier configured once, used for every delivery. Hooks with equal
 * options share one wasm state, so making one per request is cheap.
 */
export declare class WasenderWebhook {
  /**
   * Throws `WebhookError` (`MISSING_SECRET` or `INVALID_OPTIONS`, status 500)
   * when the options cannot work (an unknown option name included).
   */
  constructor(options: WebhookOptions);
  /**
   * Verify the signature in constant time, then parse the raw body.
   * `headers`: the request's headers, or the signature header's value.
   * Synchronous; throws `WebhookError` on any failure.
   */
  handleWebhookEvent(body: WebhookBody, headers: WebhookSignature): WebhookEvent;
  /** Verify only, without parsing: the index of the secret that matched. */
  verify(body: WebhookBody, headers: WebhookSignature): number;
  /**
   * Refuse a body of `length` bytes, before reading it, when it is over
   * the limit (throws BODY_TOO_LARGE). For readers that see a
   * Content-Length or count bytes while streaming.
   */
  checkBodySize(length: number): void;
  readonly scheme: WebhookScheme;
  readonly secretCount: number;
  readonly maxBodyBytes: number;
  /** The configuration's shape, for logs; never a secret. */
  toString(): string;
  /** What `JSON.stringify(hook)` shows; never a secret. */
  toJSON(): { scheme: WebhookScheme; secretCount: number; maxBodyBytes: number };
  /** Let this hook go; later calls throw HOOK_FREED. Optional: the GC does it too. */
  free(): void;
}

// `using hook = new WasenderWebhook(…)` where the project's lib has
// esnext.disposable; and no error where it has not (an empty interface
// then, instead of a `[Symbol.dispose]` member its lib cannot name).
declare global {
  interface Disposable {}
}
export interface WasenderWebhook extends Disposable {}

/**
 * One-shot form: configure, verify and parse in one call. It shares the
 * wasm state of equal options, so it is fine per request.
 */
export declare function handleWebhookEvent(body: WebhookBody, headers: WebhookSignature, options: WebhookOptions): WebhookEvent;

/**
 * HMAC-SHA256(secret, body) as lower-case hex: the header a sender using
 * the `hmac-sha256` scheme attaches (test kits, relays).
 */
export declare function signHmacSha256(secret: WebhookSecret, body: WebhookBody): string;
"#;
