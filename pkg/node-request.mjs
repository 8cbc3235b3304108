/* @ts-self-types="./node-request.d.ts" */
// wasender-webhook/node: verifyNodeRequest for http, Express and Fastify.
import * as core from "./node.mjs";
import { makeNodeAdapter } from "./lib/node-request.mjs";

export const { verifyNodeRequest } = makeNodeAdapter(core);
