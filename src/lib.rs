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
//! The core modules (`verify`, `event`, `error`, …) know nothing of
//! JavaScript; the `wasm` module is a thin binding compiled only for wasm32.
//! The crate needs only `alloc`: without the default `std` feature it is
//! `no_std`, which is how the npm package's wasm is built (smaller).

#![cfg_attr(not(any(test, feature = "std")), no_std)]

extern crate alloc;

mod prelude;

mod decimal;
pub mod error;
pub mod event;
pub mod json;
pub mod secret;
pub mod signature;
pub mod typescript;
pub mod utf16;
pub mod verify;
pub mod webhook;

/// Smaller and faster than the default wasm allocator; every call's
/// allocations are short-lived, which suits it.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Without std there is no panic runtime: a panic traps the wasm instance.
/// None is reachable on our paths (tests/no_panic.rs); this handler only
/// spares the wasm the standard library's message formatting.
#[cfg(all(target_arch = "wasm32", not(any(test, feature = "std"))))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// The JS bindings; public only so the wasm tests can drive them.
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod wasm;

pub use error::{ErrorCode, WebhookError};
pub use event::{parse_event, parse_event_text, Event};
pub use secret::Secret;
pub use verify::{BuiltInHmac, HostHmac, Scheme, Verifier, MAX_SIGNATURE_LEN};
pub use webhook::{Options, Webhook, DEFAULT_MAX_BODY_BYTES, MAX_BODY_BYTES_LIMIT};
