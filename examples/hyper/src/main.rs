//! A WasenderAPI webhook endpoint on bare hyper, with the `http` feature's
//! `Webhook::handle_request(&HeaderMap, &[u8])`: what a framework without
//! an extractor does. `POST /webhook` reads the body with the limit enforced
//! while reading (`http_body_util::Limited`), verifies and parses it, and
//! answers `{"ok":true,"event":…}` or the error's status with
//! `{"error":{"code","message"}}`, as the npm package's adapters do. The
//! owned event moves into a spawned task.
//!
//! Environment: `WASENDER_WEBHOOK_SECRET` (required), `PORT` (3000; 0 picks
//! a free one).

use std::convert::Infallible;
use std::sync::Arc;

use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, ALLOW, CONTENT_LENGTH, CONTENT_TYPE};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use wasender_webhook::{ErrorCode, Options, OwnedEvent, Webhook, WebhookError};

async fn serve(hook: Arc<Webhook>, request: Request<Incoming>) -> Response<Full<Bytes>> {
    if request.uri().path() != "/webhook" {
        return json(StatusCode::NOT_FOUND, r#"{"error":"not found"}"#.into());
    }
    if request.method() != Method::POST {
        let mut answer = error(&WebhookError::method_not_allowed());
        answer
            .headers_mut()
            .insert(ALLOW, HeaderValue::from_static("POST"));
        return answer;
    }
    let (parts, body) = request.into_parts();
    // A declared length over the limit is refused before reading.
    let declared = parts
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok());
    if let Some(Ok(len)) = declared.map(str::parse::<usize>) {
        if let Err(e) = hook.check_body_size(len) {
            return error(&e);
        }
    }
    let body =
        match Limited::new(body, hook.max_body_bytes()).collect().await {
            Ok(body) => body.to_bytes(),
            Err(e) if e.is::<LengthLimitError>() => {
                return error(&WebhookError::new(
                    ErrorCode::BodyTooLarge,
                    format!(
                        "body too large: it exceeds the limit of {} bytes (see maxBodyBytes)",
                        hook.max_body_bytes()
                    ),
                ))
            }
            Err(_) => return error(&WebhookError::new(
                ErrorCode::BodyIncomplete,
                "the request's body stream failed before it ended (the sender's connection broke?)",
            )),
        };
    // The event and the bytes it borrows from, in one value that outlives
    // the request (`hook.handle_request(&parts.headers, &body)` alone gives
    // an event borrowing `body`).
    let owned = OwnedEvent::new(body, |body| hook.handle_request(&parts.headers, body));
    match owned {
        Ok(owned) => {
            let answer = serde_json::json!({ "ok": true, "event": owned.event().name() });
            tokio::spawn(process(owned));
            json(StatusCode::OK, answer.to_string())
        }
        Err(e) => error(&e),
    }
}

/// The work done after the answer. Logs the event's name only: the body
/// holds the `sessionId`, which may be the session's API key.
async fn process(owned: OwnedEvent) {
    let event = owned.event();
    println!(
        "{} with {} message(s)",
        event.name(),
        event.messages().len()
    );
}

fn error(e: &WebhookError) -> Response<Full<Bytes>> {
    let body =
        serde_json::json!({ "error": { "code": e.code().as_str(), "message": e.message() } });
    json(e.status_code(), body.to_string())
}

fn json(status: StatusCode, body: String) -> Response<Full<Bytes>> {
    let mut answer = Response::new(Full::new(Bytes::from(body)));
    *answer.status_mut() = status;
    answer
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    answer
}

#[tokio::main]
async fn main() {
    // Made at start-up, so an unset secret stops the server here with the fix.
    let secret = std::env::var("WASENDER_WEBHOOK_SECRET").unwrap_or_default();
    let hook = match Webhook::new(Options::with_secret(secret)) {
        Ok(hook) => Arc::new(hook),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let port: u16 = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(3000);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap_or_else(|e| {
            eprintln!("cannot listen on 127.0.0.1:{port}: {e}");
            std::process::exit(1);
        });
    let address = listener
        .local_addr()
        .expect("a bound socket has an address");
    println!("listening on http://{address}/webhook");
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let hook = hook.clone();
        tokio::spawn(async move {
            let service = service_fn(move |request| {
                let hook = hook.clone();
                async move { Ok::<_, Infallible>(serve(hook, request).await) }
            });
            // A connection that breaks is the sender's business.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}
