// Under Deno: the installed package behind a Worker-style fetch handler,
// served by Deno.serve, answers 200 to a genuine delivery and 401 to a forged one.
import { WasenderWebhook, WebhookError, signHmacSha256 } from "wasender-webhook";
import { SECRET, bodyOf, deliveries } from "./deliveries.mjs";

const hook = new WasenderWebhook({ secret: SECRET });

async function handler(request: Request): Promise<Response> {
  try {
    const event = hook.handleWebhookEvent(new Uint8Array(await request.arrayBuffer()), request.headers.get("x-webhook-signature"));
    return Response.json({ received: event.event });
  } catch (error) {
    if (error instanceof WebhookError) return Response.json({ error: { code: error.code } }, { status: error.status });
    throw error;
  }
}

function assertEquals(actual: unknown, expected: unknown) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

Deno.test("a Deno server answers 200 to a genuine delivery and 401 to a forged one", async () => {
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, handler);
  const url = `http://127.0.0.1:${server.addr.port}/`;
  try {
    const post = (signature: string) =>
      fetch(url, { method: "POST", body: bodyOf(deliveries.messageUpsert), headers: { "X-Webhook-Signature": signature } });
    const genuine = await post(SECRET);
    assertEquals([genuine.status, await genuine.json()], [200, { received: "messages.upsert" }]);
    const forged = await post("forged");
    assertEquals([forged.status, await forged.json()], [401, { error: { code: "INVALID_SIGNATURE" } }]);
  } finally {
    await server.shutdown();
  }
});

Deno.test("the parsed event is typed and its data is what JSON.parse gives", () => {
  const body = bodyOf(deliveries.receipt);
  const event = hook.handleWebhookEvent(body, SECRET);
  assertEquals(event.data, JSON.parse(new TextDecoder().decode(body)).data);
  if (event.event !== "message-receipt.update") throw new Error(event.event);
  assertEquals(event.statuses.map((s) => s.status), ["delivered"]);
});

Deno.test("hmac-sha256 on a body over 1 KiB (MAC from Deno's node:crypto) agrees with the wasm's own", () => {
  const text = new TextDecoder().decode(bodyOf(deliveries.messageUpsert));
  const long = new TextEncoder().encode(JSON.stringify({ ...JSON.parse(text), note: "olá 👋🏽 ".repeat(300) }));
  const hmac = new WasenderWebhook({ secret: SECRET, scheme: "hmac-sha256" });
  const tag = signHmacSha256(SECRET, long);
  assertEquals(hmac.handleWebhookEvent(long, tag).event, "messages.upsert");
  const tampered = long.slice();
  tampered[tampered.length - 3] ^= 1;
  let code = "accepted";
  try {
    hmac.handleWebhookEvent(tampered, tag);
  } catch (error) {
    if (error instanceof WebhookError) code = error.code;
  }
  assertEquals(code, "INVALID_SIGNATURE");
});
