//! UTF-8 text as UTF-16 code units: the form a JavaScript engine stores
//! non-ASCII strings in.
//!
//! Why it is here: handing the engine UTF-16 lets it make the string almost
//! at memcpy speed, while its own UTF-8 decoder is several times slower on
//! text full of emoji and non-Latin scripts (js-tests/bench measures both).
//! The body is checked as UTF-8 in the same pass that converts it: checking
//! first (`core::str::from_utf8`) and converting after took 10–15 % more of
//! a delivery's time from 4 KB up.

use crate::prelude::*;
use wasender_webhook::{
    parse_event, parse_event_text, Event, HostHmac, SignedHeaders, Webhook, WebhookError,
};

/// [`Webhook::handle_at`] for a host whose strings are UTF-16 (JavaScript):
/// after verifying, the body is checked as UTF-8 in the same pass that
/// appends its UTF-16 code units to `units` (none for ASCII), so the host
/// can make its string without decoding UTF-8 again.
///
/// # Errors
///
/// As [`Webhook::handle`], in the same order (the signature before the
/// UTF-8, which the byte-checking parse then places).
pub fn handle_utf16<'a, H: HostHmac>(
    hook: &Webhook<H>,
    body: &'a [u8],
    headers: &SignedHeaders<'_>,
    now: u64,
    units: &mut Vec<u16>,
) -> Result<Event<'a>, WebhookError> {
    hook.verify_at(body, headers, now)?;
    match checked_utf16(body, units) {
        Some(text) => parse_event_text(text),
        // Not UTF-8: the byte-checking parse says where.
        None => parse_event(body),
    }
}

/// `bytes` as text if they are valid UTF-8, checked in the same pass that
/// appends its UTF-16 code units to `out` (one pass over the body where
/// checking and then converting took two); ASCII, which needs no units,
/// leaves `out` as it was.
pub fn checked_utf16<'a>(bytes: &'a [u8], out: &mut Vec<u16>) -> Option<&'a str> {
    if !bytes.is_ascii() {
        convert_checked(bytes, out)?;
    }
    debug_assert!(core::str::from_utf8(bytes).is_ok());
    // SAFETY: ASCII is UTF-8, and anything else passed `convert_checked`,
    // which accepts only well-formed sequences (tests compare it with
    // `core::str::from_utf8` on every sequence of up to three bytes and on
    // four-byte ones at every range edge).
    Some(unsafe { core::str::from_utf8_unchecked(bytes) })
}

/// Append the UTF-16 code units of `bytes`, or `None` (and nothing
/// appended) at the first byte not in a well-formed UTF-8 sequence.
///
/// One character per step, branching on its lead byte, except that after
/// an ASCII byte the ASCII that follows is taken 8 bytes at a time while
/// it lasts (keys, ids and numbers in a delivery; the words' spaces in
/// other scripts, where the 8-byte test fails at once and costs little).
/// Measured in wasm against the byte-at-a-time loop it replaced: 0.5× the
/// time at 0.4 KB, 0.9× at 4 KB, 0.7–0.9× from 64 KB up (BENCHMARKS.md).
fn convert_checked(bytes: &[u8], out: &mut Vec<u16>) -> Option<()> {
    let start = out.len();
    // Room for the worst case (one unit per byte), not zero-filled first:
    // the units are written once, in order, and only those are kept.
    out.reserve(bytes.len());
    let spare = out.spare_capacity_mut();
    let room = spare.len();
    // Never more units than bytes: `w` never passes `i`, so every write
    // has its slot; the `get`s below only keep a bounds check from
    // becoming a panic path.
    let units = spare.get_mut(..bytes.len()).unwrap_or_default();
    let tail = |b: u8| b & 0xc0 == 0x80;
    let (mut i, mut w) = (0, 0);
    while let Some(&b0) = bytes.get(i) {
        // The well-formed sequences of the Unicode Standard's table 3-7:
        // the second byte's range excludes overlong forms, surrogates and
        // anything beyond U+10FFFF.
        let unit = if b0 < 0x80 {
            if let Some(slot) = units.get_mut(w) {
                slot.write(u16::from(b0));
            }
            (i, w) = (i + 1, w + 1);
            while let (Some(eight), Some(slots)) = (bytes.get(i..i + 8), units.get_mut(w..w + 8)) {
                let Ok(word) = <[u8; 8]>::try_from(eight).map(u64::from_le_bytes) else {
                    break;
                };
                if word & 0x8080_8080_8080_8080 != 0 {
                    break;
                }
                for (slot, &b) in slots.iter_mut().zip(eight) {
                    slot.write(u16::from(b));
                }
                (i, w) = (i + 8, w + 8);
            }
            continue;
        } else if b0 < 0xe0 {
            let &[b1] = bytes.get(i + 1..i + 2)? else {
                return None;
            };
            if b0 < 0xc2 || !tail(b1) {
                return None;
            }
            i += 2;
            (u32::from(b0 & 0x1f) << 6) | u32::from(b1 & 0x3f)
        } else if b0 < 0xf0 {
            let &[b1, b2] = bytes.get(i + 1..i + 3)? else {
                return None;
            };
            let b1_ok = match b0 {
                0xe0 => (0xa0..=0xbf).contains(&b1),
                0xed => (0x80..=0x9f).contains(&b1),
                _ => tail(b1),
            };
            if !b1_ok || !tail(b2) {
                return None;
            }
            i += 3;
            (u32::from(b0 & 0x0f) << 12) | (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f)
        } else {
            let &[b1, b2, b3] = bytes.get(i + 1..i + 4)? else {
                return None;
            };
            let b1_ok = match b0 {
                0xf0 => (0x90..=0xbf).contains(&b1),
                0xf1..=0xf3 => tail(b1),
                0xf4 => (0x80..=0x8f).contains(&b1),
                _ => false,
            };
            if !b1_ok || !tail(b2) || !tail(b3) {
                return None;
            }
            i += 4;
            let c = ((u32::from(b0 & 0x07) << 18)
                | (u32::from(b1 & 0x3f) << 12)
                | (u32::from(b2 & 0x3f) << 6)
                | u32::from(b3 & 0x3f))
                - 0x1_0000;
            // Beyond U+FFFF: the high surrogate here, the low one below.
            if let Some(slot) = units.get_mut(w) {
                slot.write(0xd800 | (c >> 10) as u16);
            }
            w += 1;
            0xdc00 | (c & 0x3ff)
        };
        if let Some(slot) = units.get_mut(w) {
            slot.write(unit as u16);
        }
        w += 1;
    }
    // SAFETY: each step writes slot w (when it is among `units`, which it
    // always is: w never passes the bytes read) and then counts it, so
    // every slot below min(w, room) is written.
    unsafe { out.set_len(start + w.min(room)) };
    Some(())
}
#[cfg(test)]
mod tests {
    use super::{checked_utf16, handle_utf16};
    use crate::prelude::*;
    use wasender_webhook::{ErrorCode, Options, Webhook};

    const BODY: &[u8] = br#"{"event":"session.status","data":{"status":"connected"}}"#;

    #[test]
    fn the_utf16_and_text_forms_agree_with_handle() {
        let h = Webhook::new(Options::with_secret("s3cret")).unwrap();
        let emoji = r#"{"event":"session.status","data":{"status":"connected","note":"olá 😀"}}"#;
        for body in [BODY, emoji.as_bytes()] {
            let mut units = Vec::new();
            let event = handle_utf16(&h, body, &Some("s3cret").into(), 0, &mut units).unwrap();
            assert_eq!(
                event.derived_json(),
                h.handle(body, Some("s3cret")).unwrap().derived_json()
            );
            let text = core::str::from_utf8(body).unwrap();
            // ASCII needs no units; anything else gets all of them.
            let expected: Vec<u16> = if body.is_ascii() {
                vec![]
            } else {
                text.encode_utf16().collect()
            };
            assert_eq!(units, expected);
            assert_eq!(
                h.handle_text(text, Some("s3cret")).unwrap().derived_json(),
                event.derived_json()
            );
        }
        // The same errors, in the same order: the signature before the
        // UTF-8, and the UTF-8 error saying where.
        let broken = b"{\"event\":\"x\xff\",\"data\":{}}";
        for sig in [Some("s3cret"), Some("forged"), None] {
            let mut units = Vec::new();
            let got = handle_utf16(&h, broken, &sig.into(), 0, &mut units).unwrap_err();
            let want = h.handle(broken, sig).unwrap_err();
            assert_eq!((got.code(), got.message()), (want.code(), want.message()));
            assert!(units.is_empty());
        }
        assert_eq!(
            h.handle_text("{}", Some("forged")).unwrap_err().code(),
            ErrorCode::InvalidSignature
        );
    }

    /// `checked_utf16` must agree with the standard library exactly: the
    /// same verdict on every input, and the same code units when valid.
    fn agrees_with_std(bytes: &[u8], out: &mut Vec<u16>) {
        out.clear();
        out.push(7);
        let text = checked_utf16(bytes, out);
        assert_eq!(out[0], 7, "appends");
        match core::str::from_utf8(bytes) {
            Ok(expected) => {
                assert_eq!(text, Some(expected), "{bytes:x?}");
                if !bytes.is_ascii() {
                    assert!(
                        out[1..].iter().copied().eq(expected.encode_utf16()),
                        "{bytes:x?}"
                    );
                } else {
                    assert_eq!(out.len(), 1, "no units for ASCII");
                }
            }
            Err(_) => {
                assert_eq!(text, None, "{bytes:x?}");
                assert_eq!(out.len(), 1, "nothing left behind: {bytes:x?}");
            }
        }
    }

    #[test]
    fn every_text_kind_converts_like_the_standard_library() {
        let mut out = Vec::new();
        for text in [
            "",
            "a",
            "plain ASCII longer than eight bytes, with \"quotes\"",
            "olá, ¿qué tal? привет नमस्ते مرحبا 你好 こんにちは",
            "👍🏽 👨‍👩‍👧‍👦 🇧🇷 ❤️ \u{10ffff} \u{ffff} \u{800} \u{7ff} \u{80}",
            "12345678é12345678😀",
        ] {
            agrees_with_std(text.as_bytes(), &mut out);
        }
        let every_scalar: String = (0..=0x10ffffu32).filter_map(char::from_u32).collect();
        agrees_with_std(every_scalar.as_bytes(), &mut out);
    }

    /// The `unsafe` in `checked_utf16` rests on this: every byte sequence
    /// of up to three bytes, and every four-byte one whose last two bytes
    /// are at or next to a range boundary, gets the standard library's verdict,
    /// alone and between ASCII (so truncated sequences are met mid-text too).
    #[test]
    fn every_short_sequence_gets_the_standard_librarys_verdict() {
        let mut out = Vec::new();
        let mut framed = Vec::new();
        let mut check = |seq: &[u8]| {
            agrees_with_std(seq, &mut out);
            framed.clear();
            framed.push(b'a');
            framed.extend_from_slice(seq);
            framed.push(b'z');
            agrees_with_std(&framed, &mut out);
        };
        for b0 in 0..=255u8 {
            check(&[b0]);
            for b1 in 0..=255u8 {
                check(&[b0, b1]);
                for b2 in 0..=255u8 {
                    check(&[b0, b1, b2]);
                }
            }
        }
        let edges = [0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xff];
        for b0 in 0xc0..=0xffu8 {
            for b1 in 0..=255u8 {
                for b2 in edges {
                    for b3 in edges {
                        check(&[b0, b1, b2, b3]);
                    }
                }
            }
        }
    }

    /// The converter takes ASCII 8 bytes at a time after an ASCII byte: a
    /// sequence (well-formed or not, whole or cut short) must get the same
    /// verdict and units whatever run of ASCII comes before it (every length
    /// up to beyond two blocks) and whatever follows.
    #[test]
    fn sequences_after_ascii_runs_of_every_length() {
        let edges = [
            0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0,
            0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff,
        ];
        let mut sequences: Vec<Vec<u8>> = Vec::new();
        for b0 in edges {
            sequences.push(vec![b0]);
            for b1 in edges {
                sequences.push(vec![b0, b1]);
                for b2 in edges {
                    sequences.push(vec![b0, b1, b2]);
                    sequences.push(vec![b0, b1, b2, 0x80]);
                    sequences.push(vec![b0, b1, b2, 0xbf]);
                }
            }
        }
        sequences.extend(["é", "✅", "😀", "é😀✅ab"].map(|s| s.as_bytes().to_vec()));
        let mut out = Vec::new();
        let mut text = Vec::new();
        for sequence in &sequences {
            for before in 0..=18 {
                for after in [0, 1, 7, 8, 9, 17] {
                    text.clear();
                    text.extend((0..before).map(|k| b'a' + (k % 26) as u8));
                    text.extend_from_slice(sequence);
                    text.extend((0..after).map(|k| b'0' + (k % 10) as u8));
                    agrees_with_std(&text, &mut out);
                }
            }
        }
    }
}
