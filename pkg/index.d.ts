// The declarations come from the Rust sources (wasm-bindgen output); this
// file only chooses what the package exports.
export { WasenderWebhook, handleWebhookEvent, signHmacSha256 } from "./dist/wasender_webhook.js";
export type { WebhookBody, WebhookHeaders, WebhookOptions, WebhookScheme, WebhookSecret, WebhookSignature, WebhookTolerance } from "./dist/wasender_webhook.js";
// Every event type, generated from the Rust model.
export type * from "./dist/events.js";
export { WebhookError, isWebhookError } from "./dist/webhook_error.js";

/**
 * Load the wasm. Browsers must await it once before the first call; every
 * other runtime loads on import, where it resolves at once. Idempotent.
 */
export declare function init(source?: RequestInfo | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;
