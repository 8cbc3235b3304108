// A WasenderAPI webhook as a Next.js route handler (Node runtime): POST /api/wasender.
import { webhookHandler } from "wasender-webhook/fetch";

// Options as a function: read once, at the first delivery, so `next build`
// (which runs this module) needs no secret; an unset one is logged then.
const handler = webhookHandler(
  () => ({ secret: process.env.WASENDER_WEBHOOK_SECRET }),
  async (event) => {
    // Answered 200 { ok: true, event: "<name>" } once this returns: never the
    // event itself (its sessionId is a credential).
    if (event.event === "messages.upsert") console.log(`${event.event}: ${event.messages.length} message(s)`);
  },
);

// The request only: Next's second argument (route params) is not the
// adapter's `env`.
export const POST = (request: Request) => handler(request);
