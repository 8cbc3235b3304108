// A WasenderAPI webhook endpoint on plain Node http.
import { createServer } from "node:http";
import { verifyNodeRequest } from "wasender-webhook/node";
import { WebhookError } from "wasender-webhook";

const options = { secret: process.env.WASENDER_WEBHOOK_SECRET };

const server = createServer(async (req, res) => {
  try {
    const event = await verifyNodeRequest(req, options);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ received: event.event }));
  } catch (e) {
    if (!(e instanceof WebhookError)) throw e;
    res.writeHead(e.status, { "content-type": "application/json" }).end(JSON.stringify({ error: { code: e.code, message: e.message } }));
  }
});
server.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
