//! The `standard_webhooks` target: the whole Standard Webhooks header path
//! (`Webhook::verify_at` / `handle_at` with `webhook-id`,
//! `webhook-timestamp` and `webhook-signature`) against an oracle written
//! here from the specification, independently of src/verify.rs: which
//! header is missing or malformed, whether the timestamp is within the
//! window (both bounds inclusive), and which secret, if any, signed
//! `id.timestamp.body`, with the HMAC computed by the `hmac` crate.

use arbitrary::Arbitrary;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use wasender_webhook::{
    parse_event, ErrorCode, Options, Scheme, Secret, SignedHeaders, Tolerance, Webhook,
    MAX_SIGNATURE_LEN,
};

use crate::checks::base64;

#[derive(Arbitrary, Debug)]
pub struct StandardInput<'a> {
    /// Up to three; each non-empty (an empty one is a configuration error,
    /// which the `handle` target covers).
    pub secrets: Vec<KeyInput>,
    pub id: Option<String>,
    pub timestamp: TimestampInput,
    /// Up to four entries, joined by spaces.
    pub entries: Vec<EntryInput>,
    pub tolerance: ToleranceInput,
    /// Seconds since the epoch.
    pub now: u32,
    pub body: &'a [u8],
}

#[derive(Arbitrary, Debug)]
pub enum KeyInput {
    /// `whsec_` and the base64 of these bytes.
    Whsec(Vec<u8>),
    /// The key's bytes as given (not starting with `whsec_`).
    Raw(Vec<u8>),
}

#[derive(Arbitrary, Debug)]
pub enum TimestampInput {
    None,
    /// `now + offset`, written plainly.
    Offset(i32),
    /// Any text.
    Raw(String),
}

#[derive(Arbitrary, Debug)]
pub enum EntryInput {
    /// `v1,` and the base64 of the MAC of that secret (index modulo the count).
    V1(u8),
    /// The same MAC under another version, which is skipped.
    OtherVersion(u8),
    /// A v1 MAC with one bit flipped.
    Flipped { secret: u8, bit: u8 },
    /// Any text.
    Raw(String),
}

#[derive(Arbitrary, Debug)]
pub enum ToleranceInput {
    Default,
    /// Each side at least 1 second (a zero window is refused when the hook
    /// is made, which src/verify.rs tests).
    Within {
        past: u16,
        future: u16,
    },
    Unchecked,
}

/// One input: build the hook, verify, and hold the answer to the oracle.
pub fn check(input: &StandardInput<'_>) {
    let keys: Vec<(Vec<u8>, Vec<u8>)> = input
        .secrets
        .iter()
        .take(3)
        .filter_map(|k| match k {
            KeyInput::Whsec(key) if !key.is_empty() => Some((
                format!("whsec_{}", base64(key, false, true)).into_bytes(),
                key.clone(),
            )),
            KeyInput::Raw(key) if !key.is_empty() && !key.starts_with(b"whsec_") => {
                Some((key.clone(), key.clone()))
            }
            _ => None,
        })
        .collect();
    if keys.is_empty() {
        return;
    }
    let tolerance = match input.tolerance {
        ToleranceInput::Default => Tolerance::default(),
        ToleranceInput::Within { past, future } => Tolerance::Within {
            past: u64::from(past.max(1)),
            future: u64::from(future.max(1)),
        },
        ToleranceInput::Unchecked => Tolerance::Unchecked,
    };
    let hook = Webhook::new(Options {
        secrets: keys
            .iter()
            .map(|(given, _)| Secret::from(given.clone()))
            .collect(),
        scheme: Scheme::StandardWebhooks,
        tolerance,
        ..Options::default()
    })
    .expect("non-empty keys and a non-zero window make a hook");

    let now = u64::from(input.now);
    let timestamp = match &input.timestamp {
        TimestampInput::None => None,
        TimestampInput::Offset(offset) => Some(
            (i64::from(input.now) + i64::from(*offset))
                .max(0)
                .to_string(),
        ),
        TimestampInput::Raw(text) => Some(text.clone()),
    };
    let id = input.id.clone();
    let mac = |secret: u8| -> Option<[u8; 32]> {
        let (_, key) = &keys[usize::from(secret) % keys.len()];
        let (id, timestamp) = (id.as_deref()?, timestamp.as_deref()?);
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).expect("any key length");
        mac.update(format!("{id}.{timestamp}.").as_bytes());
        mac.update(input.body);
        Some(mac.finalize().into_bytes().into())
    };
    let mut signed_by = Vec::new(); // the keys of the valid v1 entries
    let entries: Vec<String> = input
        .entries
        .iter()
        .take(4)
        .map(|entry| match entry {
            EntryInput::V1(secret) => match mac(*secret) {
                Some(tag) => {
                    signed_by.push(keys[usize::from(*secret) % keys.len()].1.clone());
                    format!("v1,{}", base64(&tag, false, true))
                }
                None => "v1,".into(),
            },
            EntryInput::OtherVersion(secret) => {
                format!(
                    "v2,{}",
                    base64(&mac(*secret).unwrap_or_default(), false, true)
                )
            }
            EntryInput::Flipped { secret, bit } => {
                let mut tag = mac(*secret).unwrap_or_default();
                tag[usize::from(bit / 8) % 32] ^= 1 << (bit % 8);
                format!("v1,{}", base64(&tag, false, true))
            }
            EntryInput::Raw(text) => text.clone(),
        })
        .collect();
    let signature = (!input.entries.is_empty()).then(|| entries.join(" "));
    let headers =
        SignedHeaders::standard(id.as_deref(), timestamp.as_deref(), signature.as_deref());

    let got = hook.verify_at(input.body, &headers, now);
    let expected = oracle(&keys, &headers, tolerance, now, &signed_by);
    match (&got, &expected) {
        (Ok(i), Ok(j)) => assert_eq!(i, j, "matched another secret"),
        (Err(e), Err(code)) => {
            assert_eq!(e.code(), *code, "{e}");
            assert_eq!(e.status(), 401);
        }
        // An arbitrary entry could only verify by forging the MAC.
        (Ok(_), Err(ErrorCode::InvalidSignature))
            if entries.iter().any(|e| e.starts_with("v1,")) =>
        {
            panic!("verified without a v1 entry made with a key: {headers:?}")
        }
        _ => panic!("got {got:?}, expected {expected:?} for {headers:?}"),
    }
    // handle_at is verify_at, then parse_event.
    let handled = hook.handle_at(input.body, &headers, now).map(|e| e.name());
    let want = got.and_then(|_| parse_event(input.body)).map(|e| e.name());
    assert_eq!(handled.map_err(|e| e.code()), want.map_err(|e| e.code()));
}

/// What the specification says the answer is.
fn oracle(
    keys: &[(Vec<u8>, Vec<u8>)],
    headers: &SignedHeaders<'_>,
    tolerance: Tolerance,
    now: u64,
    signed_by: &[Vec<u8>],
) -> Result<usize, ErrorCode> {
    let present = |value: Option<&str>| match value {
        None | Some("") => Err(ErrorCode::MissingSignature),
        Some(v) if v.len() > MAX_SIGNATURE_LEN => Err(ErrorCode::InvalidSignature),
        Some(v) => Ok(v.to_owned()),
    };
    let signature = present(headers.signature)?;
    present(headers.id)?;
    let timestamp = present(headers.timestamp)?;
    // Whole seconds, written plainly: 1 to 19 digits, no sign, no leading zero.
    let plain = !timestamp.is_empty()
        && timestamp.len() <= 19
        && timestamp.bytes().all(|b| b.is_ascii_digit())
        && (timestamp == "0" || !timestamp.starts_with('0'));
    if !plain {
        return Err(ErrorCode::InvalidSignature);
    }
    let seconds: u64 = timestamp.parse().expect("19 digits fit a u64");
    if let Tolerance::Within { past, future } = tolerance {
        if seconds < now.saturating_sub(past) {
            return Err(ErrorCode::TimestampTooOld);
        }
        if seconds > now.saturating_add(future) {
            return Err(ErrorCode::TimestampTooNew);
        }
    }
    let _ = signature;
    let signers: Vec<Vec<u8>> = signed_by.iter().map(|k| hmac_key(k)).collect();
    keys.iter()
        .position(|(_, key)| signers.contains(&hmac_key(key)))
        .ok_or(ErrorCode::InvalidSignature)
}

/// The key HMAC really uses (RFC 2104): a key longer than SHA-256's block is
/// hashed first, and a shorter one is padded with zeros, so two keys that
/// differ only by trailing zero bytes make the same MACs.
fn hmac_key(key: &[u8]) -> Vec<u8> {
    use sha2::Digest;
    let mut key = if key.len() > 64 {
        Sha256::digest(key).to_vec()
    } else {
        key.to_vec()
    };
    while key.last() == Some(&0) {
        key.pop();
    }
    key
}
