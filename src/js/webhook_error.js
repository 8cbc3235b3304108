// The error every wasender-webhook failure is thrown as. It lives in JS, not
// Rust, so that it is a real Error subclass: `instanceof Error` and
// `instanceof WebhookError` work, and it has a stack trace.
export class WebhookError extends Error {
  // Explicit, so that the class keeps its name when the package is minified.
  static {
    Object.defineProperty(this, "name", { value: "WebhookError" });
  }

  constructor(code, status, message) {
    super(message);
    this.name = "WebhookError";
    /** Stable machine-readable code, e.g. "INVALID_SIGNATURE". */
    this.code = code;
    /** The HTTP status to answer with, e.g. 401. */
    this.status = status;
  }

  toJSON() {
    return { name: this.name, code: this.code, status: this.status, message: this.message };
  }
}
