/* @ts-self-types="./fetch.d.ts" */
// wasender-webhook/fetch on the workerd core: verifyRequest and webhookHandler.
import * as core from "./workerd.mjs";
import { makeFetchAdapter } from "./lib/fetch.mjs";

export const { verifyRequest, webhookHandler } = makeFetchAdapter(core);
