//! Whole numbers as decimal text, for error messages and timestamps.
//!
//! Why not `format!`: the formatting machinery is the largest thing the
//! standard library would put in the wasm, and this is all we need of it.

use crate::prelude::*;

/// `n` in decimal, e.g. `1763776803`.
pub fn decimal(n: u64) -> String {
    let mut text = Vec::new();
    write_decimal(n, &mut text);
    // Digits only: always UTF-8.
    String::from_utf8(text).unwrap_or_default()
}

/// Append `n` in decimal to `out`.
pub fn write_decimal(n: u64, out: &mut Vec<u8>) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = n;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend_from_slice(digits.get(start..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::decimal;

    #[test]
    fn matches_display() {
        for n in [0, 1, 9, 10, 99, 100, 1_763_776_803, u64::MAX] {
            assert_eq!(decimal(n), n.to_string());
        }
    }
}
