// Deno type-checks code that imports the package's entry files directly
// (vendored, or served by a CDN) from their @ts-self-types comments.
// `deno check` must pass: an untyped entry would make every @ts-expect-error unused.
import { WasenderWebhook, isWebhookError } from "./entries/node.mjs";
import { verifyRequest } from "./entries/fetch.mjs";
import { buildMessage } from "./entries/testing.mjs";

type IsAny<T> = 0 extends 1 & T ? true : false;

const hook = new WasenderWebhook({ secret: "s" });
export const scheme: "wasender" | "hmac-sha256" | "standard-webhooks" = hook.scheme;
// Types inferred from the JavaScript would be `any` here.
export const typed: [IsAny<typeof hook.scheme>, IsAny<ReturnType<typeof hook.handleWebhookEvent>>] = [false, false];
// @ts-expect-error: typed, so an unknown method is an error
hook.nope();
// @ts-expect-error: the delivery is typed per event
export const wrong: number = buildMessage({ text: "hi" }).data;
export async function check(request: Request): Promise<string> {
  try {
    return (await verifyRequest(request, hook)).event;
  } catch (e) {
    if (isWebhookError(e)) return e.code;
    throw e;
  }
}
