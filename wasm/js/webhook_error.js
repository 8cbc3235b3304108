// The error every wasender-webhook failure is thrown as. It lives in JS, not
// Rust, so that it is a real Error subclass: `instanceof Error` and
// `instanceof WebhookError` work, and it has a stack trace.

// A brand shared by every copy of this class in the process (the ES module
// and the CommonJS build each carry one, and a bundler may add more), so
// that `instanceof WebhookError` holds whichever copy threw.
const BRAND = Symbol.for("wasender-webhook.WebhookError");

export class WebhookError extends Error {
  // Explicit, so that the class keeps its name when the package is minified.
  static {
    Object.defineProperty(this, "name", { value: "WebhookError" });
  }

  static [Symbol.hasInstance](value) {
    return value?.[BRAND] === true;
  }

  constructor(code, status, message) {
    super(message);
    this.name = "WebhookError";
    /** Stable machine-readable code, e.g. "INVALID_SIGNATURE". */
    this.code = code;
    /** The HTTP status to answer with, e.g. 401. */
    this.status = status;
  }

  /** `status` under the name NestJS's and Express's error handlers read. */
  get statusCode() {
    return this.status;
  }

  get [BRAND]() {
    return true;
  }

  toJSON() {
    return { name: this.name, code: this.code, status: this.status, message: this.message };
  }
}

/** Whether `value` is a WebhookError (from any copy of this package): a type guard for `catch (e)`. */
export function isWebhookError(value) {
  return value instanceof WebhookError;
}
