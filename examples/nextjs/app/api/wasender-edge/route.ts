// The same webhook on the edge runtime: POST /api/wasender-edge.
import { webhookHandler } from "wasender-webhook/fetch";

export const runtime = "edge";

const handler = webhookHandler(
  () => ({ secret: process.env.WASENDER_WEBHOOK_SECRET }),
  async (event) => {
    if (event.event === "messages.upsert") console.log(`${event.event}: ${event.messages.length} message(s)`);
  },
);

export const POST = (request: Request) => handler(request);
