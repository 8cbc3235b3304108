//! Finding where a run of plain string text ends, eight bytes at a time.
//!
//! The parser and the writer both walk string text looking for the only
//! bytes JSON treats specially inside a string: `"`, `\` and control
//! characters. Message text is most of a body, so this loop is most of the
//! parse; testing a u64 word per step (wasm has 64-bit integers, and SIMD
//! would cost the size budget) takes ~8× fewer steps than a byte loop.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` that is below `n` (n ≤ 0x80). Only
/// the lowest flag is exact: a borrow can flag bytes above it, which is all
/// the caller reads.
const fn bytes_below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(ONES * n as u64) & !word & HIGHS
}

/// Flags bytes of `word` equal to `b`, with the same caveat.
const fn bytes_equal(word: u64, b: u8) -> u64 {
    bytes_below(word ^ (ONES * b as u64), 1)
}

/// The index of the first `"`, `\` or control character in `s`, or
/// `s.len()` if there is none. Bytes of multi-byte UTF-8 characters (all
/// ≥ 0x80) are plain text.
pub fn plain_run(s: &[u8]) -> usize {
    let mut words = s.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut words {
        // A fixed-size read, not copy_from_slice: that one stays a call to
        // memcpy per word in the wasm.
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let word = u64::from_le_bytes(bytes);
        let special = bytes_below(word, 0x20) | bytes_equal(word, b'"') | bytes_equal(word, b'\\');
        if special != 0 {
            return at + (special.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let tail = words.remainder();
    at + tail
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(tail.len())
}

#[cfg(test)]
mod tests {
    use super::plain_run;

    fn naive(s: &[u8]) -> usize {
        s.iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(s.len())
    }

    #[test]
    fn agrees_with_a_byte_loop_at_every_position_and_byte() {
        // Every special and boundary byte, at every offset of a 20-byte
        // run, after plain ASCII, after non-ASCII and after bytes that
        // borrow in the word arithmetic (0x00, 0x20, 0x21, 0x80, 0xff).
        let fills: [&[u8]; 4] = [b"a", "é".as_bytes(), b"\x21", b"\xff"];
        for fill in fills {
            for len in 0..20 {
                let mut s: Vec<u8> = fill.iter().copied().cycle().take(len).collect();
                assert_eq!(plain_run(&s), naive(&s));
                for b in [
                    0x00, 0x1f, 0x20, b'"', b'\\', b'!', b'#', b'[', b']', 0x7f, 0x80, 0xff,
                ] {
                    for at in 0..len {
                        let saved = s[at];
                        s[at] = b;
                        assert_eq!(plain_run(&s), naive(&s), "{s:?}");
                        // A second special byte after the first one.
                        if at + 1 < len {
                            let next = s[at + 1];
                            s[at + 1] = b'"';
                            assert_eq!(plain_run(&s), naive(&s), "{s:?}");
                            s[at + 1] = next;
                        }
                        s[at] = saved;
                    }
                }
            }
        }
    }
}
