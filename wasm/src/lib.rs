//! The wasm-bindgen skin of `wasender-webhook`: what the npm package's
//! `.wasm` is built from (scripts/build). It only converts at the boundary;
//! verification and parsing are the core crate's.
//!
//! - `exports`: the raw exports, which the JS guard (`js/guard.js`) calls;
//! - `interop`: JS values in, the event out as a tape (`js/interop.js`);
//! - `utf16`: the body's UTF-16 units, made while checking its UTF-8;
//! - `typescript`: the guard API's declarations, `events_ts` the events';
//! - `tape_js`: the tape reader's op numbers for `js/interop.js`.
//!
//! Built without the default `std` feature it is `no_std` (smaller wasm).

#![cfg_attr(not(any(test, feature = "std")), no_std)]

extern crate alloc;

mod prelude {
    #[allow(unused_imports)]
    pub(crate) use alloc::{
        borrow::ToOwned,
        boxed::Box,
        format,
        string::{String, ToString},
        vec,
        vec::Vec,
    };
}

pub mod events_ts;
pub mod tape_js;
pub mod utf16;

#[cfg(target_arch = "wasm32")]
mod exports;
#[cfg(target_arch = "wasm32")]
mod interop;
#[cfg(target_arch = "wasm32")]
mod typescript;

#[cfg(target_arch = "wasm32")]
pub use exports::*;

/// Smaller and faster than the default wasm allocator; every call's
/// allocations are short-lived, which suits it.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Without std there is no panic runtime: a panic traps the wasm instance.
/// None is reachable on our paths (the core's tests/no_panic.rs); this
/// handler only spares the wasm the standard library's message formatting.
#[cfg(all(target_arch = "wasm32", not(any(test, feature = "std"))))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
