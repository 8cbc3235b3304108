// A WasenderAPI webhook endpoint on Koa, with no body parser: the adapter
// reads the request's stream itself (ctx.request wraps Node's request).
import Koa from "koa";
import Router from "@koa/router";
import { WasenderWebhook, isWebhookError } from "wasender-webhook";
import { verifyNodeRequest } from "wasender-webhook/node";

// Made at start-up, so an unset secret stops the server here with the fix.
const hook = new WasenderWebhook({ secret: process.env.WASENDER_WEBHOOK_SECRET });
const router = new Router();

router.post("/webhook", async (ctx) => {
  try {
    const event = await verifyNodeRequest(ctx.request, hook);
    console.log(`wasender delivery: ${event.event}`);
    ctx.body = { ok: true }; // never the event: its sessionId is a credential
  } catch (e) {
    if (!isWebhookError(e)) throw e;
    // A 5xx is this server's mistake: the log says what, the sender learns nothing of it.
    if (e.status >= 500) console.error(e);
    ctx.status = e.status;
    ctx.body = { error: e.status >= 500 ? { code: "INTERNAL_ERROR", message: "see the server's log" } : { code: e.code, message: e.message } };
  }
});

const app = new Koa();
app.use(router.routes()).use(router.allowedMethods());
const server = app.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === "object" && address ? address.port : ""}/webhook`);
});
