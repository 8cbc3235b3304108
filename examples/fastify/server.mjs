// A WasenderAPI webhook endpoint on Fastify, as an encapsulated plugin: its
// routes get the raw bytes the signature covers, every other route keeps
// Fastify's JSON parsing.
import Fastify from "fastify";
import { WasenderWebhook, isWebhookError } from "wasender-webhook";
import { verifyNodeRequest } from "wasender-webhook/node";

// Made at start-up, so an unset secret stops the server here with the fix.
const hook = new WasenderWebhook({ secret: process.env.WASENDER_WEBHOOK_SECRET });

/** @param {import("fastify").FastifyInstance} scope */
async function wasenderWebhook(scope) {
  // Registered without fastify-plugin, so this parser stays inside the plugin.
  scope.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => done(null, body));

  scope.post("/webhook", async (request) => {
    const event = await verifyNodeRequest(request, hook);
    request.log.info({ event: event.event }, "wasender delivery");
    return { ok: true }; // never the event: its sessionId is a credential
  });

  scope.setErrorHandler((error, request, reply) => {
    if (!isWebhookError(error)) throw error; // Fastify's own (413 over bodyLimit, …)
    // A 5xx is this server's mistake: the log says what, the sender learns nothing of it.
    if (error.status >= 500) {
      request.log.error(error);
      return reply.code(500).send({ error: { code: "INTERNAL_ERROR", message: "see the server's log" } });
    }
    return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
  });
}

const app = Fastify({ logger: { level: "warn" } });
await app.register(wasenderWebhook);
// Outside the plugin: Fastify's JSON parser, as before.
app.post("/orders", async (request) => ({ received: request.body }));

await app.listen({ port: Number(process.env.PORT ?? 3000), host: "127.0.0.1" });
const address = app.server.address();
console.log(`listening on http://127.0.0.1:${typeof address === "object" && address ? address.port : ""}/webhook`);
