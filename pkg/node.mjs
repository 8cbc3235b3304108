// Node, Deno and Bun: load the wasm from beside this file, synchronously,
// so the API is usable as soon as the import resolves.
import { readFileSync } from "node:fs";
import { initSync } from "./dist/wasender_webhook.js";

initSync({ module: readFileSync(new URL("./dist/wasender_webhook_bg.wasm", import.meta.url)) });

export { WasenderWebhook, handleWebhookEvent, signHmacSha256 } from "./dist/wasender_webhook.js";
export { WebhookError } from "./dist/webhook_error.js";

/** Already loaded here; kept so one `await init()` works in every runtime. */
export function init() {
  return Promise.resolve();
}
