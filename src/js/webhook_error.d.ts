import type { WebhookErrorCode } from "./events.js";

/** Thrown for every failure; `status` is the HTTP status to answer with. */
export declare class WebhookError extends Error {
  constructor(code: WebhookErrorCode, status: number, message: string);
  readonly name: "WebhookError";
  readonly code: WebhookErrorCode;
  readonly status: number;
  toJSON(): { name: "WebhookError"; code: WebhookErrorCode; status: number; message: string };
}
