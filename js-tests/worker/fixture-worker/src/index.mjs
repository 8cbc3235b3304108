import { WasenderWebhook } from "wasender-webhook";
import { webhookHandler } from "wasender-webhook/fetch";
import { signWebhook } from "wasender-webhook/testing";
import { checkFixture } from "../../../helpers/check-fixture.mjs";

const hook = new WasenderWebhook({ secret: "fixture-secret" });

// Standard Webhooks inside workerd (js-tests/worker/standard-webhooks.test.mjs):
// the key of the reference libraries' own tests.
const STANDARD = { secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", scheme: "standard-webhooks" };
const routes = {
  // Verify with the fetch adapter, as a relay's endpoint would.
  "/standard-webhooks/verify": webhookHandler(STANDARD, (event) => Response.json({ received: event.receivedEvent })),
  // Sign the posted body with the test kit, for the reference library to verify.
  "/standard-webhooks/sign": async (request) => Response.json(signWebhook(new Uint8Array(await request.arrayBuffer()), STANDARD)),
  // Verify the posted headers at the time the `x-now` header gives (the reference vector is from 2021).
  "/standard-webhooks/at": async (request) => {
    const at = new WasenderWebhook({ ...STANDARD, now: () => Number(request.headers.get("x-now")) * 1000 });
    try {
      return Response.json({ index: at.verify(new Uint8Array(await request.arrayBuffer()), request.headers) });
    } catch (error) {
      return Response.json({ code: error.code });
    }
  },
};

export default {
  async fetch(request) {
    const route = routes[new URL(request.url).pathname];
    if (route) return route(request);
    const bytes = new Uint8Array(await request.arrayBuffer());
    // The expectation travels base64-encoded in a header; the body stays the fixture's exact bytes.
    const expected = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(request.headers.get("x-expected")), (c) => c.charCodeAt(0))));
    const problems = checkFixture(new TextDecoder().decode(bytes), expected, () => hook.handleWebhookEvent(bytes, "fixture-secret"));
    return Response.json({ problems });
  },
};
