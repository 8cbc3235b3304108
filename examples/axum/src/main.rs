//! A WasenderAPI webhook endpoint on axum.
//!
//! `POST /webhook`: [`VerifiedEvent`] reads the body (1 MiB at most,
//! enforced while reading), verifies the `X-Webhook-Signature` header and
//! parses the delivery; anything wrong is answered with its status and
//! `{"error":{"code","message"}}` before this code runs. A genuine delivery
//! is answered at once (WasenderAPI wants a quick 2xx) and its event, owned
//! (`OwnedEvent`), moves into a spawned task that serialises it with serde and forwards it:
//! here to the `OUTBOX` directory if set, standing in for a queue.
//!
//! Environment: `WASENDER_WEBHOOK_SECRET` (required), `PORT` (3000; 0 picks
//! a free one), `OUTBOX` (optional directory).

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::extract::{FromRef, State};
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::post;
use axum::Router;
use wasender_webhook::axum::VerifiedEvent;
use wasender_webhook::{Options, OwnedEvent, Webhook};

/// What the handlers share. The extractor finds the [`Webhook`] in it
/// through [`FromRef`].
#[derive(Clone)]
struct App {
    hook: Webhook,
    outbox: Arc<Outbox>,
}

impl FromRef<App> for Webhook {
    fn from_ref(app: &App) -> Webhook {
        app.hook.clone()
    }
}

/// Where events are forwarded to (a queue, in a real service).
struct Outbox {
    dir: Option<PathBuf>,
    sent: AtomicU64,
}

async fn webhook(State(app): State<App>, VerifiedEvent(event): VerifiedEvent) -> impl IntoResponse {
    let name = event.event().name();
    // `event` (the body and its parsed event) is `Send + 'static`: it
    // outlives this request.
    tokio::spawn(forward(event, app.outbox));
    let answer = serde_json::json!({ "ok": true, "event": name });
    ([(CONTENT_TYPE, "application/json")], answer.to_string())
}

/// Serialise the event (the same object the npm package returns) and
/// forward it. The log names the event and the size, never the JSON: it
/// holds the `sessionId`, which may be the session's API key.
async fn forward(owned: OwnedEvent, outbox: Arc<Outbox>) {
    let event = owned.event();
    let json = match serde_json::to_vec(event) {
        Ok(json) => json,
        Err(e) => return eprintln!("could not serialise a {} event: {e}", event.name()),
    };
    let n = outbox.sent.fetch_add(1, Ordering::SeqCst) + 1;
    if let Some(dir) = &outbox.dir {
        let path = dir.join(format!("{n:06}.json"));
        if let Err(e) = tokio::fs::write(&path, &json).await {
            return eprintln!("could not forward event #{n}: {e}");
        }
    }
    println!(
        "forwarded event #{n}: {} ({} bytes of JSON)",
        event.name(),
        json.len()
    );
}

#[tokio::main]
async fn main() {
    // Made at start-up, so an unset secret stops the server here with the fix.
    let secret = std::env::var("WASENDER_WEBHOOK_SECRET").unwrap_or_default();
    let hook = match Webhook::new(Options::with_secret(secret)) {
        Ok(hook) => hook,
        Err(e) => {
            // The message never holds the secret.
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    let outbox = Arc::new(Outbox {
        dir: std::env::var_os("OUTBOX").map(PathBuf::from),
        sent: AtomicU64::new(0),
    });
    let app = Router::new()
        .route("/webhook", post(webhook))
        .with_state(App { hook, outbox });

    let port: u16 = match std::env::var("PORT").map(|p| p.parse()) {
        Ok(Ok(port)) => port,
        Ok(Err(_)) => {
            eprintln!("PORT must be a port number");
            std::process::exit(1);
        }
        Err(_) => 3000,
    };
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
    if let Err(e) = axum::serve(listener, app).await {
        eprintln!("server error: {e}");
        std::process::exit(1);
    }
}
