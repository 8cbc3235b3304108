// Compiled with `tsc --strict --noEmit`: the declarations describe the
// whole surface, handleWebhookEvent returns the typed union (not any), and
// a handler that switches on every event narrows `data` and the views.
import { WasenderWebhook, WebhookError, handleWebhookEvent, init } from "wasender-webhook";
import { signWebhook } from "wasender-webhook/testing";
import type { EventOf, Int64, WebhookErrorCode, WebhookEvent, WebhookEventName, WebhookOptions } from "wasender-webhook";

type IsAny<T> = 0 extends 1 & T ? true : false;
const returnsTyped: IsAny<ReturnType<typeof handleWebhookEvent>> = false;
const methodReturnsTyped: IsAny<ReturnType<WasenderWebhook["handleWebhookEvent"]>> = false;

const options: WebhookOptions = { secrets: ["a", new Uint8Array([1])], scheme: "hmac-sha256", maxBodyBytes: 1024 };
// @ts-expect-error: not a scheme
const badScheme: WebhookOptions = { secret: "a", scheme: "md5" };

const seconds = (t: Int64 | null | undefined): number | undefined =>
  t == null ? undefined : typeof t === "object" ? t.low : Number(t);

/** Uses a field of every event, so a renamed or retyped field fails to compile. */
export function describe(event: WebhookEvent): string {
  switch (event.event) {
    case "messages.upsert":
    case "messages.received":
    case "messages-personal.received":
    case "messages-group.received":
    case "messages-newsletter.received":
    case "message.sent": {
      const m = event.messages[0];
      const data = event.data;
      const raw = "messages" in data ? data.messages : data;
      const first = Array.isArray(raw) ? raw[0] : raw;
      const id: string | null | undefined = first?.key.id;
      return `${m.type} ${m.text ?? ""} from ${m.senderPhone ?? m.chatJid} ${m.isGroup} ${m.timestamp ?? 0} ${id}`;
    }
    case "messages.update":
      return event.statuses.map((s) => `${s.id}:${s.status ?? "-"}`).join() + JSON.stringify(event.data);
    case "message-receipt.update":
      return event.statuses.map((s) => `${s.userJid}:${s.status}`).join();
    case "messages.reaction":
      return event.reactions.map((r) => (r.removed ? "-" : r.emoji)).join();
    case "messages.delete":
      return "keys" in event.data ? event.data.keys.map((k) => k.id).join() : event.data.jid;
    case "chats.upsert":
    case "chats.update":
      return event.data.map((c) => `${c.id} ${c.name ?? ""} ${seconds(c.conversationTimestamp)}`).join();
    case "chats.delete":
      return event.data.join();
    case "groups.upsert":
    case "groups.update":
      return event.data.map((g) => `${g.id ?? g.jid} ${g.subject} ${g.participants?.length}`).join();
    case "group-participants.update":
      return `${event.data.action} ${event.data.participants.map((p) => (typeof p === "string" ? p : p.id)).join()}`;
    case "contacts.upsert":
    case "contacts.update":
      return event.data.map((c) => c.notify ?? c.name ?? c.id ?? c.jid).join();
    case "session.status": {
      const s: "connected" | "connecting" | "disconnected" | "need_scan" | "logged_out" | "expired" | "error" | "unknown" = event.sessionStatus;
      return `${s} ${event.data.status}`;
    }
    case "qrcode.updated":
      return event.data.qr;
    case "call":
      return `${event.data.call.from} ${event.data.call.isVideo} ${event.receivedEvent}`;
    case "poll.results":
      return event.data.pollResult.map((o) => `${o.name}:${o.voters?.length}`).join();
    case "unknown": {
      const anything: unknown = event.data;
      return `${event.receivedEvent} ${typeof anything}`;
    }
    default: {
      // Exhaustive: a new event in the union without a case fails here.
      const never: never = event;
      return never;
    }
  }
}

export function narrowing(event: EventOf<"session.status">, name: WebhookEventName) {
  // @ts-expect-error: only message-bearing events carry `messages`
  event.messages;
  // @ts-expect-error: not an event name
  const bad: WebhookEventName = "message.upsert";
  return [event.sessionStatus, name, bad];
}

export async function handle(request: Request): Promise<Response> {
  await init();
  const hook = new WasenderWebhook(options);
  try {
    const event: WebhookEvent = hook.handleWebhookEvent(await request.arrayBuffer(), request.headers.get("x-webhook-signature"));
    const index: number = hook.verify("{}", "sig");
    return Response.json({ text: describe(event), index, session: event.sessionId ?? null, at: event.timestamp ?? null });
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

// Standard Webhooks: the scheme, the tolerance forms, the clock, headers objects.
const relayed: WebhookOptions[] = [
  { secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", scheme: "standard-webhooks" },
  { secret: "whsec_x", scheme: "standard-webhooks", tolerance: 600, now: () => Date.now() },
  { secret: "whsec_x", scheme: "standard-webhooks", tolerance: { past: 300, future: 30 } },
  { secret: "whsec_x", scheme: "standard-webhooks", tolerance: "unchecked" },
];
// @ts-expect-error: off is "unchecked", not a boolean
const badTolerance: WebhookOptions = { secret: "a", scheme: "standard-webhooks", tolerance: false };
// @ts-expect-error: the clock returns a number
const badClock: WebhookOptions = { secret: "a", now: () => new Date() };
export function relay(request: Request, node: { headers: Record<string, string | undefined> }): WebhookEvent[] {
  const hook = new WasenderWebhook(relayed[0]);
  const code: WebhookErrorCode = "TIMESTAMP_TOO_OLD";
  return [
    hook.handleWebhookEvent("{}", request.headers),
    hook.handleWebhookEvent("{}", node.headers),
    hook.handleWebhookEvent("{}", { "webhook-id": "msg_1", "webhook-timestamp": "1", "webhook-signature": code }),
  ];
}

const relayHeaders: { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string } = signWebhook("{}", { secret: "whsec_x", scheme: "standard-webhooks", id: "msg_1", timestamp: 1 });
const wasenderHeaders: { "x-webhook-signature": string } = signWebhook("{}", { secret: "s" });

export { returnsTyped, methodReturnsTyped, badScheme, badTolerance, badClock, relayHeaders, wasenderHeaders };
