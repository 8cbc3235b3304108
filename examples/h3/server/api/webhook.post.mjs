// POST /api/webhook: a WasenderAPI webhook as an h3 event handler, written
// as a Nuxt / Nitro server route (server/api/webhook.post.ts in a Nuxt app,
// where defineEventHandler and setResponseStatus are auto-imported).
//
// On Node (h3's node listener, Nitro's node presets) the adapter reads
// Node's request itself, with the size limit. Not toWebRequest(event)
// there: h3 1.x's stream for it cannot be cancelled, and the first body that
// passes the limit mid-stream crashes the process (ERR_INVALID_STATE).
import { defineEventHandler, setResponseStatus } from "h3";
import { WasenderWebhook, isWebhookError } from "wasender-webhook";
import { verifyNodeRequest } from "wasender-webhook/node";

let hook;

export default defineEventHandler(async (event) => {
  try {
    // Made at the first delivery (in Nuxt the secret may come from useRuntimeConfig()).
    hook ??= new WasenderWebhook({ secret: process.env.WASENDER_WEBHOOK_SECRET });
    const delivery = await verifyNodeRequest(event.node.req, hook);
    console.log(`wasender delivery: ${delivery.event}`);
    return { ok: true }; // never the event: its sessionId is a credential
  } catch (e) {
    if (!isWebhookError(e)) throw e;
    // A 5xx is this server's mistake: the log says what, the sender learns nothing of it.
    if (e.status >= 500) console.error(e);
    setResponseStatus(event, e.status);
    return { error: e.status >= 500 ? { code: "INTERNAL_ERROR", message: "see the server's log" } : { code: e.code, message: e.message } };
  }
});
