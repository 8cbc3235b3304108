// examples/readme/node-http.ts
import { createServer } from "node:http";
import { WasenderWebhook, isWebhookError } from "wasender-webhook";
import { verifyNodeRequest } from "wasender-webhook/node";

// Made at start-up: an unset secret stops the server here, with the fix.
const hook = new WasenderWebhook({ secret: process.env.WASENDER_WEBHOOK_SECRET });

createServer(async (req, res) => {
  try {
    const event = await verifyNodeRequest(req, hook);
    res.writeHead(200).end(event.event);
  } catch (e) {
    if (!isWebhookError(e)) throw e;
    if (e.status >= 500) console.error(e); // your server's mistake: log it, tell the sender nothing
    res.writeHead(e.status).end(e.status >= 500 ? "" : e.code);
  }
}).listen(3000);
