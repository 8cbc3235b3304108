/* @ts-self-types="./index.d.ts" */
// Node, Deno and Bun: load the wasm from beside this file, synchronously,
// so the API is usable as soon as the import resolves.
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { guarded, initSync, setDecoders, setHmacSha256 } from "./dist/wasender_webhook.js";

// The wasm's bytes. A path, not `new URL("./dist/…", import.meta.url)`:
// webpack (Next.js) turns that pattern into a URL of its own, which
// readFileSync refuses. In node.bundled.mjs, which scripts/build makes from
// this file for bundlers building for Node, the bytes are inlined instead.
const wasmBytes = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "dist", "wasender_webhook_bg.wasm"));
initSync({ module: wasmBytes });

// Texts reach JS as ASCII bytes or UTF-16 code units. Buffer turns those
// into strings near memcpy speed: for UTF-16, 7× faster than TextDecoder in
// Node and 25–35× in Deno and Bun (measured on 116 KB of mixed scripts).
const buffer = (view) => Buffer.from(view.buffer, view.byteOffset, view.byteLength);
setDecoders({
  ascii: (bytes) => buffer(bytes).toString("latin1"),
  utf16: (units) => buffer(units).toString("utf16le"),
});

// The hmac-sha256 scheme's MAC from node:crypto, which has SHA instructions
// (the wasm's portable SHA-256 is ~10× slower on large bodies; the wasm
// asks only for bodies of 1 KiB and more). The wasm still compares the MAC
// with the header, in constant time. Loading node:crypto costs ~2 ms of
// cold start, so it is loaded on the first such body, never for the default
// scheme; without process.getBuiltinModule (Node < 20.16) the wasm's own
// HMAC answers.
let nodeCrypto;
// Standard Webhooks' `id.timestamp.` prefix comes beside the body, so the
// body is never copied to be joined with it.
setHmacSha256((key, message, prefix) => {
  if (nodeCrypto === undefined) nodeCrypto = globalThis.process?.getBuiltinModule?.("node:crypto") ?? null;
  const mac = nodeCrypto?.createHmac("sha256", key);
  if (prefix?.length) mac?.update(prefix);
  return mac?.update(message).digest();
});

// The guarded API (src/js/guard.js): nothing a caller passes can break the instance.
export const { WasenderWebhook, handleWebhookEvent, signHmacSha256 } = guarded;
export { WebhookError, isWebhookError } from "./dist/wasender_webhook.js";

/** Already loaded here; kept so one `await init()` works in every runtime. */
export function init() {
  return Promise.resolve();
}
