/* @ts-self-types="./testing.d.ts" */
// wasender-webhook/testing on the workerd core: signWebhook, createTestRequest,
// the builders and sampleEvents.
import * as core from "./workerd.mjs";
import { makeTesting } from "./lib/testing.mjs";
import { sampleEvents as samples } from "./dist/samples.mjs";

export const { signWebhook, createTestRequest, sampleEvents, buildMessage, buildSessionStatus, buildReceipt, buildReaction } = makeTesting(core, samples);
