// The h3 app a Nitro server would build from server/api/, served by Node's
// http through h3's node listener. POST /api/orders shows JSON parsing as usual.
import { createServer } from "node:http";
import { createApp, createRouter, defineEventHandler, readBody, toNodeListener } from "h3";
import webhook from "./server/api/webhook.post.mjs";

const router = createRouter()
  .post("/api/webhook", webhook)
  .post("/api/orders", defineEventHandler(async (event) => ({ received: await readBody(event) })));
const app = createApp().use(router);

const server = createServer(toNodeListener(app)).listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/api/webhook`);
});
