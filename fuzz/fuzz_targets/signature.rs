//! Arbitrary text as a signature header through
//! `signature::decode_hmac_sha256_tag`: no panic; it agrees with an
//! independent reading of the documented spellings, and a tag it finds,
//! spelled again (lower-case hex via `to_hex`, upper case, base64 of both
//! alphabets, padded or not, `sha256=`), decodes to the same tag
//! (`checks::signature_header`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    // The longest UTF-8 prefix, as libFuzzer's own `&str` input would be.
    wasender_webhook_fuzz::checks::signature_header(data);
});
