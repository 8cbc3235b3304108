/* @ts-self-types="./fetch.d.ts" */
// wasender-webhook/fetch on the edge core (Vercel, Next.js edge routes):
// verifyRequest and webhookHandler.
import * as core from "./edge.mjs";
import { makeFetchAdapter } from "./lib/fetch.mjs";

export const { verifyRequest, webhookHandler } = makeFetchAdapter(core);
