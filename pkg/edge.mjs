/* @ts-self-types="./index.d.ts" */
// Vercel's Edge Runtime and Next.js `runtime = "edge"` (the `edge-light`
// condition): `?module` makes their bundler hand the .wasm over as a
// compiled WebAssembly.Module, as Workers do; compiling bytes at run time
// is forbidden there, and fetching the wasm would need `await init()`.
import wasmModule from "./dist/wasender_webhook_bg.wasm?module";
import { guarded, initSync } from "./dist/wasender_webhook.js";

// `next start` and `next dev` run edge routes in a sandbox (a vm context)
// that compiles the module outside it: the glue's `instanceof
// WebAssembly.Module` fails, and it would then try to compile the Module
// as bytes. Give such a module this realm's prototype (Vercel's own edge
// runtime hands over one of its realm, and skips this).
if (!(wasmModule instanceof WebAssembly.Module)) Object.setPrototypeOf(wasmModule, WebAssembly.Module.prototype);
initSync({ module: wasmModule });

// The guarded API (src/js/guard.js): nothing a caller passes can break the instance.
export const { WasenderWebhook, handleWebhookEvent, signHmacSha256 } = guarded;
export { WebhookError, isWebhookError } from "./dist/wasender_webhook.js";

/** Already loaded here; kept so one `await init()` works in every runtime. */
export function init() {
  return Promise.resolve();
}
