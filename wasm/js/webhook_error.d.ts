import type { WebhookErrorCode, WebhookErrorStatus, WebhookErrorStatuses } from "./events.js";

/**
 * Thrown for every failure; `status` is the HTTP status to answer with.
 * `instanceof WebhookError` holds across the package's ES module and
 * CommonJS builds.
 */
export declare class WebhookError<Code extends WebhookErrorCode = WebhookErrorCode> extends Error {
  constructor(code: Code, status: WebhookErrorStatuses[Code], message: string);
  readonly name: "WebhookError";
  /** Stable machine-readable code, e.g. "INVALID_SIGNATURE". */
  readonly code: Code;
  /** The HTTP status to answer with, e.g. 401. */
  readonly status: WebhookErrorStatuses[Code];
  /** `status` under the name NestJS's and Express's error handlers read. */
  readonly statusCode: WebhookErrorStatuses[Code];
  toJSON(): { name: "WebhookError"; code: Code; status: WebhookErrorStatuses[Code]; message: string };
}

/** Whether `value` is a WebhookError (from any copy of the package): narrows `e` in `catch (e)`. */
export declare function isWebhookError(value: unknown): value is WebhookError;

export type { WebhookErrorCode, WebhookErrorStatus };
