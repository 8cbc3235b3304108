/* @ts-self-types="./testing.d.ts" */
// wasender-webhook/testing on the edge core (Vercel, Next.js edge routes):
// signWebhook, createTestRequest, the builders and sampleEvents.
import * as core from "./edge.mjs";
import { makeTesting } from "./lib/testing.mjs";
import { sampleEvents as samples } from "./dist/samples.mjs";

export const { signWebhook, createTestRequest, sampleEvents, buildMessage, buildSessionStatus, buildReceipt, buildReaction } = makeTesting(core, samples);
