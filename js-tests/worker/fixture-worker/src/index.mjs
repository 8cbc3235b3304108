import { WasenderWebhook } from "wasender-webhook";
import { checkFixture } from "../../../helpers/check-fixture.mjs";

const hook = new WasenderWebhook({ secret: "fixture-secret" });

export default {
  async fetch(request) {
    const bytes = new Uint8Array(await request.arrayBuffer());
    // The expectation travels base64-encoded in a header; the body stays the fixture's exact bytes.
    const expected = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(request.headers.get("x-expected")), (c) => c.charCodeAt(0))));
    const problems = checkFixture(new TextDecoder().decode(bytes), expected, () => hook.handleWebhookEvent(bytes, "fixture-secret"));
    return Response.json({ problems });
  },
};
