import type { WebhookBody, WebhookEventName, WebhookScheme, WebhookSecret } from "./index.js";

export interface SignOptions {
  secret: WebhookSecret;
  /** Default "wasender": the header is the secret itself. */
  scheme?: WebhookScheme;
}

/** The headers a genuine WasenderAPI delivery of `body` carries. */
export declare function signWebhook(body: WebhookBody, options: SignOptions): {
  "content-type": "application/json";
  "x-webhook-signature": string;
};

/** A signed `Request`; objects are sent as JSON. */
export declare function createTestRequest(
  bodyOrEvent: WebhookBody | object,
  options: SignOptions & { url?: string; method?: string; headers?: Record<string, string> },
): Request;

/** A delivery as sent on the wire, before parsing. */
export interface SampleDelivery {
  event: string;
  timestamp?: number;
  data: unknown;
  sessionId?: string;
}

/** One realistic delivery for every event (deep-frozen). */
export declare const sampleEvents: Readonly<Record<Exclude<WebhookEventName, "unknown">, SampleDelivery>>;
