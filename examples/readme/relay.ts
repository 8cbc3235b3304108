// examples/readme/relay.ts
import { webhookHandler } from "wasender-webhook/fetch";
import { memoryStore, type DedupeStore } from "wasender-webhook/dedupe";

interface Env {
  // The relay's signing secret for this endpoint, as Svix or Hookdeck show it: "whsec_…".
  RELAY_SIGNING_SECRET: string;
  // Any { get, put } store shared by your instances: a Workers KV namespace fits as it is.
  SEEN?: DedupeStore;
}

const local = memoryStore();

export default {
  fetch: webhookHandler<Env>(
    // webhook-id, webhook-timestamp (within 5 minutes either way) and webhook-signature are checked.
    (env) => ({ secret: env.RELAY_SIGNING_SECRET, scheme: "standard-webhooks" }),
    async (event, { request, env }) => {
      // A fresh, genuine delivery may still be a replay or a relay's retry: the id is signed, so key on it.
      // Keep ids longer than the timestamp window (10 minutes); older replays are refused as too old.
      const seen = env.SEEN ?? local;
      const id = `relay:${request.headers.get("webhook-id")}`;
      if ((await seen.get(id)) !== null) return new Response(null, { status: 204 });
      await seen.put(id, "1", { expirationTtl: 900 });
      console.log("verified", event.event);
    },
  ),
};
