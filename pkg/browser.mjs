/* @ts-self-types="./index.d.ts" */
// Browsers and bundlers: the wasm is fetched, so it loads asynchronously.
// `await init()` once; calls made before it resolves throw NOT_INITIALIZED
// (the guard, src/js/guard.js, checks on every call).
import loadWasm, { guarded } from "./dist/wasender_webhook.js";

export { WebhookError, isWebhookError } from "./dist/wasender_webhook.js";
export const { WasenderWebhook, handleWebhookEvent, signHmacSha256 } = guarded;

let loading = null;

/**
 * Load the wasm. Idempotent and safe to call concurrently: every call
 * shares one load. After a failure the next call tries again.
 * @param {RequestInfo | URL | Response | BufferSource | WebAssembly.Module} [source]
 */
export function init(source) {
  loading ??= loadWasm(source === undefined ? undefined : { module_or_path: source }).then(
    () => {},
    (error) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}
