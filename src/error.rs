//! The one error type every failure is reported with.
//!
//! Each error carries a stable machine-readable [`ErrorCode`] (what callers
//! branch on), the HTTP status a webhook endpoint should answer with, and a
//! message for humans. Messages are written here, in one place, so that none
//! of them can echo a secret, a signature or a `sessionId`: they describe
//! input by its shape (a JSON type, a length, a path), never by its value.

use crate::prelude::*;
use core::fmt;

/// What went wrong, as a stable code. The string form (`MISSING_SECRET`, …)
/// is part of the public API of the crate, the npm package and the Python
/// package alike: one list, so every binding answers the same failure with
/// the same code and status.
///
/// The core itself returns the configuration, signature, timestamp, size
/// and body codes. The others belong to what stands between a request and
/// the core, and only integrations return them: `METHOD_NOT_ALLOWED` and
/// `BODY_INCOMPLETE` (the HTTP adapters: axum, the JS and Python ones),
/// `UNREADABLE_BODY` (JS and Python bodies that cannot be read),
/// `BODY_ALREADY_PARSED`, `BODY_ALREADY_READ`, `NOT_INITIALIZED`,
/// `HOOK_FREED` and `INTERNAL_ERROR` (the JS package). They are here rather
/// than in each binding so that the list, its statuses and the TypeScript and
/// Python declarations generated from it have one source.
///
/// Non-exhaustive: a new code in a minor release is not a breaking change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// No usable secret was configured (a server-side mistake).
    MissingSecret,
    /// The options given at construction are not valid (a server-side mistake).
    InvalidOptions,
    /// The WebAssembly module was used before it was loaded (browsers load
    /// it with `await init()`; every other runtime loads it on import).
    NotInitialized,
    /// A webhook endpoint was called with another method than POST
    /// (reported by the request adapters).
    MethodNotAllowed,
    /// The request carried no signature header, or an empty one.
    MissingSignature,
    /// The signature did not match any configured secret, or a signed
    /// header is malformed or too long (the message names the header).
    InvalidSignature,
    /// Standard Webhooks: `webhook-timestamp` is further in the past than
    /// the tolerance allows (a replay, a delivery held in a queue, or a
    /// server clock running ahead).
    TimestampTooOld,
    /// Standard Webhooks: `webhook-timestamp` is further in the future than
    /// the tolerance allows (a pre-signed delivery, or a server clock
    /// running behind).
    TimestampTooNew,
    /// The host handed over a parsed object (or something else) instead of
    /// the raw body bytes; verification needs the exact bytes that were sent.
    BodyAlreadyParsed,
    /// The body is larger than the configured limit.
    BodyTooLarge,
    /// The body is not UTF-8 JSON.
    InvalidJson,
    /// The body is JSON but not a webhook envelope.
    InvalidPayload,
    /// The body handed over could not be read at all: a detached
    /// `ArrayBuffer` (transferred, or reused by a stream), or a value whose
    /// accessors throw (a server-side mistake).
    UnreadableBody,
    /// The request's body stream was already read, locked or decoded to
    /// text before the adapter got it (middleware order; a server-side mistake).
    BodyAlreadyRead,
    /// The request's body stream failed or ended before the whole body
    /// arrived (the sender's connection broke).
    BodyIncomplete,
    /// A `WasenderWebhook` was used after `free()` (a server-side mistake).
    HookFreed,
    /// The WebAssembly instance failed in a way no input should cause; the
    /// call was refused and the instance replaced before the next one.
    InternalError,
}

impl ErrorCode {
    /// Every code, in declaration order (used to keep the TypeScript union honest).
    pub const ALL: [ErrorCode; 17] = [
        ErrorCode::MissingSecret,
        ErrorCode::InvalidOptions,
        ErrorCode::NotInitialized,
        ErrorCode::BodyAlreadyParsed,
        ErrorCode::MethodNotAllowed,
        ErrorCode::MissingSignature,
        ErrorCode::InvalidSignature,
        ErrorCode::TimestampTooOld,
        ErrorCode::TimestampTooNew,
        ErrorCode::BodyTooLarge,
        ErrorCode::InvalidJson,
        ErrorCode::InvalidPayload,
        ErrorCode::UnreadableBody,
        ErrorCode::BodyAlreadyRead,
        ErrorCode::BodyIncomplete,
        ErrorCode::HookFreed,
        ErrorCode::InternalError,
    ];

    /// The stable string form, e.g. `"INVALID_SIGNATURE"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MissingSecret => "MISSING_SECRET",
            ErrorCode::InvalidOptions => "INVALID_OPTIONS",
            ErrorCode::NotInitialized => "NOT_INITIALIZED",
            ErrorCode::BodyAlreadyParsed => "BODY_ALREADY_PARSED",
            ErrorCode::MethodNotAllowed => "METHOD_NOT_ALLOWED",
            ErrorCode::MissingSignature => "MISSING_SIGNATURE",
            ErrorCode::InvalidSignature => "INVALID_SIGNATURE",
            ErrorCode::TimestampTooOld => "TIMESTAMP_TOO_OLD",
            ErrorCode::TimestampTooNew => "TIMESTAMP_TOO_NEW",
            ErrorCode::BodyTooLarge => "BODY_TOO_LARGE",
            ErrorCode::InvalidJson => "INVALID_JSON",
            ErrorCode::InvalidPayload => "INVALID_PAYLOAD",
            ErrorCode::UnreadableBody => "UNREADABLE_BODY",
            ErrorCode::BodyAlreadyRead => "BODY_ALREADY_READ",
            ErrorCode::BodyIncomplete => "BODY_INCOMPLETE",
            ErrorCode::HookFreed => "HOOK_FREED",
            ErrorCode::InternalError => "INTERNAL_ERROR",
        }
    }

    /// The HTTP status a webhook endpoint should answer with.
    ///
    /// Configuration mistakes are 500: the sender did nothing wrong, and a
    /// 4xx would hide the misconfiguration behind "bad request" noise.
    pub const fn status(self) -> u16 {
        match self {
            ErrorCode::MissingSecret
            | ErrorCode::InvalidOptions
            | ErrorCode::NotInitialized
            | ErrorCode::BodyAlreadyParsed
            | ErrorCode::UnreadableBody
            | ErrorCode::BodyAlreadyRead
            | ErrorCode::HookFreed
            | ErrorCode::InternalError => 500,
            ErrorCode::MethodNotAllowed => 405,
            ErrorCode::MissingSignature
            | ErrorCode::InvalidSignature
            | ErrorCode::TimestampTooOld
            | ErrorCode::TimestampTooNew => 401,
            ErrorCode::BodyTooLarge => 413,
            ErrorCode::InvalidJson | ErrorCode::InvalidPayload | ErrorCode::BodyIncomplete => 400,
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failure to configure, verify or parse, with its code, status and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookError {
    code: ErrorCode,
    message: String,
}

// The messages write the limit out (no formatting in the wasm); this keeps them true.
const _: () = assert!(crate::verify::MAX_SIGNATURE_LEN == 4096);

impl WebhookError {
    /// An error with `code` and `message`, for integrations that find a
    /// failure of their own (a body stream that broke off, an unreadable
    /// body): they answer it like the core's. The message must not hold a
    /// secret, a signature or a `sessionId`.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        WebhookError {
            code,
            message: message.into(),
        }
    }

    /// [`Self::new`] for a message the core writes out whole: one copy of
    /// the code that turns it into a `String`, not one at every call
    /// (the wasm is smaller for it).
    #[inline(never)]
    pub(crate) fn fixed(code: ErrorCode, message: &str) -> Self {
        Self::new(code, message)
    }

    /// The stable code (`INVALID_SIGNATURE` …).
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The HTTP status to answer with.
    pub fn status(&self) -> u16 {
        self.code.status()
    }

    /// What went wrong and how to fix it; never a secret, a signature or a `sessionId`.
    pub fn message(&self) -> &str {
        &self.message
    }

    // Constructors for the failures that read the same wherever they happen.

    /// `METHOD_NOT_ALLOWED` (405), for integrations that see a request that is not a POST.
    pub fn method_not_allowed() -> Self {
        Self::fixed(
            ErrorCode::MethodNotAllowed,
            "method not allowed: webhooks are delivered with POST",
        )
    }

    /// A signed header is absent or empty; `header` is its name
    /// (`X-Webhook-Signature`, `webhook-id`, …), never its value.
    pub(crate) fn missing_header(header: &str) -> Self {
        Self::new(
            ErrorCode::MissingSignature,
            [
                "missing signature: the request has no ",
                header,
                " header, or it is empty",
            ]
            .concat(),
        )
    }

    pub(crate) fn header_too_long(header: &str) -> Self {
        Self::new(
            ErrorCode::InvalidSignature,
            [
                "invalid signature: the ",
                header,
                " header is longer than any signature can be (4096 bytes)",
            ]
            .concat(),
        )
    }

    pub(crate) fn invalid_signature(header: &str) -> Self {
        Self::new(
            ErrorCode::InvalidSignature,
            [
                "invalid signature: the ",
                header,
                " header matches none of the configured secrets",
            ]
            .concat(),
        )
    }

    pub(crate) fn timestamp_too_old(past: u64) -> Self {
        Self::new(
            ErrorCode::TimestampTooOld,
            [
                "timestamp too old: webhook-timestamp is over ",
                &decimal(past),
                " s old (a replay, or this server's clock is ahead)",
            ]
            .concat(),
        )
    }

    pub(crate) fn timestamp_too_new(future: u64) -> Self {
        Self::new(
            ErrorCode::TimestampTooNew,
            [
                "timestamp too new: webhook-timestamp is over ",
                &decimal(future),
                " s ahead (pre-signed, or this server's clock is behind)",
            ]
            .concat(),
        )
    }

    pub(crate) fn body_too_large(len: usize, limit: usize) -> Self {
        Self::new(
            ErrorCode::BodyTooLarge,
            [
                "body too large: ",
                &decimal(len as u64),
                " bytes exceeds the limit of ",
                &decimal(limit as u64),
                " bytes (see maxBodyBytes)",
            ]
            .concat(),
        )
    }

    /// Used where the exact size is not known yet, only that it is over.
    pub(crate) fn body_over_limit(limit: usize) -> Self {
        Self::new(
            ErrorCode::BodyTooLarge,
            [
                "body too large: it exceeds the limit of ",
                &decimal(limit as u64),
                " bytes (see maxBodyBytes)",
            ]
            .concat(),
        )
    }
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl core::error::Error for WebhookError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_statuses_are_the_documented_ones() {
        let table: Vec<(&str, u16)> = ErrorCode::ALL
            .iter()
            .map(|c| (c.as_str(), c.status()))
            .collect();
        assert_eq!(
            table,
            [
                ("MISSING_SECRET", 500),
                ("INVALID_OPTIONS", 500),
                ("NOT_INITIALIZED", 500),
                ("BODY_ALREADY_PARSED", 500),
                ("METHOD_NOT_ALLOWED", 405),
                ("MISSING_SIGNATURE", 401),
                ("INVALID_SIGNATURE", 401),
                ("TIMESTAMP_TOO_OLD", 401),
                ("TIMESTAMP_TOO_NEW", 401),
                ("BODY_TOO_LARGE", 413),
                ("INVALID_JSON", 400),
                ("INVALID_PAYLOAD", 400),
                ("UNREADABLE_BODY", 500),
                ("BODY_ALREADY_READ", 500),
                ("BODY_INCOMPLETE", 400),
                ("HOOK_FREED", 500),
                ("INTERNAL_ERROR", 500),
            ]
        );
    }

    #[test]
    fn display_leads_with_the_code() {
        let e = WebhookError::invalid_signature("X-Webhook-Signature");
        assert!(e.to_string().starts_with("INVALID_SIGNATURE: "));
        assert_eq!(e.status(), 401);
    }
}
