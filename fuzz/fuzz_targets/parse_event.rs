//! Arbitrary bytes as a delivery body through `parse_event`: no panic; the
//! parser agrees with the text entry point and with serde_json (bar the
//! documented differences: lone surrogates, numbers beyond f64, one more
//! level of nesting); every accessor of an event works, and `derived_json`
//! and the tape are JSON that agree (`checks::parse_event_body`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    wasender_webhook_fuzz::checks::parse_event_body(data);
});
