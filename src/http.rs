//! The `http` crate's types at the edge (the `http` feature): a
//! delivery's headers in, the error's [`StatusCode`] out.
//!
//! The `http` types this crate's API takes are re-exported here
//! ([`HeaderMap`], [`HeaderValue`], [`StatusCode`]), so a caller's version
//! always matches.
//!
//! Every Rust web framework worth naming (axum, hyper, actix-web through
//! its `http` conversion, reqwest, tower services) speaks `http` 1.x, so one
//! entry point taking its [`HeaderMap`] serves them all. Reading the headers
//! is [`DeliveryHeaders::read`], one small function: a scheme that needs
//! more headers adds its fields there.

use crate::error::{ErrorCode, WebhookError};
use crate::event::Event;
use crate::verify::{HostHmac, Scheme, SignedHeaders};
use crate::webhook::Webhook;
pub use ::http::{HeaderMap, HeaderValue, StatusCode};

/// The headers a delivery is verified with, read from a request's
/// [`HeaderMap`]: borrowed, nothing copied.
///
/// `#[non_exhaustive]`: schemes that sign with more headers add fields.
#[derive(Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeliveryHeaders<'h> {
    /// The scheme's signature header, if the request has it (possibly
    /// empty, which verification reports as `MISSING_SIGNATURE`):
    /// `X-Webhook-Signature`, or Standard Webhooks' `webhook-signature`.
    pub signature: Option<&'h str>,
    /// Standard Webhooks' `webhook-id` (read for that scheme only).
    pub id: Option<&'h str>,
    /// Standard Webhooks' `webhook-timestamp` (read for that scheme only).
    pub timestamp: Option<&'h str>,
}

impl<'h> DeliveryHeaders<'h> {
    /// Read the headers verification needs.
    ///
    /// # Errors
    ///
    /// `INVALID_SIGNATURE` (401) when the signature header is present but
    /// cannot be a signature: it is sent more than once, or its bytes are
    /// not UTF-8 text. Such a header is malformed, not absent: reporting it
    /// as missing would hide a sender (or a proxy) that mangles it.
    pub fn read(headers: &'h HeaderMap) -> Result<DeliveryHeaders<'h>, WebhookError> {
        DeliveryHeaders::read_for(headers, Scheme::Wasender)
    }

    /// Read the headers `scheme` verifies with: `X-Webhook-Signature`, or
    /// for Standard Webhooks `webhook-id`, `webhook-timestamp` and
    /// `webhook-signature`.
    ///
    /// # Errors
    ///
    /// As [`DeliveryHeaders::read`], for each header read.
    pub fn read_for(
        headers: &'h HeaderMap,
        scheme: Scheme,
    ) -> Result<DeliveryHeaders<'h>, WebhookError> {
        let signed = SignedHeaders::try_lookup(scheme, |name| single_text(headers, name))?;
        Ok(DeliveryHeaders {
            signature: signed.signature,
            id: signed.id,
            timestamp: signed.timestamp,
        })
    }

    /// The headers as the core verifies them.
    pub fn signed(&self) -> SignedHeaders<'h> {
        SignedHeaders::standard(self.id, self.timestamp, self.signature)
    }
}

/// `Debug` names which headers are present, never their values (the
/// wasender scheme's signature is the secret itself).
impl core::fmt::Debug for DeliveryHeaders<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DeliveryHeaders")
            .field("signature", &self.signature.map(|_| "<redacted>"))
            .field("id", &self.id.map(|_| "<redacted>"))
            .field("timestamp", &self.timestamp.map(|_| "<redacted>"))
            .finish()
    }
}

/// The one value of header `name` as text, `None` when absent.
///
/// Several values are refused rather than the first taken: WasenderAPI
/// sends one, a repeated header means a proxy or a sender that is not
/// WasenderAPI, and whichever copy a framework picks (the first here, the
/// values joined with ", " in Node and fetch, which never verifies) should
/// not decide whether a delivery passes.
fn single_text<'h>(headers: &'h HeaderMap, name: &str) -> Result<Option<&'h str>, WebhookError> {
    let mut values = headers.get_all(name).iter();
    let Some(first) = values.next() else {
        return Ok(None);
    };
    if values.next().is_some() {
        return Err(malformed(name, "is sent more than once; send it once"));
    }
    text(first)
        .map(Some)
        .ok_or_else(|| malformed(name, "is not UTF-8 text"))
}

/// A header value as UTF-8 text (visible ASCII is the common case; the
/// `http` crate has already refused control characters).
fn text(value: &HeaderValue) -> Option<&str> {
    value
        .to_str()
        .ok()
        .or_else(|| core::str::from_utf8(value.as_bytes()).ok())
}

/// A header that is present but unusable: 401, like any signature that
/// does not verify. Names the header, never its value.
fn malformed(name: &str, problem: &str) -> WebhookError {
    WebhookError::new(
        ErrorCode::InvalidSignature,
        ["invalid signature: the ", name, " header ", problem].concat(),
    )
}

impl<H: HostHmac> Webhook<H> {
    /// Verify and parse a delivery from its request headers and raw body
    /// bytes: the body limit first, then the headers its scheme signs with
    /// ([`DeliveryHeaders::read_for`]), then [`Webhook::handle_headers`]
    /// (Standard Webhooks' timestamp against the system clock).
    ///
    /// ```
    /// use wasender_webhook::{http::HeaderMap, Options, Webhook, SIGNATURE_HEADER};
    ///
    /// let hook = Webhook::new(Options::with_secret("the-session-webhook-secret"))?;
    /// let mut headers = HeaderMap::new();
    /// headers.insert(SIGNATURE_HEADER, "the-session-webhook-secret".parse().unwrap());
    /// let body = br#"{"event":"session.status","data":{"status":"connected"}}"#;
    /// let event = hook.handle_request(&headers, body)?;
    /// assert_eq!(event.name(), "session.status");
    /// # Ok::<(), wasender_webhook::WebhookError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Everything [`Webhook::handle_headers`] reports, and
    /// `INVALID_SIGNATURE` for a signed header that is repeated or not text
    /// ([`DeliveryHeaders::read_for`]).
    pub fn handle_request<'a>(
        &self,
        headers: &HeaderMap,
        body: &'a [u8],
    ) -> Result<Event<'a>, WebhookError> {
        self.check_body_size(body.len())?;
        let headers = DeliveryHeaders::read_for(headers, self.scheme())?;
        self.handle_headers(body, &headers.signed())
    }

    /// [`Self::handle_request`] at `now`, in seconds since the Unix epoch
    /// (Standard Webhooks' timestamp is checked against it; tests).
    ///
    /// # Errors
    ///
    /// As [`Self::handle_request`].
    pub fn handle_request_at<'a>(
        &self,
        headers: &HeaderMap,
        body: &'a [u8],
        now: u64,
    ) -> Result<Event<'a>, WebhookError> {
        self.check_body_size(body.len())?;
        let headers = DeliveryHeaders::read_for(headers, self.scheme())?;
        self.handle_at(body, &headers.signed(), now)
    }
}

impl ErrorCode {
    /// [`ErrorCode::status`] as a [`StatusCode`].
    pub fn status_code(self) -> StatusCode {
        // Every status the core uses is a valid one (100..=999).
        StatusCode::from_u16(self.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

impl WebhookError {
    /// The HTTP status to answer with, as a [`StatusCode`].
    pub fn status_code(&self) -> StatusCode {
        self.code().status_code()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::WEBHOOK_ID_HEADER;
    use crate::webhook::Options;
    use crate::SIGNATURE_HEADER;

    const BODY: &[u8] = br#"{"event":"session.status","data":{"status":"connected"}}"#;

    fn hook() -> Webhook {
        Webhook::new(Options {
            max_body_bytes: 64,
            ..Options::with_secret("s3cret")
        })
        .unwrap()
    }

    fn headers(values: &[&[u8]]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for v in values {
            map.append(SIGNATURE_HEADER, HeaderValue::from_bytes(v).unwrap());
        }
        map
    }

    fn code(headers: &HeaderMap, body: &[u8]) -> ErrorCode {
        hook().handle_request(headers, body).unwrap_err().code()
    }

    #[test]
    fn a_genuine_delivery_is_its_event() {
        let e = hook().handle_request(&headers(&[b"s3cret"]), BODY).unwrap();
        assert_eq!(e.name(), "session.status");
        // Header names are case-insensitive on the wire: HeaderMap
        // lowercases what it parses, and lookups ignore case.
        let mut map = HeaderMap::new();
        map.insert(
            ::http::HeaderName::from_bytes(b"X-Webhook-Signature").unwrap(),
            HeaderValue::from_static("s3cret"),
        );
        assert!(hook().handle_request(&map, BODY).is_ok());
    }

    #[test]
    fn absent_and_empty_are_missing_forged_is_invalid() {
        assert_eq!(code(&headers(&[]), BODY), ErrorCode::MissingSignature);
        assert_eq!(code(&headers(&[b""]), BODY), ErrorCode::MissingSignature);
        assert_eq!(
            code(&headers(&[b"forged"]), BODY),
            ErrorCode::InvalidSignature
        );
    }

    #[test]
    fn a_repeated_or_non_text_header_is_malformed_not_absent() {
        for values in [
            &[&b"s3cret"[..], b"s3cret"][..],
            &[b"forged", b"s3cret"],
            &[b"s3cret", b""],
            &[b"\xff\xfe"],
            &[b"s3cr\xe9t"],
        ] {
            let err = hook().handle_request(&headers(values), BODY).unwrap_err();
            assert_eq!(err.code(), ErrorCode::InvalidSignature, "{values:?}");
            assert!(
                err.message().contains(SIGNATURE_HEADER),
                "{}",
                err.message()
            );
            assert!(!err.message().contains("s3cr"), "{}", err.message());
        }
    }

    #[test]
    fn utf8_header_text_is_read_as_text() {
        let hook = Webhook::new(Options::with_secret("olá")).unwrap();
        let ok = hook.handle_request(&headers(&["olá".as_bytes()]), BODY);
        assert_eq!(ok.unwrap().name(), "session.status");
    }

    #[test]
    fn the_limit_comes_before_the_headers() {
        let big = [b' '; 65];
        assert_eq!(code(&headers(&[b"\xff"]), &big), ErrorCode::BodyTooLarge);
        assert_eq!(code(&headers(&[b"a", b"b"]), &big), ErrorCode::BodyTooLarge);
    }

    #[test]
    fn status_codes_match_the_numbers() {
        for code in ErrorCode::ALL {
            assert_eq!(code.status_code().as_u16(), code.status(), "{code}");
        }
        let err = hook().handle_request(&headers(&[]), BODY).unwrap_err();
        assert_eq!(err.status_code(), StatusCode::UNAUTHORIZED);
    }

    /// The reference libraries' vector (see verify.rs), through a HeaderMap.
    #[test]
    fn standard_webhooks_reads_its_three_headers() {
        let hook = Webhook::new(Options {
            scheme: Scheme::StandardWebhooks,
            ..Options::with_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        })
        .unwrap();
        let body = br#"{"test": 2432232314}"#;
        let mut map = HeaderMap::new();
        for (name, value) in [
            ("Webhook-Id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
            ("Webhook-Timestamp", "1614265330"),
            (
                "Webhook-Signature",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            ),
        ] {
            map.insert(
                ::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_static(value),
            );
        }
        // Verified (the body is no envelope, so parsing is what fails).
        let at = |now| hook.handle_request_at(&map, body, now).unwrap_err().code();
        assert_eq!(at(1_614_265_330), ErrorCode::InvalidPayload);
        assert_eq!(at(1_614_265_330 + 301), ErrorCode::TimestampTooOld);
        // The system clock is years past it.
        assert_eq!(
            hook.handle_request(&map, body).unwrap_err().code(),
            ErrorCode::TimestampTooOld
        );
        // X-Webhook-Signature alone is not this scheme's.
        let plain = headers(&[b"v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="]);
        assert_eq!(
            hook.handle_request(&plain, body).unwrap_err().code(),
            ErrorCode::MissingSignature
        );
        // A repeated webhook-id is malformed, named, never echoed.
        map.append(WEBHOOK_ID_HEADER, HeaderValue::from_static("msg_other"));
        let err = hook
            .handle_request_at(&map, body, 1_614_265_330)
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidSignature);
        assert!(err.message().contains("webhook-id") && !err.message().contains("msg_"));
        let shown = format!(
            "{:?}",
            DeliveryHeaders::read_for(&plain, Scheme::StandardWebhooks).unwrap()
        );
        assert!(!shown.contains("v1,"), "{shown}");
    }

    #[test]
    fn debug_never_shows_the_signature() {
        let map = headers(&[b"s3cret"]);
        let shown = format!("{:?}", DeliveryHeaders::read(&map).unwrap());
        assert!(!shown.contains("s3cret"), "{shown}");
    }
}
