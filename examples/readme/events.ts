// examples/readme/events.ts
import type { WebhookEvent } from "wasender-webhook";

export function route(event: WebhookEvent) {
  switch (event.event) {
    case "messages.received": // event.data: MessagesData, exactly as sent
      for (const m of event.messages) {
        // NormalizedMessage: the same whatever shape and wrapper the message came in
        if (m.chatJid && !m.fromMe) reply(m.chatJid, `you said ${m.text ?? "(no text)"}`);
        // also: m.id, m.isGroup, m.senderJid, m.senderPhone, m.pushName, m.type, m.timestamp
      }
      break;
    case "message-receipt.update": // statuses: [{ id, chatJid, status: "delivered" | "read" | …, userJid, timestamp }]
      for (const s of event.statuses) markStatus(s.id, s.status);
      break;
    case "session.status": // "connected" | "need_scan" | … (one lower-case set)
      if (event.sessionStatus !== "connected") alert(`session is ${event.sessionStatus}`);
      break;
    case "call": // `call.received` arrives as "call", with receivedEvent: "call.received"
      alert(`call from ${event.data.call.from}`);
      break;
    case "unknown": // an event this version does not know: passed through, never an error
      console.log(event.receivedEvent, event.data);
      break;
  }
}

declare function reply(chatJid: string, text: string): void;
declare function markStatus(id: string | undefined, status: string | undefined): void;
declare function alert(text: string): void;
