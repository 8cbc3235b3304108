import type { EventOf, WebhookBody, WebhookEventName, WebhookScheme, WebhookSecret } from "./index.d.ts";

export interface SignOptions {
  secret: WebhookSecret;
  /** Default "wasender": the header is the secret itself. */
  scheme?: WebhookScheme;
  /** standard-webhooks: the `webhook-id` to sign (default a fresh `msg_…`). */
  id?: string;
  /** standard-webhooks: the `webhook-timestamp` to sign, in seconds (default now). */
  timestamp?: number;
}

/** The headers a relay signing with Standard Webhooks attaches to `body`. */
export declare function signWebhook(body: WebhookBody, options: SignOptions & { scheme: "standard-webhooks" }): {
  "content-type": "application/json";
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};
/** The headers a genuine WasenderAPI delivery of `body` carries. */
export declare function signWebhook(body: WebhookBody, options: SignOptions & { scheme?: "wasender" | "hmac-sha256" }): {
  "content-type": "application/json";
  "x-webhook-signature": string;
};

export interface TestRequestOptions extends SignOptions {
  url?: string;
  method?: string;
  headers?: Record<string, string>;
}

/** A signed fetch `Request`; objects are sent as JSON. */
export declare function createTestRequest(bodyOrEvent: WebhookBody | object, options: TestRequestOptions): Request;

/**
 * A signed delivery as Node's `http.IncomingMessage` (a readable stream with
 * lower-case `headers`, `method`, `url`, and Express's `get`), for handlers
 * that call `verifyNodeRequest`. Node, Deno and Bun only.
 */
export declare function createNodeRequest(
  bodyOrEvent: WebhookBody | object,
  options: TestRequestOptions,
): AsyncIterable<Uint8Array> & {
  method: string;
  url: string;
  headers: Record<string, string>;
  get(name: string): string | undefined;
  on(event: string, listener: (...args: any[]) => void): unknown;
  read(size?: number): unknown;
};

/** A delivery of event `N` as sent on the wire, before parsing: its `data` typed as the event's. */
export interface Delivery<N extends Exclude<WebhookEventName, "unknown"> = Exclude<WebhookEventName, "unknown">> {
  event: N;
  timestamp?: number;
  sessionId?: string;
  data: EventOf<N>["data"];
}

/** One realistic delivery for every event (deep-frozen; every message has its own id). */
export declare const sampleEvents: { readonly [N in Exclude<WebhookEventName, "unknown">]: Readonly<Delivery<N>> };

/** Who sent a message, and where. */
export interface Sender {
  /** The sender's phone number (digits) or JID. Default `15550001111`. */
  from?: string;
  /** A group JID (`…@g.us`), or `true` for a default group; the sender is then its participant. */
  group?: string | boolean;
  /** Sent by this session's own number. */
  fromMe?: boolean;
  /** The message id. Default: a fresh one, so deduplicators see a new message. */
  id?: string;
  /** `sessionId` on the envelope (left out by default). */
  sessionId?: string;
  /** Unix seconds. Default: now. */
  timestamp?: number;
}

/** The events that carry messages. */
export type MessageEventName = "messages.upsert" | "messages.received" | "messages-personal.received" | "messages-group.received" | "messages-newsletter.received" | "message.sent";

/** A text message delivery (`messages.upsert` unless `event` says otherwise), fresh id and current time by default. */
export declare function buildMessage<N extends MessageEventName = "messages.upsert">(
  options?: Sender & { text?: string; pushName?: string; event?: N },
): Delivery<N>;

/** A `session.status` delivery (default status "connected"). */
export declare function buildSessionStatus(options?: { status?: string; timestamp?: number; sessionId?: string }): Delivery<"session.status">;

/** A `message-receipt.update` delivery for message `id` in `chat` (phone or JID), by `user` (default: the chat). */
export declare function buildReceipt(options?: {
  id?: string;
  chat?: string;
  user?: string;
  status?: "delivered" | "read" | "played";
  timestamp?: number;
  sessionId?: string;
}): Delivery<"message-receipt.update">;

/** A `messages.reaction` delivery: `emoji` (empty: removed) on message `messageId`, by `from`. */
export declare function buildReaction(options?: {
  emoji?: string;
  messageId?: string;
  chat?: string;
  from?: string;
  fromMe?: boolean;
  timestamp?: number;
  sessionId?: string;
}): Delivery<"messages.reaction">;
