// examples/readme/browser.ts
import { WasenderWebhook, init } from "wasender-webhook";

await init(); // browsers fetch the wasm: once, before the first synchronous call
const hook = new WasenderWebhook({ secret: "the-session-webhook-secret" });

export function check(bytes: Uint8Array, signature: string | null) {
  return hook.handleWebhookEvent(bytes, signature);
}
