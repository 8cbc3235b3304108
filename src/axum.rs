//! axum integration (the `axum` feature): [`VerifiedEvent`], an extractor
//! that yields a delivery's verified, parsed event, and [`IntoResponse`] for
//! [`WebhookError`], answered as the npm package's adapters answer.
//!
//! ```
//! use axum::{routing::post, Router};
//! use wasender_webhook::{axum::VerifiedEvent, Options, Webhook};
//!
//! async fn webhook(VerifiedEvent(event): VerifiedEvent) -> &'static str {
//!     // `event` is owned (`Send + 'static`): it can go to a task or a channel.
//!     tokio::spawn(async move { println!("{}", event.event().name()) });
//!     "ok"
//! }
//!
//! let hook = Webhook::new(Options::with_secret("the-session-webhook-secret"))?;
//! let app: Router = Router::new().route("/webhook", post(webhook)).with_state(hook);
//! // Serve `app` with `axum::serve` (examples/axum in the repository runs one).
//! # Ok::<(), wasender_webhook::WebhookError>(())
//! ```
//!
//! The extractor's types come from axum-core, which axum 0.8 re-exports:
//! they are axum's own, without a dependency on axum's router or server.

use crate::error::{ErrorCode, WebhookError};
use crate::event::OwnedEvent;
use crate::json::write_text;
use crate::prelude::*;
use crate::webhook::Webhook;
use axum_core::body::Body;
use axum_core::extract::{FromRef, FromRequest, Request};
use axum_core::response::{IntoResponse, Response};
use core::pin::{pin, Pin};
use http::header::{ALLOW, CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderMap, HeaderValue, Method};
use http_body::Body as _;

/// A delivery that passed verification, as its parsed event, owned
/// ([`OwnedEvent`]: the body and the event, `Send + 'static`).
///
/// Extracting it takes the [`Webhook`] from the router's state
/// ([`FromRef`]), refuses a method other than POST, reads the body with the
/// hook's `max_body_bytes` enforced while reading (a larger
/// `Content-Length` is refused before a byte is read; a body without one is
/// read until it passes the limit, and no further), then verifies and
/// parses it ([`Webhook::handle_request`]). It rejects with the
/// [`WebhookError`], whose response carries its status and code.
///
/// The body is read whole before verification, as verification needs
/// every byte; so the extractor must be the handler's last argument (axum
/// requires it of any extractor that takes the body).
#[derive(Debug)]
pub struct VerifiedEvent(pub OwnedEvent);

impl core::ops::Deref for VerifiedEvent {
    type Target = OwnedEvent;

    fn deref(&self) -> &OwnedEvent {
        &self.0
    }
}

impl<S> FromRequest<S> for VerifiedEvent
where
    S: Send + Sync,
    Webhook: FromRef<S>,
{
    type Rejection = WebhookError;

    async fn from_request(request: Request, state: &S) -> Result<Self, WebhookError> {
        let hook = Webhook::from_ref(state);
        if request.method() != Method::POST {
            return Err(WebhookError::method_not_allowed());
        }
        let (parts, body) = request.into_parts();
        let declared = declared_length(&parts.headers);
        if let Some(len) = declared {
            hook.check_body_size(len)?;
        }
        let bytes = read_body(body, hook.max_body_bytes(), declared).await?;
        // The bytes read become the event's own: no copy, one parse.
        let headers = &parts.headers;
        OwnedEvent::new(bytes, |body| hook.handle_request(headers, body)).map(VerifiedEvent)
    }
}

/// A `Content-Length` of plain digits, saturated to `usize`; `None` when
/// absent or not plain digits (hyper has refused those already; the body's
/// own length is then what counts).
fn declared_length(headers: &HeaderMap) -> Option<usize> {
    let value = headers.get(CONTENT_LENGTH)?.to_str().ok()?;
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(value.parse::<usize>().unwrap_or(usize::MAX))
}

/// The most reserved for a body before its bytes arrive.
const PREALLOCATE_AT_MOST: usize = 64 << 10;

/// The whole body, or `BODY_TOO_LARGE` as soon as it passes `limit` (the
/// frame that passes it is dropped, the rest never polled), or
/// `BODY_INCOMPLETE` if the stream fails before it ends.
async fn read_body(
    body: Body,
    limit: usize,
    declared: Option<usize>,
) -> Result<Vec<u8>, WebhookError> {
    let mut body = pin!(body);
    // Reserve for the declared length, but no more than a typical delivery
    // needs: a sender that declares the limit and sends nothing must not
    // hold the limit's memory per connection. Past that, the buffer grows
    // with what arrives.
    let mut bytes = Vec::with_capacity(declared.unwrap_or(0).min(limit).min(PREALLOCATE_AT_MOST));
    while let Some(frame) = core::future::poll_fn(|cx| Pin::as_mut(&mut body).poll_frame(cx)).await
    {
        // The stream's error is not quoted: it is the transport's, and says
        // nothing the sender can act on beyond "the body broke off".
        let frame = frame.map_err(|_| {
            WebhookError::new(
                ErrorCode::BodyIncomplete,
                "the request's body stream failed before it ended (the sender's connection broke?)",
            )
        })?;
        // Trailers carry nothing that is verified.
        let Ok(data) = frame.into_data() else {
            continue;
        };
        if data.len() > limit - bytes.len() {
            return Err(WebhookError::body_over_limit(limit));
        }
        bytes.extend_from_slice(&data);
    }
    Ok(bytes)
}

/// What a 5xx answers instead of its message, as the npm package's
/// adapters do: the sender did nothing wrong and the detail is the
/// operator's (log the error's `Display` before returning it).
const SERVER_SIDE_MESSAGE: &str =
    "the webhook endpoint cannot verify deliveries; its server log says why";

/// The error as the npm package's adapters answer it: its status, and
/// `{"error":{"code":…,"message":…}}` as JSON (a 5xx as `INTERNAL_ERROR`
/// with a generic message; a 405 with `Allow: POST`).
impl IntoResponse for WebhookError {
    fn into_response(self) -> Response {
        let (code, message) = if self.status() >= 500 {
            (ErrorCode::InternalError, SERVER_SIDE_MESSAGE)
        } else {
            (self.code(), self.message())
        };
        let mut json = Vec::with_capacity(48 + message.len());
        json.extend_from_slice(b"{\"error\":{\"code\":");
        write_text(code.as_str(), &mut json);
        json.extend_from_slice(b",\"message\":");
        write_text(message, &mut json);
        json.extend_from_slice(b"}}");
        let mut response = Response::new(Body::from(json));
        *response.status_mut() = code.status_code();
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        if code == ErrorCode::MethodNotAllowed {
            headers.insert(ALLOW, HeaderValue::from_static("POST"));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::webhook::{Options, SIGNATURE_HEADER};
    use ::axum::body::Bytes;
    use ::axum::routing::{any, post};
    use ::axum::Router;
    use core::task::{Context, Poll};
    use http_body::Frame;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use tower::ServiceExt;

    const BODY: &[u8] = br#"{"event":"session.status","data":{"status":"connected"}}"#;
    const LIMIT: usize = 4096;

    fn hook() -> Webhook {
        Webhook::new(Options {
            max_body_bytes: LIMIT,
            ..Options::with_secret("s3cret")
        })
        .unwrap()
    }

    async fn name(VerifiedEvent(event): VerifiedEvent) -> String {
        // Owned: it moves into a task and comes back.
        tokio::spawn(async move { event.event().name().to_string() })
            .await
            .unwrap()
    }

    fn app() -> Router {
        Router::new()
            .route("/", post(name))
            .route("/any", any(name))
            .with_state(hook())
    }

    fn request(signature: Option<&str>, body: Body) -> Request {
        let mut r = http::Request::builder().method("POST").uri("/");
        if let Some(s) = signature {
            r = r.header(SIGNATURE_HEADER, s);
        }
        r.body(body).unwrap()
    }

    /// Status, content type and the body's text.
    async fn answer(request: Request) -> (u16, Option<String>, String) {
        let response = app().oneshot(request).await.unwrap();
        let status = response.status().as_u16();
        let kind = response
            .headers()
            .get(CONTENT_TYPE)
            .map(|v| v.to_str().unwrap().to_string());
        let body = ::axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        (status, kind, String::from_utf8(body.to_vec()).unwrap())
    }

    /// The `{"error":{"code","message"}}` answer's code, checked for shape.
    fn error_code(body: &str) -> String {
        let v: serde_json::Value = serde_json::from_str(body).unwrap();
        let error = v["error"].as_object().unwrap();
        assert_eq!(v.as_object().unwrap().len(), 1, "{body}");
        assert_eq!(error.len(), 2, "{body}");
        assert!(!error["message"].as_str().unwrap().is_empty());
        error["code"].as_str().unwrap().to_string()
    }

    /// A body of `head`, then `left` frames of 1 KiB (unending when
    /// `None`), then `fail`ing if asked; counts the 1 KiB frames it gave.
    struct Chunks {
        head: Option<Bytes>,
        left: Option<usize>,
        fail: bool,
        given: Arc<AtomicUsize>,
    }

    impl http_body::Body for Chunks {
        type Data = Bytes;
        type Error = std::io::Error;

        fn poll_frame(
            mut self: Pin<&mut Self>,
            _: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
            if let Some(head) = self.head.take() {
                return Poll::Ready(Some(Ok(Frame::data(head))));
            }
            match self.left {
                Some(0) if self.fail => Poll::Ready(Some(Err(std::io::Error::other("reset")))),
                Some(0) => Poll::Ready(None),
                _ => {
                    self.left = self.left.map(|n| n - 1);
                    self.given.fetch_add(1, Ordering::SeqCst);
                    Poll::Ready(Some(Ok(Frame::data(Bytes::from(vec![b' '; 1024])))))
                }
            }
        }
    }

    fn chunks(left: Option<usize>, fail: bool) -> (Chunks, Arc<AtomicUsize>) {
        let given = Arc::new(AtomicUsize::new(0));
        let body = Chunks {
            head: None,
            left,
            fail,
            given: given.clone(),
        };
        (body, given)
    }

    #[tokio::test]
    async fn a_genuine_delivery_reaches_the_handler_as_an_owned_event() {
        let (status, _, body) = answer(request(Some("s3cret"), Body::from(BODY))).await;
        assert_eq!((status, body.as_str()), (200, "session.status"));
    }

    #[tokio::test]
    async fn a_body_in_many_frames_is_read_whole() {
        // A signed body, then 3 KiB of trailing whitespace in 1 KiB frames.
        let (mut body, given) = chunks(Some(3), false);
        body.head = Some(Bytes::from_static(BODY));
        let (status, _, text) = answer(request(Some("s3cret"), Body::new(body))).await;
        assert_eq!((status, text.as_str()), (200, "session.status"));
        assert_eq!(given.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn forged_and_missing_signatures_are_401_with_the_adapters_body() {
        for (signature, code) in [
            (Some("forged"), "INVALID_SIGNATURE"),
            (None, "MISSING_SIGNATURE"),
            (Some(""), "MISSING_SIGNATURE"),
        ] {
            let (status, kind, body) = answer(request(signature, Body::from(BODY))).await;
            assert_eq!(status, 401, "{body}");
            assert_eq!(kind.as_deref(), Some("application/json"));
            assert_eq!(error_code(&body), code);
            assert!(!body.contains("s3cret") && !body.contains("forged"));
        }
    }

    #[tokio::test]
    async fn the_body_matches_the_error_exactly() {
        let err = hook().handle(BODY, Some("forged")).unwrap_err();
        let (_, _, body) = answer(request(Some("forged"), Body::from(BODY))).await;
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"error": {"code": "INVALID_SIGNATURE", "message": err.message()}})
        );
    }

    #[tokio::test]
    async fn a_too_large_content_length_is_refused_before_reading() {
        let (body, given) = chunks(None, false);
        let mut r = request(Some("s3cret"), Body::new(body));
        r.headers_mut()
            .insert(CONTENT_LENGTH, HeaderValue::from_static("1000000000"));
        let (status, _, text) = answer(r).await;
        assert_eq!(
            (status, error_code(&text).as_str()),
            (413, "BODY_TOO_LARGE")
        );
        assert_eq!(given.load(Ordering::SeqCst), 0, "not a byte was read");
    }

    #[tokio::test]
    async fn an_endless_body_is_cut_off_just_past_the_limit() {
        for signature in [Some("s3cret"), Some("forged"), None] {
            let (body, given) = chunks(None, false);
            let (status, _, text) = answer(request(signature, Body::new(body))).await;
            assert_eq!(
                (status, error_code(&text).as_str()),
                (413, "BODY_TOO_LARGE")
            );
            // 4 KiB fit; the fifth frame passes the limit and is the last read.
            assert_eq!(given.load(Ordering::SeqCst), LIMIT / 1024 + 1);
        }
        // Exactly at the limit is not over it (then it is bad JSON).
        let (body, _) = chunks(Some(LIMIT / 1024), false);
        let (status, _, text) = answer(request(Some("s3cret"), Body::new(body))).await;
        assert_eq!((status, error_code(&text).as_str()), (400, "INVALID_JSON"));
    }

    #[tokio::test]
    async fn a_failing_body_stream_is_body_incomplete() {
        let (body, _) = chunks(Some(2), true);
        let (status, _, text) = answer(request(Some("s3cret"), Body::new(body))).await;
        assert_eq!(
            (status, error_code(&text).as_str()),
            (400, "BODY_INCOMPLETE")
        );
    }

    #[tokio::test]
    async fn malformed_deliveries_are_400() {
        for (body, code) in [
            (&b"{\"event\":"[..], "INVALID_JSON"),
            (b"[1]", "INVALID_PAYLOAD"),
            (b"{\"event\":\"x\"}", "INVALID_PAYLOAD"),
        ] {
            let (status, _, text) = answer(request(Some("s3cret"), Body::from(body))).await;
            assert_eq!((status, error_code(&text).as_str()), (400, code), "{text}");
        }
    }

    #[tokio::test]
    async fn another_method_is_405_with_allow() {
        let r = http::Request::builder()
            .method("PUT")
            .uri("/any")
            .header(SIGNATURE_HEADER, "s3cret")
            .body(Body::from(BODY))
            .unwrap();
        let response = app().oneshot(r).await.unwrap();
        assert_eq!(response.status().as_u16(), 405);
        assert_eq!(response.headers()[ALLOW], "POST");
    }

    #[tokio::test]
    async fn a_server_side_error_is_answered_generically() {
        let detail = "missing secret: secret #0 is empty";
        let response = WebhookError::new(ErrorCode::MissingSecret, detail).into_response();
        assert_eq!(response.status().as_u16(), 500);
        let body = ::axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let body = core::str::from_utf8(&body).unwrap();
        assert_eq!(error_code(body), "INTERNAL_ERROR");
        assert!(!body.contains(detail), "{body}");
    }

    #[test]
    fn the_event_can_cross_threads_and_outlive_the_request() {
        fn send_static<T: Send + Sync + 'static>() {}
        send_static::<VerifiedEvent>();
    }
}
