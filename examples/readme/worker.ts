// examples/readme/worker.ts
import { webhookHandler } from "wasender-webhook/fetch";

interface Env {
  WASENDER_WEBHOOK_SECRET: string;
}

export default {
  fetch: webhookHandler<Env>(
    (env) => ({ secret: env.WASENDER_WEBHOOK_SECRET }),
    async (event, { ctx }) => {
      // Answer fast; work after the response (or send the event to a Queue).
      if (event.event === "messages.upsert") {
        for (const m of event.messages) if (m.chatJid && !m.fromMe) ctx.waitUntil(reply(m.chatJid, `you said ${m.text}`));
      }
    },
  ),
};

declare function reply(chatJid: string, text: string): Promise<void>;
