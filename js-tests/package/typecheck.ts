// Compiled with `tsc --strict --noEmit`: the declarations describe the
// whole surface, and handleWebhookEvent returns the typed envelope, not any.
import { WasenderWebhook, WebhookError, handleWebhookEvent, init } from "wasender-webhook";
import type { WebhookErrorCode, WebhookEvent, WebhookOptions } from "wasender-webhook";

type IsAny<T> = 0 extends 1 & T ? true : false;
const returnsTyped: IsAny<ReturnType<typeof handleWebhookEvent>> = false;
const methodReturnsTyped: IsAny<ReturnType<WasenderWebhook["handleWebhookEvent"]>> = false;

const options: WebhookOptions = { secrets: ["a", new Uint8Array([1])], scheme: "hmac-sha256", maxBodyBytes: 1024 };
// @ts-expect-error: not a scheme
const badScheme: WebhookOptions = { secret: "a", scheme: "md5" };

export async function handle(request: Request): Promise<Response> {
  await init();
  const hook = new WasenderWebhook(options);
  try {
    const event: WebhookEvent = hook.handleWebhookEvent(await request.arrayBuffer(), request.headers.get("x-webhook-signature"));
    const name: string = event.event;
    const index: number = hook.verify("{}", "sig");
    return Response.json({ name, index, session: event.sessionId ?? null });
  } catch (error) {
    if (error instanceof WebhookError) {
      const code: WebhookErrorCode = error.code;
      const status: number = error.status;
      // @ts-expect-error: codes are a closed set
      const notACode: WebhookErrorCode = "NOPE";
      return Response.json({ error: { code, message: error.message } }, { status });
    }
    throw error;
  }
}

export { returnsTyped, methodReturnsTyped, badScheme };
