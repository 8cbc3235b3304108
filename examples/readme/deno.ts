// examples/readme/deno.ts
import { webhookHandler } from "wasender-webhook/fetch";

const handler = webhookHandler({ secret: Deno.env.get("WASENDER_WEBHOOK_SECRET") }, (event) => {
  console.log(`received ${event.event}`);
});

Deno.serve({ port: 3000 }, (request) => handler(request));
