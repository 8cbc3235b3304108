// A WasenderAPI webhook endpoint on Express: keep the raw body with express.raw.
import express from "express";
import { verifyNodeRequest } from "wasender-webhook/node";
import { WebhookError } from "wasender-webhook";

const app = express();
const options = { secret: process.env.WASENDER_WEBHOOK_SECRET };

app.post("/webhook", express.raw({ type: "application/json" }), async (req, res) => {
  try {
    const event = await verifyNodeRequest(req, options);
    res.json({ received: event.event });
  } catch (e) {
    if (!(e instanceof WebhookError)) throw e;
    res.status(e.status).json({ error: { code: e.code, message: e.message } });
  }
});

const server = app.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => console.log(`listening on http://127.0.0.1:${server.address().port}/webhook`));
