// A WasenderAPI webhook endpoint on Express: keep the raw body with express.raw.
import express from "express";
import { verifyNodeRequest } from "wasender-webhook/node";
import { WasenderWebhook, WebhookError } from "wasender-webhook";

// Made at start-up, so an unset secret stops the server here with the fix,
// instead of failing every delivery.
const hook = new WasenderWebhook({ secret: process.env.WASENDER_WEBHOOK_SECRET });
const app = express();

app.post("/webhook", express.raw({ type: "application/json", limit: "1mb" }), async (req, res) => {
  try {
    const event = await verifyNodeRequest(req, hook);
    res.json({ received: event.event });
  } catch (e) {
    if (!(e instanceof WebhookError)) throw e;
    // A 5xx is this server's mistake: the log says what, the sender learns nothing of it.
    if (e.status >= 500) console.error(e);
    const error = e.status >= 500 ? { code: "INTERNAL_ERROR", message: "see the server's log" } : { code: e.code, message: e.message };
    res.status(e.status).json({ error });
  }
});

const server = app.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => console.log(`listening on http://127.0.0.1:${server.address().port}/webhook`));
