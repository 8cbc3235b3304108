//! Verify and parse WasenderAPI webhook deliveries.
//!
//! ```
//! use wasender_webhook::{Options, Webhook};
//!
//! let hook = Webhook::new(Options::with_secret("the-session-webhook-secret"))?;
//! let body = br#"{"event":"session.status","data":{"status":"connected"}}"#;
//! let event = hook.handle(body, Some("the-session-webhook-secret"))?;
//! assert_eq!(event.name(), "session.status");
//! # Ok::<(), wasender_webhook::WebhookError>(())
//! ```
//!
//! This crate is the core: it knows nothing of JavaScript or Python. The
//! npm package's wasm and the Python wheel are thin skins over it, each a
//! crate of its own in the repository (ARCHITECTURE.md). It needs only
//! `alloc`: without the default `std` feature it is `no_std`.
//!
//! Optional features: `http` (`Webhook::handle_request` from an
//! `http::HeaderMap`, `WebhookError::status_code`), `axum` (the
//! `axum::VerifiedEvent` extractor; implies `http`), `serde` (`Serialize`
//! for [`Event`], the object the npm package returns, and for every model
//! and view type; implies `std`). [`OwnedEvent`] (an event that is
//! `Send + 'static`) and [`Event::to_json`] come with the default `std`
//! feature.

#![cfg_attr(not(any(test, feature = "std")), no_std)]
#![forbid(unsafe_code)]

extern crate alloc;

mod prelude;

mod decimal;
pub mod error;
pub mod event;
pub mod json;
mod secret;
mod signature;
mod utf16;
mod verify;
mod webhook;

pub use error::{ErrorCode, WebhookError};
pub use event::{parse_event, parse_event_text, Event, EventData, EventKind};
pub use secret::Secret;
pub use verify::{
    BuiltInHmac, HostHmac, Scheme, SignedHeaders, Tolerance, Verifier, MAX_SIGNATURE_LEN,
    WEBHOOK_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER,
};
pub use webhook::{Options, Webhook, DEFAULT_MAX_BODY_BYTES, MAX_BODY_BYTES_LIMIT};

// The HTTP and serde integrations, each behind its feature.
#[cfg(feature = "std")]
pub use event::OwnedEvent;
pub use webhook::SIGNATURE_HEADER;
#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "http")]
pub mod http;
#[cfg(feature = "serde")]
mod serde_impls;

/// Not public API: what the repository's own binding crates (the wasm
/// skin), tests and fuzz targets reach inside the core for. Nothing here is
/// covered by semver; it changes whenever the bindings do.
#[doc(hidden)]
pub mod __private {
    pub use crate::event::layouts::{layouts_json, DERIVED, LAYOUTS};
    pub use crate::event::shape::check as check_shape;
    pub use crate::event::sink::{Op, Sink, Tape};
    pub use crate::json::parse::{parse, parse_text, ParseError, MAX_DEPTH};
    pub use crate::json::scan::plain_run;
    pub use crate::json::write::{write_json, write_str, write_text};
    pub use crate::signature::{decode_base64_tag, decode_hmac_sha256_tag, to_hex, TAG_LEN};
    pub use crate::verify::sign_hmac_sha256;

    /// The model's types described for the bindings' type generators (the
    /// Python stubs): declarations, and one row per event kind.
    pub mod describe {
        pub use crate::event::describe::{Decl, DeclKind, Field, Ty};
        pub use crate::event::model::declarations as model_declarations;
        pub use crate::event::views::declarations as view_declarations;
        use crate::prelude::*;

        /// One event kind: (variant, canonical name, `data`'s type, the
        /// view's member and type, if it has one).
        pub type EventRow = (&'static str, &'static str, Ty, Option<(&'static str, Ty)>);

        /// Every event kind, in the table's order.
        pub fn event_rows() -> Vec<EventRow> {
            crate::event::EventData::describe_rows()
                .into_iter()
                .map(|(variant, name, data, view)| (variant, name, data, view.describe_member()))
                .collect()
        }
    }

    /// The model's and the views' TypeScript declarations, and one row per
    /// event kind: (variant, canonical name, data type, view member).
    pub mod typescript {
        pub use crate::event::model::ts_declarations as model_declarations;
        pub use crate::event::views::ts_declarations as view_declarations;
        use crate::prelude::*;

        /// Per event kind: (variant, canonical name, `data`'s type, the
        /// view's member, if it has one).
        pub fn event_rows() -> Vec<(&'static str, &'static str, String, Option<String>)> {
            crate::event::EventData::ts_rows()
                .into_iter()
                .map(|(variant, name, data, view)| (variant, name, data, view.ts_member()))
                .collect()
        }
    }
}
