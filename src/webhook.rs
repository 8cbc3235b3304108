//! The whole job in one place: limit, verify, then parse.
//!
//! `Webhook<H>` is generic only over where HMACs come from ([`HostHmac`]),
//! and its methods are one-line shims over the non-generic `Core` and
//! [`Verifier`]: the wasm skin instantiates `Webhook<JsHostHmac>` in its own
//! crate, where every generic function is compiled again beside the core's
//! copy (see verify.rs), so the less of it there is, the smaller the package.

use crate::error::{ErrorCode, WebhookError};
use crate::event::{parse_event, parse_event_text, Event};
use crate::prelude::*;
use crate::secret::Secret;
use crate::verify::{BuiltInHmac, HostHmac, Scheme, SignedHeaders, Tolerance, Verifier};

/// The default body limit: 1 MiB, far above any real delivery (a message
/// with a thumbnail is a few KB) and small enough to refuse floods cheaply.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1 << 20;

/// The largest `max_body_bytes` accepted: 16 MiB, 16× the default. A body
/// of this size passes on every runtime the package supports: as a string
/// it is far below JavaScript engines' string limit (2^29 − 24 units in V8),
/// and the wasm's peak memory for it stays well inside wasm32's 4 GiB
/// (SECURITY.md gives the measured high-water marks). Larger limits are
/// refused when the hook is made, not discovered on a delivery.
pub const MAX_BODY_BYTES_LIMIT: usize = 16 << 20;

/// The header WasenderAPI sends the signature in, lowercase as HTTP/2 and
/// the `http` crate spell header names (HTTP/1.1 matches it in any case).
pub const SIGNATURE_HEADER: &str = "x-webhook-signature";

/// How to verify deliveries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// One or more secrets; any of them may match (rotation, several sessions).
    pub secrets: Vec<Secret>,
    /// How the signature relates to the secret.
    pub scheme: Scheme,
    /// Bodies longer than this are refused before any hashing or parsing.
    pub max_body_bytes: usize,
    /// How far `webhook-timestamp` may be from now (Standard Webhooks only;
    /// default five minutes each way).
    pub tolerance: Tolerance,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            secrets: Vec::new(),
            scheme: Scheme::default(),
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            tolerance: Tolerance::default(),
        }
    }
}

impl Options {
    /// Options for one secret, with the defaults otherwise.
    pub fn with_secret(secret: impl Into<Secret>) -> Self {
        Options {
            secrets: vec![secret.into()],
            ..Options::default()
        }
    }
}

/// A configured verifier and parser. Cheap to share; holds no per-request state.
/// `H` is where HMACs come from: the core's own code unless a host offers
/// a faster one ([`Webhook::with_host`]).
///
/// The clock: the Standard Webhooks scheme checks `webhook-timestamp`
/// against the current time. [`Webhook::handle_headers`] and
/// [`Webhook::verify_headers`] read the system clock (with the default `std` feature; without it they
/// have none, and a checked tolerance answers `INVALID_OPTIONS`);
/// [`Webhook::handle_at`] and [`Webhook::verify_at`] take the time from
/// the caller (tests, `no_std`, the wasm, which has no clock of its own).
#[derive(Clone)]
pub struct Webhook<H = BuiltInHmac> {
    core: Core,
    host: H,
}

/// Everything but the host: what the non-generic code works on.
#[derive(Clone)]
struct Core {
    verifier: Verifier,
    max_body_bytes: usize,
}

impl Core {
    fn new(options: Options, for_host: bool) -> Result<Core, WebhookError> {
        if options.max_body_bytes == 0 || options.max_body_bytes > MAX_BODY_BYTES_LIMIT {
            return Err(WebhookError::new(
                ErrorCode::InvalidOptions,
                [
                    "invalid options: maxBodyBytes must be a whole number of bytes from 1 to ",
                    &decimal(MAX_BODY_BYTES_LIMIT as u64),
                    " (16 MiB)",
                ]
                .concat(),
            ));
        }
        Ok(Core {
            verifier: Verifier::build(
                options.scheme,
                &options.secrets,
                options.tolerance,
                for_host,
            )?,
            max_body_bytes: options.max_body_bytes,
        })
    }

    fn check_body_size(&self, len: usize) -> Result<(), WebhookError> {
        if len > self.max_body_bytes {
            return Err(WebhookError::body_too_large(len, self.max_body_bytes));
        }
        Ok(())
    }
}

impl Webhook {
    /// A hook that computes every MAC itself.
    ///
    /// # Errors
    /// `MISSING_SECRET` or `INVALID_OPTIONS` when the options cannot work.
    pub fn new(options: Options) -> Result<Webhook, WebhookError> {
        Webhook::with_host(options, BuiltInHmac)
    }
}

/// The current time in seconds since the Unix epoch, where there is a clock.
fn system_now() -> Option<u64> {
    #[cfg(feature = "std")]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .map(|d| d.as_secs())
    }
    #[cfg(not(feature = "std"))]
    {
        None
    }
}

impl<H: HostHmac> Webhook<H> {
    /// [`Webhook::new`], taking HMAC-SHA256 from `host` where it answers
    /// (see [`HostHmac`]); the constant-time comparison stays in the core.
    ///
    /// # Errors
    /// `MISSING_SECRET` or `INVALID_OPTIONS` when the options cannot work.
    pub fn with_host(options: Options, host: H) -> Result<Webhook<H>, WebhookError> {
        Ok(Webhook {
            core: Core::new(options, H::OFFERED)?,
            host,
        })
    }

    /// The scheme deliveries are checked with.
    pub fn scheme(&self) -> Scheme {
        self.core.verifier.scheme()
    }

    /// The Standard Webhooks timestamp window.
    pub fn tolerance(&self) -> Tolerance {
        self.core.verifier.tolerance()
    }

    /// How many secrets are configured.
    pub fn secret_count(&self) -> usize {
        self.core.verifier.secret_count()
    }

    /// The body limit in bytes.
    pub fn max_body_bytes(&self) -> usize {
        self.core.max_body_bytes
    }

    /// Refuse a body of `len` bytes if it is over the limit. Hosts that can
    /// see a length before copying the body (the wasm binding) call this first.
    ///
    /// # Errors
    /// `BODY_TOO_LARGE`.
    pub fn check_body_size(&self, len: usize) -> Result<(), WebhookError> {
        self.core.check_body_size(len)
    }

    /// Like [`Self::check_body_size`], for a host that knows only a lower
    /// bound on the size (a JS string's UTF-16 length before encoding it):
    /// a string over the limit is refused without being copied at all.
    #[doc(hidden)]
    pub fn check_min_body_size(&self, min_len: usize) -> Result<(), WebhookError> {
        if min_len > self.core.max_body_bytes {
            return Err(WebhookError::body_over_limit(self.core.max_body_bytes));
        }
        Ok(())
    }

    /// Verify only, given the signature header (the `wasender` and
    /// `hmac-sha256` schemes; Standard Webhooks needs
    /// [`Self::verify_headers`]). On success, the index of the secret that
    /// matched.
    ///
    /// # Errors
    /// `BODY_TOO_LARGE`, `MISSING_SIGNATURE` or `INVALID_SIGNATURE`.
    pub fn verify(&self, body: &[u8], signature: Option<&str>) -> Result<usize, WebhookError> {
        self.verify_when(body, &signature.into(), system_now())
    }

    /// Verify only, given every signed header, with the system clock (see
    /// the type's docs). On success, the index of the secret that matched.
    ///
    /// # Errors
    /// `BODY_TOO_LARGE`, `MISSING_SIGNATURE`, `INVALID_SIGNATURE`,
    /// `TIMESTAMP_TOO_OLD`/`TIMESTAMP_TOO_NEW`, or `INVALID_OPTIONS` when a
    /// clock is needed and this build has none.
    pub fn verify_headers(
        &self,
        body: &[u8],
        headers: &SignedHeaders<'_>,
    ) -> Result<usize, WebhookError> {
        self.verify_when(body, headers, system_now())
    }

    /// [`Self::verify_headers`] at `now`, in seconds since the Unix epoch.
    ///
    /// # Errors
    /// As [`Self::verify_headers`].
    pub fn verify_at(
        &self,
        body: &[u8],
        headers: &SignedHeaders<'_>,
        now: u64,
    ) -> Result<usize, WebhookError> {
        self.verify_when(body, headers, Some(now))
    }

    /// The one generic step: ask the host for the MACs between the
    /// verifier's non-generic halves.
    fn verify_when(
        &self,
        body: &[u8],
        headers: &SignedHeaders<'_>,
        now: Option<u64>,
    ) -> Result<usize, WebhookError> {
        self.core.check_body_size(body.len())?;
        let verifier = &self.core.verifier;
        let mut pending = verifier.prepare(headers, now)?;
        if H::OFFERED {
            for i in 0..pending.host_count() {
                let mac =
                    self.host
                        .hmac_sha256_prefixed(verifier.host_key(i), pending.prefix(), body);
                pending.set_host_mac(i, mac);
            }
        }
        verifier.finish(pending, body)
    }

    /// Verify the signature header, then parse: the event, or the first
    /// thing wrong with the request (the `wasender` and `hmac-sha256`
    /// schemes; Standard Webhooks needs [`Self::handle_headers`]).
    ///
    /// # Errors
    /// As [`Self::verify`], then `INVALID_JSON` or `INVALID_PAYLOAD`.
    pub fn handle<'a>(
        &self,
        body: &'a [u8],
        signature: Option<&str>,
    ) -> Result<Event<'a>, WebhookError> {
        self.verify_when(body, &signature.into(), system_now())?;
        parse_event(body)
    }

    /// Verify every signed header (with the system clock), then parse.
    ///
    /// # Errors
    /// As [`Self::verify_headers`], then `INVALID_JSON` or `INVALID_PAYLOAD`.
    pub fn handle_headers<'a>(
        &self,
        body: &'a [u8],
        headers: &SignedHeaders<'_>,
    ) -> Result<Event<'a>, WebhookError> {
        self.verify_when(body, headers, system_now())?;
        parse_event(body)
    }

    /// [`Self::handle_headers`] at `now`, in seconds since the Unix epoch.
    ///
    /// # Errors
    /// As [`Self::handle_headers`].
    pub fn handle_at<'a>(
        &self,
        body: &'a [u8],
        headers: &SignedHeaders<'_>,
        now: u64,
    ) -> Result<Event<'a>, WebhookError> {
        self.verify_when(body, headers, Some(now))?;
        parse_event(body)
    }

    /// [`Self::handle`] for a body that is text already.
    ///
    /// # Errors
    /// As [`Self::handle`].
    pub fn handle_text<'a>(
        &self,
        body: &'a str,
        signature: Option<&str>,
    ) -> Result<Event<'a>, WebhookError> {
        self.verify_when(body.as_bytes(), &signature.into(), system_now())?;
        parse_event_text(body)
    }

    /// [`Self::handle_headers`] for a body that is text already, at `now`,
    /// in seconds since the Unix epoch.
    ///
    /// # Errors
    /// As [`Self::handle_headers`].
    pub fn handle_text_at<'a>(
        &self,
        body: &'a str,
        headers: &SignedHeaders<'_>,
        now: u64,
    ) -> Result<Event<'a>, WebhookError> {
        self.verify_when(body.as_bytes(), headers, Some(now))?;
        parse_event_text(body)
    }
}

/// `Debug` shows the configuration's shape, never a secret.
impl<H: HostHmac> core::fmt::Debug for Webhook<H> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Webhook")
            .field("scheme", &self.scheme().as_str())
            .field("secrets", &self.secret_count())
            .field("max_body_bytes", &self.max_body_bytes())
            .field("tolerance", &self.tolerance())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &[u8] = br#"{"event":"session.status","data":{"status":"connected"}}"#;

    fn hook() -> Webhook {
        Webhook::new(Options {
            max_body_bytes: 64,
            ..Options::with_secret("s3cret")
        })
        .unwrap()
    }

    #[test]
    fn handle_verifies_then_parses() {
        let e = hook().handle(BODY, Some("s3cret")).unwrap();
        assert_eq!(e.name(), "session.status");
    }

    #[test]
    fn verification_comes_before_parsing() {
        // A forged, malformed body is a signature problem, not a JSON one:
        // nothing unauthenticated reaches the parser.
        let err = hook().handle(b"not json", Some("forged")).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidSignature);
        assert_eq!(
            hook()
                .handle(b"not json", Some("s3cret"))
                .unwrap_err()
                .code(),
            ErrorCode::InvalidJson
        );
    }

    #[test]
    fn the_text_form_agrees_with_handle() {
        let h = Webhook::new(Options::with_secret("s3cret")).unwrap();
        let emoji = r#"{"event":"session.status","data":{"status":"connected","note":"olá 😀"}}"#;
        for body in [BODY, emoji.as_bytes()] {
            let text = core::str::from_utf8(body).unwrap();
            let want = h.handle(body, Some("s3cret")).unwrap().derived_json();
            assert_eq!(
                h.handle_text(text, Some("s3cret")).unwrap().derived_json(),
                want
            );
        }
        assert_eq!(
            h.handle_text("{}", Some("forged")).unwrap_err().code(),
            ErrorCode::InvalidSignature
        );
    }

    #[test]
    fn the_limit_comes_before_everything() {
        let big = [b' '; 65];
        for sig in [None, Some("forged"), Some("s3cret")] {
            let err = hook().handle(&big, sig).unwrap_err();
            assert_eq!((err.code(), err.status()), (ErrorCode::BodyTooLarge, 413));
        }
        assert!(hook()
            .handle(&big[..64], Some("s3cret"))
            .is_err_and(|e| e.code() == ErrorCode::InvalidJson));
    }

    #[test]
    fn default_limit_is_one_mebibyte() {
        let h = Webhook::new(Options::with_secret("s")).unwrap();
        assert_eq!(h.max_body_bytes(), 1_048_576);
        assert!(h.check_body_size(1_048_576).is_ok());
        assert_eq!(
            h.check_body_size(1_048_577).unwrap_err().code(),
            ErrorCode::BodyTooLarge
        );
    }

    #[test]
    fn a_zero_limit_is_refused() {
        let err = Webhook::new(Options {
            max_body_bytes: 0,
            ..Options::with_secret("s")
        })
        .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidOptions);
    }

    #[test]
    fn debug_shows_no_secret() {
        let shown = format!("{:?}", hook());
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("wasender"));
    }

    #[test]
    fn still_correct_after_many_failures() {
        let h = hook();
        for i in 0..10_000 {
            let _ = h.handle(b"{", Some(if i % 2 == 0 { "s3cret" } else { "nope" }));
        }
        assert!(h.handle(BODY, Some("s3cret")).is_ok());
    }
}
