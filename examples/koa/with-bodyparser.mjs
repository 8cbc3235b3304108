// The same endpoint on a Koa app that parses JSON for every route with
// koa-bodyparser: the adapter verifies the raw text the parser keeps in
// ctx.request.rawBody, while other routes use the parsed ctx.request.body.
import Koa from "koa";
import Router from "@koa/router";
import bodyParser from "koa-bodyparser";
import { WasenderWebhook, isWebhookError } from "wasender-webhook";
import { verifyNodeRequest } from "wasender-webhook/node";

const hook = new WasenderWebhook({ secret: process.env.WASENDER_WEBHOOK_SECRET });
const router = new Router();

router.post("/webhook", async (ctx) => {
  try {
    const event = await verifyNodeRequest(ctx.request, hook); // ctx.request, not ctx.req: rawBody lives there
    console.log(`wasender delivery: ${event.event}`);
    ctx.body = { ok: true };
  } catch (e) {
    if (!isWebhookError(e)) throw e;
    if (e.status >= 500) console.error(e);
    ctx.status = e.status;
    ctx.body = { error: e.status >= 500 ? { code: "INTERNAL_ERROR", message: "see the server's log" } : { code: e.code, message: e.message } };
  }
});

router.post("/orders", (ctx) => {
  ctx.body = { received: ctx.request.body };
});

const app = new Koa();
// koa-bodyparser refuses JSON over 1 MiB (413) and malformed JSON (400) itself, before any route.
app.use(bodyParser());
app.use(router.routes()).use(router.allowedMethods());
const server = app.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening on http://127.0.0.1:${typeof address === "object" && address ? address.port : ""}/webhook`);
});
