//! The wasm core's typed work in parts, for `run.mjs` to time side by side
//! in one module: what BENCHMARKS.md's "What bounds the misses" weighs.
//!
//! Every part starts from the body's text already checked as UTF-8 (the
//! package checks it in the pass that converts it for JavaScript, which
//! this leaves out), and each returns a count so the work cannot be skipped.

#![no_std]

extern crate alloc;

mod floor;

/// The allocator and panic handler the package's wasm has (wasm/src/lib.rs):
/// the core itself brings none.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

use alloc::vec::Vec;
use core::ptr::addr_of_mut;
use wasender_webhook::{__private as json, parse_event_text};

/// The body under test. One instance, one thread: `run.mjs` writes it
/// through `input` and then calls `run`.
static mut BODY: Vec<u8> = Vec::new();

fn body() -> &'static mut Vec<u8> {
    // SAFETY: wasm without threads; no reference outlives the export call.
    unsafe { &mut *addr_of_mut!(BODY) }
}

/// Room for a body of `len` bytes; returns where to write it.
#[no_mangle]
pub extern "C" fn input(len: usize) -> *mut u8 {
    let body = body();
    body.clear();
    body.resize(len, 0);
    body.as_mut_ptr()
}

/// What part `part` does with the body, `times` over: the sum of its counts,
/// or `u32::MAX` if the body was refused.
///
/// 0. the event and its tape: what the package does after the UTF-8 pass
/// 1. the event alone: parse, shape checks, views
/// 2. the tree-building parse alone (and dropping the tree)
/// 3. a syntax check that builds nothing: the floor under any parser
#[no_mangle]
pub extern "C" fn run(part: u32, times: u32) -> u32 {
    let Ok(text) = core::str::from_utf8(body()) else {
        return u32::MAX;
    };
    let mut sum = 0u32;
    for _ in 0..times {
        let count = match part {
            0 => parse_event_text(text)
                .map(|e| e.derived_tape().ops.len())
                .ok(),
            1 => parse_event_text(text).map(|e| e.messages().len() + 1).ok(),
            2 => json::parse_text(text)
                .map(|tree| tree.as_object().map_or(1, |o| o.len()))
                .ok(),
            _ => floor::check(text.as_bytes()).then_some(1),
        };
        let Some(count) = count else { return u32::MAX };
        sum = sum.wrapping_add(count as u32);
    }
    sum
}
