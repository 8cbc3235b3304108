// examples/readme/hono.ts
import { Hono } from "hono";
import { isWebhookError } from "wasender-webhook";
import { verifyRequest } from "wasender-webhook/fetch";

const app = new Hono<{ Bindings: { WASENDER_WEBHOOK_SECRET: string } }>();

app.post("/webhook", async (c) => {
  try {
    // The raw Request: never c.req.json() before it.
    const event = await verifyRequest(c.req.raw, { secret: c.env.WASENDER_WEBHOOK_SECRET });
    return c.json({ received: event.event });
  } catch (e) {
    if (!isWebhookError(e)) throw e;
    return c.json({ error: { code: e.code, message: e.message } }, e.status);
  }
});

export default app;
