// A WasenderAPI webhook endpoint on Cloudflare Workers.
//
// webhookHandler verifies and parses before your code runs and answers
// errors itself (401 forged, 413 too large, 400 malformed, 405 not POST).
// Answer fast (Wasender wants a quick 2xx) and do the work after the
// response with ctx.waitUntil, or hand it to a Queue.
import { webhookHandler } from "wasender-webhook/fetch";
import { createDeduplicator, memoryStore } from "wasender-webhook/dedupe";

const inMemory = memoryStore(); // per isolate; bind a KV namespace as DEDUPE to share across isolates

export default {
  fetch: webhookHandler(
    (env) => ({ secret: env.WASENDER_WEBHOOK_SECRET }),
    async (event, { env, ctx }) => {
      const dedupe = createDeduplicator({ store: env.DEDUPE ?? inMemory });
      if (await dedupe.isDuplicate(event)) return Response.json({ duplicate: true });
      ctx.waitUntil(handle(event));
      return Response.json({ received: event.event });
    },
  ),
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
