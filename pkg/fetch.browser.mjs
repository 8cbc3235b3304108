/* @ts-self-types="./fetch.d.ts" */
// wasender-webhook/fetch on the browser core: verifyRequest and webhookHandler.
import * as core from "./browser.mjs";
import { makeFetchAdapter } from "./lib/fetch.mjs";

export const { verifyRequest, webhookHandler } = makeFetchAdapter(core);
