//! The Standard Webhooks header path (`verify_at`, `handle_at`) with
//! arbitrary keys, ids, timestamps, signature entries, windows and clocks,
//! against the oracle in `src/standard.rs`: no panic, and the same answer.
#![no_main]

libfuzzer_sys::fuzz_target!(
    |input: wasender_webhook_fuzz::standard::StandardInput<'_>| {
        wasender_webhook_fuzz::standard::check(&input);
    }
);
