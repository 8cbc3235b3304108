// A WasenderAPI webhook endpoint on Cloudflare Workers.
//
// Verify and parse synchronously, answer at once (Wasender wants a quick
// 2xx), and do the slow work after the response with ctx.waitUntil.
import { WasenderWebhook, WebhookError } from "wasender-webhook";

let hook; // one per isolate, reused across requests

export default {
  async fetch(request, env, ctx) {
    if (request.method !== "POST") {
      return reply(405, { error: { code: "METHOD_NOT_ALLOWED", message: "webhooks are POSTed" } }, { allow: "POST" });
    }
    try {
      hook ??= new WasenderWebhook({ secret: env.WASENDER_WEBHOOK_SECRET });
      // Refuse an announced oversized body before reading it.
      const announced = Number(request.headers.get("content-length") ?? 0);
      if (announced > hook.maxBodyBytes) {
        throw new WebhookError("BODY_TOO_LARGE", 413, `body too large: ${announced} bytes exceeds the limit of ${hook.maxBodyBytes} bytes`);
      }
      const body = new Uint8Array(await request.arrayBuffer());
      const event = hook.handleWebhookEvent(body, request.headers.get("x-webhook-signature"));
      ctx.waitUntil(handle(event));
      return reply(200, { received: event.event });
    } catch (error) {
      if (error instanceof WebhookError) {
        return reply(error.status, { error: { code: error.code, message: error.message } });
      }
      throw error;
    }
  },
};

// Your application logic: store, enqueue, answer the message …
// `event.event` is the canonical name; TypeScript narrows `data` and the
// normalised views on it. (Never log event.sessionId: it may be the
// session's API key.)
async function handle(event) {
  switch (event.event) {
    case "messages.upsert":
    case "messages.received":
    case "messages-personal.received":
    case "messages-group.received":
      for (const m of event.messages) {
        if (!m.fromMe) console.log(`handled ${event.event}: ${m.type} from ${m.senderPhone ?? m.chatJid}: ${m.text ?? "(no text)"}`);
      }
      break;
    case "message-receipt.update":
    case "messages.update":
      for (const s of event.statuses) console.log(`handled ${event.event}: message ${s.id} is ${s.status ?? "changed"}`);
      break;
    case "session.status":
      console.log(`handled ${event.event}: session is ${event.sessionStatus}`);
      break;
    default:
      console.log(`handled ${event.event} (sent as ${event.receivedEvent})`);
  }
}

function reply(status, json, headers = {}) {
  return Response.json(json, { status, headers });
}
