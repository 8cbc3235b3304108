// examples/readme/testing.ts
import { buildMessage, createTestRequest, sampleEvents } from "wasender-webhook/testing";
import worker from "./worker.js";

// Your own text, sender and group; a fresh id and the current time by default.
const delivery = buildMessage({ text: "order #42?", from: "+5511999990000", group: true });
const response = await worker.fetch(createTestRequest(delivery, { secret: "test" }), { WASENDER_WEBHOOK_SECRET: "test" }, {
  waitUntil() {},
});
console.log(response.status, sampleEvents["session.status"].data.status);
