// wasender-webhook/testing on the browser core: signWebhook, createTestRequest, sampleEvents.
import * as core from "./browser.mjs";
import { makeTesting } from "./lib/testing.mjs";
import { sampleEvents as samples } from "./dist/samples.mjs";

export const { signWebhook, createTestRequest, sampleEvents } = makeTesting(core, samples);
