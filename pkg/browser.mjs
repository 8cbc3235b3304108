// Browsers and bundlers: the wasm is fetched, so it loads asynchronously.
// `await init()` once; calls made before it resolves throw NOT_INITIALIZED.
import loadWasm, * as glue from "./dist/wasender_webhook.js";
import { WebhookError } from "./dist/wasender_webhook.js";

export { WebhookError };

let loading = null;
let loaded = false;

/**
 * Load the wasm. Idempotent and safe to call concurrently: every call
 * shares one load. After a failure the next call tries again.
 * @param {RequestInfo | URL | Response | BufferSource | WebAssembly.Module} [source]
 */
export function init(source) {
  loading ??= loadWasm(source === undefined ? undefined : { module_or_path: source }).then(
    () => {
      loaded = true;
    },
    (error) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

function assertLoaded() {
  if (!loaded) {
    throw new WebhookError("NOT_INITIALIZED", 500, "wasender-webhook is not loaded yet: `await init()` once before using it in a browser");
  }
}

export class WasenderWebhook extends glue.WasenderWebhook {
  constructor(options) {
    assertLoaded();
    super(options);
  }
}

export function handleWebhookEvent(body, signature, options) {
  assertLoaded();
  return glue.handleWebhookEvent(body, signature, options);
}

export function signHmacSha256(secret, body) {
  assertLoaded();
  return glue.signHmacSha256(secret, body);
}
