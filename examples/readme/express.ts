// examples/readme/express.ts
import express from "express";
import { WasenderWebhook, isWebhookError } from "wasender-webhook";
import { verifyNodeRequest } from "wasender-webhook/node";

const hook = new WasenderWebhook({ secret: process.env.WASENDER_WEBHOOK_SECRET });
const app = express();

// The raw bytes for this route only; other routes keep express.json().
app.post("/webhook", express.raw({ type: "application/json", limit: "1mb" }), async (req, res) => {
  try {
    const event = await verifyNodeRequest(req, hook);
    res.json({ received: event.event });
  } catch (e) {
    if (!isWebhookError(e)) throw e;
    res.status(e.status).json({ error: { code: e.code, message: e.message } });
  }
});
app.use(express.json());
app.listen(3000);
