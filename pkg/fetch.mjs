/* @ts-self-types="./fetch.d.ts" */
// wasender-webhook/fetch on the node core: verifyRequest and webhookHandler.
import * as core from "./node.mjs";
import { makeFetchAdapter } from "./lib/fetch.mjs";

export const { verifyRequest, webhookHandler } = makeFetchAdapter(core);
