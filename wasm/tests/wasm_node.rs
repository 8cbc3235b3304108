//! The JS surface, compiled to wasm and run in Node.
#![cfg(target_arch = "wasm32")]

mod wasm_common;
