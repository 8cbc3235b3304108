/* @ts-self-types="./index.d.ts" */
// Cloudflare Workers (workerd): the bundler hands the .wasm over as a
// compiled WebAssembly.Module, the only form Workers accept (compiling
// bytes at run time is forbidden there).
import wasmModule from "./dist/wasender_webhook_bg.wasm";
import { guarded, initSync } from "./dist/wasender_webhook.js";

initSync({ module: wasmModule });

// The guarded API (src/js/guard.js): nothing a caller passes can break the instance.
export const { WasenderWebhook, handleWebhookEvent, signHmacSha256 } = guarded;
export { WebhookError, isWebhookError } from "./dist/wasender_webhook.js";

/** Already loaded here; kept so one `await init()` works in every runtime. */
export function init() {
  return Promise.resolve();
}
