//! An arbitrary configuration (0-4 secrets of any bytes, either scheme, any
//! limit), body and signature (none, any text, a secret, or a correct HMAC
//! in some spelling) through `Webhook::new`, `check_body_size`, `verify`,
//! `handle`, `handle_text` and `handle_utf16`: no panic; a genuine signature
//! on a body within the limit verifies, and what verifies really matches;
//! the entry points agree; every error has a message, the same one as with
//! placeholder secrets, so no secret or signature in it
//! (`checks::handle_case`).
#![no_main]

use wasender_webhook_fuzz::{checks, export_case, HandleInput};

libfuzzer_sys::fuzz_target!(|input: HandleInput<'_>| {
    let case = input.case();
    export_case(&case);
    checks::handle_case(&case);
});
