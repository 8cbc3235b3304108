// Cloudflare Workers (workerd): the bundler hands the .wasm over as a
// compiled WebAssembly.Module, the only form Workers accept (compiling
// bytes at run time is forbidden there).
import wasmModule from "./dist/wasender_webhook_bg.wasm";
import { initSync } from "./dist/wasender_webhook.js";

initSync({ module: wasmModule });

export { WasenderWebhook, WebhookError, handleWebhookEvent, signHmacSha256 } from "./dist/wasender_webhook.js";

/** Already loaded here; kept so one `await init()` works in every runtime. */
export function init() {
  return Promise.resolve();
}
