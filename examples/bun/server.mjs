// A WasenderAPI webhook endpoint on Bun.
import { webhookHandler } from "wasender-webhook/fetch";

const handler = webhookHandler({ secret: process.env.WASENDER_WEBHOOK_SECRET }, (event) => {
  console.log(`received ${event.event}`);
});

const server = Bun.serve({ port: Number(process.env.PORT ?? 3000), hostname: "127.0.0.1", fetch: (request) => handler(request) });
console.log(`listening on http://127.0.0.1:${server.port}`);
