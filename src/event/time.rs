//! Points in time as the wire sends them (seconds or milliseconds, as
//! numbers, decimal strings or Long objects) and as events hand them out.

use crate::decimal::write_decimal;
use crate::prelude::*;

/// A point in time, kept as whole milliseconds since the epoch and shown
/// as unix seconds (`1763776803.123`). Integers end to end: the text is exact
/// and no float formatting code is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime {
    millis: i64,
}

/// Nothing in seconds is above this until the year 5138; anything above is
/// milliseconds (the wire uses both, depending on the event).
const MILLIS_ABOVE: i128 = 100_000_000_000;

impl UnixTime {
    /// From milliseconds since the epoch; `None` beyond i64.
    pub fn from_millis(millis: i128) -> Option<UnixTime> {
        i64::try_from(millis).ok().map(|millis| UnixTime { millis })
    }

    /// From a value that may be in seconds or in milliseconds.
    pub fn from_seconds_or_millis(value: i128) -> Option<UnixTime> {
        if value.abs() > MILLIS_ABOVE {
            UnixTime::from_millis(value)
        } else {
            UnixTime::from_millis(value * 1000)
        }
    }

    /// Milliseconds since the epoch, exact.
    pub fn millis(self) -> i64 {
        self.millis
    }

    /// Seconds since the epoch, as the JS package's `timestamp` has it.
    pub fn seconds(self) -> f64 {
        self.millis as f64 / 1000.0
    }

    /// [`seconds`](Self::seconds) when it is exactly what `JSON.parse` makes
    /// of [`seconds_text`](Self::seconds_text): up to 2^53 ms the division
    /// rounds once, as parsing the exact decimal does; beyond, the cast
    /// would round first.
    pub(crate) fn seconds_exactly(self) -> Option<f64> {
        (self.millis.unsigned_abs() <= 1 << 53).then(|| self.seconds())
    }

    /// Decimal seconds: `1763776803`, `1763776803.5`, `-1.25`.
    pub fn seconds_text(self) -> String {
        let mut text = Vec::new();
        self.write_seconds(&mut text);
        // Digits, '-' and '.' only: always UTF-8.
        String::from_utf8(text).unwrap_or_default()
    }

    /// Append [`seconds_text`](Self::seconds_text) to `out`.
    pub(crate) fn write_seconds(self, out: &mut Vec<u8>) {
        if self.millis < 0 {
            out.push(b'-');
        }
        let (whole, frac) = (
            self.millis.unsigned_abs() / 1000,
            self.millis.unsigned_abs() % 1000,
        );
        write_decimal(whole, out);
        if frac != 0 {
            // Three digits, trailing zeros cut: 100 → ".1", 5 → ".005".
            out.push(b'.');
            let digits = [frac / 100, frac / 10 % 10, frac % 10];
            let len = if digits[2] != 0 {
                3
            } else if digits[1] != 0 {
                2
            } else {
                1
            };
            out.extend(digits.iter().take(len).map(|&d| b'0' + d as u8));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_time_reads_seconds_or_millis_and_prints_exact_seconds() {
        let t = |v: i128| UnixTime::from_seconds_or_millis(v).unwrap();
        assert_eq!(t(1763776803).seconds_text(), "1763776803");
        assert_eq!(t(1763776803123).seconds_text(), "1763776803.123");
        assert_eq!(t(1763776803100).seconds_text(), "1763776803.1");
        assert_eq!(t(1763776803005).seconds_text(), "1763776803.005");
        assert_eq!(t(1763776803050).seconds_text(), "1763776803.05");
        assert_eq!(UnixTime::from_millis(-5).unwrap().seconds_text(), "-0.005");
        assert_eq!(
            UnixTime::from_millis(-1250).unwrap().seconds_text(),
            "-1.25"
        );
        assert_eq!(t(1763776803123).seconds(), 1763776803.123);
        assert_eq!(UnixTime::from_millis(u64::MAX as i128), None);
    }
}
