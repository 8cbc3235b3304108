// A WasenderAPI webhook endpoint on Deno.
import { webhookHandler } from "wasender-webhook/fetch";

const handler = webhookHandler({ secret: Deno.env.get("WASENDER_WEBHOOK_SECRET") }, (event) => {
  console.log(`received ${event.event}`);
});

Deno.serve({ hostname: "127.0.0.1", port: Number(Deno.env.get("PORT") ?? 3000), onListen: ({ port }) => console.log(`listening on http://127.0.0.1:${port}`) }, (request) => handler(request));
