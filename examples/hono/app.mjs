// A WasenderAPI webhook endpoint with Hono (served here by Bun; the same app
// runs on Workers, Deno and Node adapters).
import { Hono } from "hono";
import { verifyRequest } from "wasender-webhook/fetch";
import { WebhookError } from "wasender-webhook";

const options = { secret: process.env.WASENDER_WEBHOOK_SECRET };
const app = new Hono();

app.post("/webhook", async (c) => {
  try {
    const event = await verifyRequest(c.req.raw, options); // the raw Request: never c.req.json()
    return c.json({ received: event.event });
  } catch (e) {
    if (!(e instanceof WebhookError)) throw e;
    return c.json({ error: { code: e.code, message: e.message } }, e.status);
  }
});

const server = Bun.serve({ port: Number(process.env.PORT ?? 3000), hostname: "127.0.0.1", fetch: app.fetch });
console.log(`listening on http://127.0.0.1:${server.port}/webhook`);
