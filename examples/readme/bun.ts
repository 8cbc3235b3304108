// examples/readme/bun.ts
import { webhookHandler } from "wasender-webhook/fetch";

const handler = webhookHandler({ secret: process.env.WASENDER_WEBHOOK_SECRET }, (event) => {
  console.log(`received ${event.event}`);
});

Bun.serve({ port: 3000, fetch: (request) => handler(request) });
