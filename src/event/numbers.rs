//! Numbers as the wire writes them: decimal text read exactly as integers
//! (whole numbers, and seconds scaled to milliseconds), with no float
//! parsing or printing code (it is large in wasm).

/// An integer in JSON number or decimal-string syntax; a fraction or
/// exponent only when the value is still whole (`1.0`, `1e3`).
pub fn parse_integer(text: &str) -> Option<i128> {
    parse_scaled(text, 0, false)
}

/// `text × 10^scale` as an integer, for decimal text of magnitude below
/// 2^64 (after scaling). With `truncate`, digits below the scale are dropped;
/// without, they must be zeros. Done in integers so that no float parsing or
/// printing code is needed (it is large in wasm), and exact.
pub fn parse_scaled(text: &str, scale: i32, truncate: bool) -> Option<i128> {
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // Plain digits, as nearly every timestamp, length and id is: one pass
    // (19 digits always fit a u64) instead of splitting the text three
    // ways first, which made this a few per cent of a delivery's wasm time.
    if (1..=19).contains(&rest.len()) && scale >= 0 {
        let mut value: u64 = 0;
        let mut plain = true;
        for b in rest.bytes() {
            plain &= b.is_ascii_digit();
            value = value
                .wrapping_mul(10)
                .wrapping_add(u64::from(b.wrapping_sub(b'0')));
        }
        if plain {
            for _ in 0..scale {
                value = value.checked_mul(10)?;
            }
            let value = i128::from(value);
            return Some(if negative { -value } else { value });
        }
    }
    let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i32>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let is_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty()
        || !is_digits(int)
        || (mantissa.contains('.') && frac.is_empty())
        || !is_digits(frac)
    {
        return None;
    }
    // The value is the digits of `int` and `frac` read as one integer, times
    // 10^shift. A negative shift drops that many trailing digits.
    let shift = exponent
        .checked_add(scale)?
        .checked_sub(i32::try_from(frac.len()).ok()?)?;
    let digits = int.len() + frac.len();
    let kept = match usize::try_from(shift.checked_neg()?) {
        Ok(dropped) => digits.saturating_sub(dropped),
        Err(_) => digits, // shift ≥ 0
    };
    let mut value: u64 = 0;
    for (i, d) in int.bytes().chain(frac.bytes()).enumerate() {
        if i < kept {
            value = value.checked_mul(10)?.checked_add(u64::from(d - b'0'))?;
        } else if d != b'0' && !truncate {
            return None;
        }
    }
    // Zero stays zero whatever the exponent; anything else overflows u64
    // within 20 steps, so this loop is short.
    let mut up = shift.max(0);
    while up > 0 && value != 0 {
        value = value.checked_mul(10)?;
        up -= 1;
    }
    let value = i128::from(value);
    Some(if negative { -value } else { value })
}
