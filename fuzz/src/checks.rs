//! What the fuzz targets check, written once: `fuzz_targets/*.rs` call these
//! on what libFuzzer makes up, and `tests/fuzz_regressions.rs` (plain
//! `cargo test`) calls them on the seeds and on every input the fuzzer has
//! failed on (`tests/data/fuzz/<target>/`). Every check panics on a finding.
//!
//! Only the crate, std and serde_json (a dev-dependency of the root crate)
//! are used here, so the test suite compiles this without the fuzzer's own
//! crates; what needs `arbitrary` is in `lib.rs`.

#![allow(dead_code)] // each includer uses a different part

use std::fmt::Write as _;

use serde_json::Value;
use wasender_webhook::__private::{
    self as json, decode_hmac_sha256_tag, sign_hmac_sha256, to_hex, ParseError, MAX_DEPTH, TAG_LEN,
};
use wasender_webhook::json::Json;
use wasender_webhook::{
    parse_event, parse_event_text, ErrorCode, Event, Options, Scheme, Secret, Webhook, WebhookError,
};

// `tape_to_json` and `same`, as tests/no_panic.rs uses them.
#[path = "../../tests/common/mod.rs"]
mod common;

// ---------------------------------------------------------------------------
// parse_event: arbitrary bytes as a body.

/// Arbitrary bytes as a delivery body: the parser and `parse_event` agree
/// with each other, with the text entry point and, on what both accept, with
/// serde_json; an event hands out everything it has without panicking, and
/// what it derives is JSON that the tape (the wasm's form) reads back as.
pub fn parse_event_body(data: &[u8]) {
    let tree = json::parse(data);
    let event = parse_event(data);

    // The envelope check sees exactly the parser's verdict.
    match (&tree, &event) {
        (Err(_), Ok(_)) => panic!("parse_event accepted what json::parse refuses"),
        (Err(_), Err(e)) => assert_eq!(e.code(), ErrorCode::InvalidJson, "{e}"),
        (Ok(_), Err(e)) => assert_eq!(e.code(), ErrorCode::InvalidPayload, "{e}"),
        (Ok(_), Ok(_)) => {}
    }
    if let Err(e) = &event {
        assert_eq!(e.status(), 400);
        assert!(
            e.message().starts_with("invalid JSON: ")
                || e.message().starts_with("invalid payload: "),
            "{e}"
        );
    }

    // The entry point for text (the wasm's) gives the same answer.
    match std::str::from_utf8(data) {
        Ok(text) => match (&event, &parse_event_text(text)) {
            (Ok(a), Ok(b)) => assert!(a == b, "parse_event_text made another event"),
            (Err(a), Err(b)) => assert_eq!(a, b),
            (a, b) => panic!(
                "parse_event {:?} but parse_event_text {:?}",
                a.is_ok(),
                b.is_ok()
            ),
        },
        Err(_) => assert!(tree.is_err(), "a body that is not UTF-8 parsed"),
    }

    let serde_accepts = differential(data, &tree);

    // The writer's text reads back as the same tree (lone surrogates, the
    // number text and the members' order included).
    if let Ok(tree) = &tree {
        let text = tree.to_json_string();
        let back =
            json::parse(text.as_bytes()).expect("to_json_string wrote what json::parse refuses");
        assert_eq!(
            tree, &back,
            "to_json_string does not read back as the same tree"
        );
    }

    if let Ok(event) = &event {
        exercise_event(event, data, serde_accepts);
    }
}

/// Everything an event hands out, with what must hold of it.
fn exercise_event(event: &Event<'_>, data: &[u8], serde_accepts_body: bool) {
    assert!(!event.received_name().is_empty());
    assert_eq!(event.kind().name(), event.name());
    let _ = (
        event.data(),
        event.body().len(),
        event.session_id(),
        event.timestamp(),
    );
    let _ = format!("{event:?}");
    let typed = event.typed();
    let _ = format!("{typed:?}");
    let _ = format!(
        "{:?}{:?}{:?}{:?}",
        event.messages(),
        event.statuses(),
        event.reactions(),
        event.session_status()
    );
    if let Some(t) = event.timestamp().map(|t| t.seconds()) {
        assert!(t.is_finite(), "timestamp {t}");
    }

    let derived = event.derived_json();
    let parsed = json::parse(derived.as_bytes()).expect("derived_json is not JSON");
    assert_eq!(
        parsed.get("event").and_then(Json::as_str),
        Some(event.name()),
        "derived_json names another event"
    );
    if serde_accepts_body {
        // Numbers out of f64's range and lone surrogates can only come from
        // the body; without them, the output is JSON to anyone.
        if let Err(e) = serde_json::from_str::<Value>(&derived) {
            panic!("serde_json refuses derived_json ({e}): {derived}");
        }
    }

    // The wasm's form of the same thing reads back as the same JSON.
    let tape = event.derived_tape();
    let text = std::str::from_utf8(data).expect("an accepted body is UTF-8");
    let (read, _) = common::tape_to_json(&tape, text);
    let read = json::parse(read.as_bytes()).expect("the tape does not read as JSON");
    assert!(
        common::same(&read, &parsed),
        "the tape and derived_json differ"
    );
}

/// serde_json against our parser on the same bytes; whether serde_json
/// accepts them. The documented differences are the only ones allowed:
/// we read lone surrogates (as JSON.parse does), numbers beyond f64 (as
/// Infinity), and one level deeper (our MAX_DEPTH is 128 containers,
/// serde_json stops at its 128th). Whether the body has them is read from
/// its text, not from the tree: a repeated key drops the earlier value.
fn differential(data: &[u8], ours: &Result<Json<'_>, ParseError>) -> bool {
    let theirs = serde_json::from_slice::<Value>(data);
    match (ours, &theirs) {
        (Ok(a), Ok(b)) => {
            if let Some(at) = disagreement(a, b) {
                panic!("json::parse and serde_json read different values at {at}");
            }
        }
        (Err(e), Ok(_)) => {
            if source_facts(data).depth < MAX_DEPTH {
                panic!("serde_json accepts what json::parse refuses: {e}");
            }
        }
        (Ok(_), Err(e)) => {
            let why = e.to_string();
            let facts = source_facts(data);
            let documented = if why.starts_with("number out of range") {
                facts.huge_number
            } else if why.starts_with("lone leading surrogate in hex escape")
                || why.starts_with("unexpected end of hex escape")
            {
                facts.lone_surrogate
            } else if why.starts_with("recursion limit exceeded") {
                facts.depth >= MAX_DEPTH
            } else {
                false
            };
            assert!(
                documented,
                "json::parse accepts what serde_json refuses: {why}"
            );
        }
        (Err(_), Err(_)) => {}
    }
    theirs.is_ok()
}

/// What a JSON text holds anywhere, overwritten members included.
#[derive(Debug, Default)]
struct SourceFacts {
    /// The deepest nesting of containers.
    depth: usize,
    /// A `\u` escape of a surrogate without its other half.
    lone_surrogate: bool,
    /// A number at or beyond f64's largest.
    huge_number: bool,
}

/// Reads [`SourceFacts`] off a text that is JSON (which json::parse vouched for).
fn source_facts(text: &[u8]) -> SourceFacts {
    let mut facts = SourceFacts::default();
    let (mut i, mut depth) = (0, 0usize);
    while i < text.len() {
        match text[i] {
            b'"' => {
                i += 1;
                // The previous code unit was a high surrogate awaiting its low.
                let mut high = false;
                while i < text.len() && text[i] != b'"' {
                    let mut unit = None;
                    if text[i] == b'\\' {
                        if text.get(i + 1) == Some(&b'u') {
                            unit = text
                                .get(i + 2..i + 6)
                                .and_then(|h| std::str::from_utf8(h).ok())
                                .and_then(|h| u16::from_str_radix(h, 16).ok());
                            i += 6;
                        } else {
                            i += 2;
                        }
                    } else {
                        i += 1;
                    }
                    match unit {
                        Some(0xDC00..=0xDFFF) if high => high = false,
                        Some(0xDC00..=0xDFFF) => facts.lone_surrogate = true,
                        _ => {
                            facts.lone_surrogate |= high;
                            high = matches!(unit, Some(0xD800..=0xDBFF));
                        }
                    }
                }
                facts.lone_surrogate |= high;
                i += 1;
            }
            b'[' | b'{' => {
                depth += 1;
                facts.depth = facts.depth.max(depth);
                i += 1;
            }
            b']' | b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < text.len()
                    && matches!(text[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                {
                    i += 1;
                }
                let number = std::str::from_utf8(&text[start..i])
                    .ok()
                    .and_then(|n| n.parse::<f64>().ok());
                facts.huge_number |= number.is_some_and(|x| x.is_infinite() || x.abs() >= 1e308);
            }
            _ => i += 1,
        }
    }
    facts
}

/// Where two readings of one body differ (a path), if they do.
fn disagreement(ours: &Json<'_>, theirs: &Value) -> Option<String> {
    let same = match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::Number(_), Value::Number(b)) => {
            // Ours is the correctly rounded f64 (JavaScript's); serde_json's
            // default float parsing may be one ulp off.
            let (a, b) = (
                ours.as_f64().unwrap_or(f64::NAN),
                b.as_f64().unwrap_or(f64::NAN),
            );
            a == b
                || (a - b).abs() <= a.abs().max(b.abs()) * 1e-15
                || (a - b).abs() <= f64::MIN_POSITIVE
        }
        (Json::String(a), Value::String(b)) => !a.has_lone_surrogates() && a.as_str() == b,
        (Json::Array(a), Value::Array(b)) => {
            if a.len() != b.len() {
                return Some(format!("an array ({} or {} items)", a.len(), b.len()));
            }
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                if let Some(at) = disagreement(x, y) {
                    return Some(format!("[{i}]{at}"));
                }
            }
            true
        }
        (Json::Object(a), Value::Object(b)) => {
            // Both keep one member per key, with the last value.
            if a.len() != b.len() {
                return Some(format!("an object ({} or {} members)", a.len(), b.len()));
            }
            for (k, x) in a.iter() {
                let Some(y) = b.get(k.as_str()) else {
                    return Some(format!(".{:?} (missing)", k.as_str()));
                };
                if let Some(at) = disagreement(x, y) {
                    return Some(format!(".{:?}{at}", k.as_str()));
                }
            }
            true
        }
        _ => false,
    };
    (!same).then(|| format!(" ({} or {})", ours.type_phrase(), theirs))
}

// ---------------------------------------------------------------------------
// signature: arbitrary text as a signature header.

/// Arbitrary bytes as a signature header (their longest UTF-8 prefix, as
/// libFuzzer's `&str` input is made): the decoder never panics, agrees with
/// an independent reading of the spellings it documents, and every
/// spelling of a tag it finds decodes to that tag again.
pub fn signature_header(data: &[u8]) {
    let header = utf8_prefix(data);
    let tag = decode_hmac_sha256_tag(header);
    assert_eq!(tag, reference_tag(header), "{header:?}");
    if let Some(tag) = tag {
        assert_eq!(
            decode_hmac_sha256_tag(&to_hex(&tag)),
            Some(tag),
            "{header:?} as lower-case hex"
        );
        for spelling in 0..SPELLINGS {
            let again = spell(&tag, spelling);
            assert_eq!(
                decode_hmac_sha256_tag(&again),
                Some(tag),
                "{header:?} spelled {again:?}"
            );
        }
    }
}

/// The longest prefix that is UTF-8.
pub fn utf8_prefix(data: &[u8]) -> &str {
    match std::str::from_utf8(data) {
        Ok(text) => text,
        Err(e) => std::str::from_utf8(&data[..e.valid_up_to()]).unwrap_or_default(),
    }
}

/// How many ways [`spell`] writes a tag.
pub const SPELLINGS: usize = 9;

/// One of the spellings of a tag that relays use: hex in either case,
/// base64 standard or URL-safe, padded or not, some with `sha256=`.
pub fn spell(tag: &[u8; TAG_LEN], spelling: usize) -> String {
    let hex = to_hex(tag);
    match spelling % SPELLINGS {
        0 => hex,
        1 => hex.to_uppercase(),
        2 => format!("sha256={hex}"),
        3 => format!("SHA256={}", hex.to_uppercase()),
        4 => base64(tag, false, true),
        5 => base64(tag, false, false),
        6 => base64(tag, true, true),
        7 => base64(tag, true, false),
        _ => format!("Sha256={}", base64(tag, false, true)),
    }
}

pub fn base64(bytes: &[u8], url: bool, padded: bool) -> String {
    let alphabet: &[u8; 64] = if url {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    } else {
        b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    };
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(alphabet[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
        if padded {
            out.push_str(&"=="[..3 - chunk.len()]);
        }
    }
    out
}

/// The documented reading of a header, written independently of the
/// crate's: an optional `sha256=` in any case, then 64 hex digits, or 43
/// base64 characters (either alphabet, even mixed) with at most one `=`
/// after them and the unused low bits zero.
fn reference_tag(header: &str) -> Option<[u8; TAG_LEN]> {
    let bytes = header.as_bytes();
    let text = match bytes.get(..7) {
        Some(head) if head.eq_ignore_ascii_case(b"sha256=") => &bytes[7..],
        _ => bytes,
    };
    let mut tag = [0u8; TAG_LEN];
    match text.len() {
        64 => {
            let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
            for (i, pair) in text.chunks(2).enumerate() {
                tag[i] = (digit(pair[0])? << 4) | digit(pair[1])?;
            }
        }
        43 | 44 => {
            let text = if text.len() == 44 {
                text.strip_suffix(b"=")?
            } else {
                text
            };
            let sextet = |c: u8| match c {
                b'A'..=b'Z' => Some(c - b'A'),
                b'a'..=b'z' => Some(c - b'a' + 26),
                b'0'..=b'9' => Some(c - b'0' + 52),
                b'+' | b'-' => Some(62),
                b'/' | b'_' => Some(63),
                _ => None,
            };
            let mut bits = 0u32;
            let mut held = 0;
            let mut out = 0;
            for &c in text {
                bits = (bits << 6) | u32::from(sextet(c)?);
                held += 6;
                if held >= 8 {
                    held -= 8;
                    tag[out] = (bits >> held) as u8;
                    out += 1;
                    bits &= (1 << held) - 1;
                }
            }
            // 43 characters are 258 bits: 32 bytes and two that must be 0.
            if out != TAG_LEN || bits != 0 {
                return None;
            }
        }
        _ => return None,
    }
    Some(tag)
}

// ---------------------------------------------------------------------------
// handle: a configuration, a body and a signature.

/// One call of the whole pipeline. The fuzzer makes these from arbitrary
/// bytes (`lib.rs`); regression files hold them as JSON ([`Self::to_json`]).
#[derive(Debug, Clone, PartialEq)]
pub struct HandleCase {
    /// Any bytes; empty ones are a configuration mistake the hook refuses.
    pub secrets: Vec<Vec<u8>>,
    pub scheme: Scheme,
    pub max_body_bytes: usize,
    pub signature: Signature,
    pub body: Vec<u8>,
}

/// Where the signature header comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Signature {
    /// No header.
    None,
    /// Any text.
    Raw(String),
    /// The secret at this index (modulo the count) as text: what WasenderAPI
    /// sends.
    Secret(usize),
    /// HMAC-SHA256(that secret, body), in one of the [`spell`]ings.
    Hmac { secret: usize, spelling: usize },
}

impl HandleCase {
    fn secret(&self, i: usize) -> Option<&[u8]> {
        let n = self.secrets.len();
        (n > 0).then(|| self.secrets[i % n].as_slice())
    }

    /// The header sent.
    pub fn header(&self) -> Option<String> {
        match &self.signature {
            Signature::None => None,
            Signature::Raw(text) => Some(text.clone()),
            Signature::Secret(i) => self
                .secret(*i)
                .map(|s| String::from_utf8_lossy(s).into_owned()),
            Signature::Hmac { secret, spelling } => self
                .secret(*secret)
                .map(|s| spell(&sign_hmac_sha256(s, &self.body), *spelling)),
        }
    }

    /// Whether the header was made from a configured secret the way the
    /// scheme says (and could be sent: a header is text).
    fn genuine(&self) -> bool {
        match (&self.signature, self.scheme) {
            (Signature::Secret(i), Scheme::Wasender) => self
                .secret(*i)
                .is_some_and(|s| !s.is_empty() && std::str::from_utf8(s).is_ok()),
            (Signature::Hmac { secret, .. }, Scheme::HmacSha256) => {
                self.secret(*secret).is_some_and(|s| !s.is_empty())
            }
            _ => false,
        }
    }

    /// The index of the first secret the header matches, worked out the
    /// slow, obvious way.
    fn first_match(&self, header: Option<&str>) -> Option<usize> {
        let header = header.filter(|h| !h.is_empty())?;
        match self.scheme {
            Scheme::Wasender => self
                .secrets
                .iter()
                .position(|s| s.as_slice() == header.as_bytes()),
            Scheme::HmacSha256 => {
                let tag = decode_hmac_sha256_tag(header)?;
                self.secrets
                    .iter()
                    .position(|s| sign_hmac_sha256(s, &self.body) == tag)
            }
            // A signature alone lacks the webhook-id and -timestamp headers.
            _ => None,
        }
    }

    fn options(&self, secrets: &[Vec<u8>]) -> Options {
        Options {
            secrets: secrets.iter().map(|s| Secret::from(s.as_slice())).collect(),
            scheme: self.scheme,
            max_body_bytes: self.max_body_bytes,
            ..Options::default()
        }
    }

    /// The case as a regression file holds it.
    pub fn to_json(&self) -> String {
        let signature = match &self.signature {
            Signature::None => Value::Null,
            Signature::Raw(text) => serde_json::json!({ "raw": text }),
            Signature::Secret(i) => serde_json::json!({ "secret": i }),
            Signature::Hmac { secret, spelling } => {
                serde_json::json!({ "hmac": secret, "spelling": spelling })
            }
        };
        let value = serde_json::json!({
            "secrets_hex": self.secrets.iter().map(|s| to_hex(s)).collect::<Vec<_>>(),
            "scheme": self.scheme.as_str(),
            "max_body_bytes": self.max_body_bytes,
            "signature": signature,
            "body_hex": to_hex(&self.body),
            "body_text": String::from_utf8_lossy(&self.body),
        });
        serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
    }

    /// A regression file's case (`body_text` is only there to read).
    pub fn from_json(text: &str) -> HandleCase {
        let v: Value = serde_json::from_str(text).expect("a handle case is JSON");
        let hex = |v: &Value| from_hex(v.as_str().expect("hex text"));
        let index = |v: &Value| v.as_u64().expect("an index") as usize;
        let s = &v["signature"];
        HandleCase {
            secrets: v["secrets_hex"]
                .as_array()
                .expect("secrets_hex")
                .iter()
                .map(hex)
                .collect(),
            scheme: v["scheme"]
                .as_str()
                .unwrap_or_default()
                .parse::<Scheme>()
                .expect("a scheme"),
            max_body_bytes: v["max_body_bytes"].as_u64().expect("max_body_bytes") as usize,
            signature: if s.is_null() {
                Signature::None
            } else if let Some(text) = s.get("raw") {
                Signature::Raw(text.as_str().expect("raw text").to_owned())
            } else if let Some(i) = s.get("secret") {
                Signature::Secret(index(i))
            } else {
                Signature::Hmac {
                    secret: index(&s["hmac"]),
                    spelling: index(&s["spelling"]),
                }
            },
            body: hex(&v["body_hex"]),
        }
    }
}

fn from_hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
        .collect()
}

/// Placeholder secrets of the same count and lengths (letters only): a
/// configuration that fails or succeeds as the real one does, but whose
/// messages cannot contain the real secrets.
fn placeholders(secrets: &[Vec<u8>]) -> Vec<Vec<u8>> {
    secrets
        .iter()
        .enumerate()
        .map(|(i, s)| {
            (0..s.len())
                .map(|j| b'a' + ((i * 7 + j) % 26) as u8)
                .collect()
        })
        .collect()
}

/// The header a sender without the secrets would send in its place: as
/// long, and no match for any placeholder secret or HMAC.
fn placeholder_header(header: Option<&str>) -> Option<String> {
    header.map(|h| "-".repeat(h.len()))
}

/// The whole pipeline on one case: nothing panics; a genuine signature on
/// a body within the limit verifies, and whatever verifies really matches
/// (the first secret that does); the entry points agree; and every error
/// has a message, the same one a configuration of placeholder secrets and
/// header gets (so no secret or signature can be in it).
pub fn handle_case(case: &HandleCase) {
    let header = case.header();
    let sig = header.as_deref();
    let body = case.body.as_slice();
    let within = body.len() <= case.max_body_bytes;
    let placeholder = placeholder_header(sig);
    let placeholder_sig = placeholder.as_deref();
    let stand_in = Webhook::new(case.options(&placeholders(&case.secrets)));

    // What must be refused, and what must be taken (within the documented
    // ranges, whatever their exact bounds).
    let no_secret = case.secrets.is_empty() || case.secrets.iter().any(Vec::is_empty);
    let must_refuse = case.max_body_bytes == 0 || no_secret;
    let must_take = !must_refuse
        && case.max_body_bytes <= wasender_webhook::DEFAULT_MAX_BODY_BYTES
        && case.secrets.iter().all(|s| s.len() <= 64);
    let hook = match Webhook::new(case.options(&case.secrets)) {
        Ok(hook) => hook,
        Err(e) => {
            assert!(!must_take, "a valid configuration was refused: {e}");
            match e.code() {
                ErrorCode::MissingSecret => assert!(no_secret, "{e}"),
                ErrorCode::InvalidOptions => {}
                _ => panic!("Webhook::new: {e}"),
            }
            assert_clean(&e, stand_in.err().as_ref(), case, sig);
            return;
        }
    };
    assert!(
        !must_refuse,
        "the hook took a configuration it should refuse"
    );
    let stand_in = stand_in.expect("placeholder secrets configure as the real ones do");
    assert_eq!(
        (hook.scheme(), hook.secret_count(), hook.max_body_bytes()),
        (case.scheme, case.secrets.len(), case.max_body_bytes)
    );

    // The size checks.
    assert_eq!(hook.check_body_size(body.len()).is_ok(), within);
    assert_eq!(hook.check_min_body_size(body.len()).is_ok(), within);
    assert!(hook.check_body_size(case.max_body_bytes).is_ok());
    if let Some(over) = case.max_body_bytes.checked_add(1) {
        let e = hook
            .check_body_size(over)
            .expect_err("one byte over the limit");
        assert_clean(&e, stand_in.check_body_size(over).err().as_ref(), case, sig);
        let e = hook
            .check_min_body_size(over)
            .expect_err("one byte over the limit");
        assert_clean(
            &e,
            stand_in.check_min_body_size(over).err().as_ref(),
            case,
            sig,
        );
    }

    // Verification.
    let verified = hook.verify(body, sig);
    match &verified {
        Ok(i) => {
            assert!(within, "verified a body over the limit");
            assert_eq!(
                case.first_match(sig),
                Some(*i),
                "verified, but not by the first secret that matches"
            );
        }
        Err(e) => {
            assert!(
                !(case.genuine() && within),
                "a genuine signature was refused: {e}"
            );
            let expected = if !within {
                ErrorCode::BodyTooLarge
            } else if sig.is_none_or(str::is_empty) || case.scheme == Scheme::StandardWebhooks {
                // Standard Webhooks given only a signature: its webhook-id
                // (and webhook-timestamp) are missing, whatever the value.
                ErrorCode::MissingSignature
            } else {
                ErrorCode::InvalidSignature
            };
            assert_eq!(e.code(), expected, "{e}");
            if within {
                assert_eq!(
                    case.first_match(sig),
                    None,
                    "refused a signature that matches"
                );
            }
            assert_clean(
                e,
                stand_in.verify(body, placeholder_sig).err().as_ref(),
                case,
                sig,
            );
        }
    }

    // handle is verify, then parse_event; the other entry points agree.
    let handled = hook.handle(body, sig);
    let expected = verified.clone().and_then(|_| parse_event(body));
    assert_same_result(&handled, &expected, "handle");
    if let Err(e) = &handled {
        if verified.is_err() {
            assert_clean(
                e,
                stand_in.handle(body, placeholder_sig).err().as_ref(),
                case,
                sig,
            );
        } else {
            // A parse error: made without any secret, from the body alone.
            assert_clean(e, parse_event(body).err().as_ref(), case, sig);
        }
    }
    if let Ok(text) = std::str::from_utf8(body) {
        assert_same_result(&hook.handle_text(text, sig), &handled, "handle_text");
    }
    let mut units = Vec::new();
    assert_same_result(
        &wasender_webhook_wasm::utf16::handle_utf16(&hook, body, &sig.into(), 0, &mut units),
        &handled,
        "handle_utf16",
    );
    match (verified.is_ok(), std::str::from_utf8(body)) {
        (true, Ok(text)) if !text.is_ascii() => {
            assert!(
                units.iter().copied().eq(text.encode_utf16()),
                "handle_utf16's units"
            );
        }
        _ => assert!(
            units.is_empty(),
            "handle_utf16 gave units for an ASCII, unverified or broken body"
        ),
    }
}

fn assert_same_result(
    got: &Result<Event<'_>, WebhookError>,
    want: &Result<Event<'_>, WebhookError>,
    what: &str,
) {
    match (got, want) {
        (Ok(a), Ok(b)) => assert!(a == b, "{what} made another event"),
        (Err(a), Err(b)) => assert_eq!(a, b, "{what}"),
        (a, b) => panic!(
            "{what}: {:?}, expected {:?}",
            a.as_ref().err(),
            b.as_ref().err()
        ),
    }
}

/// An error has a message; it is the one the same failure gets without the
/// real secrets and header (`template`); and neither a secret (of 4 bytes
/// or more) nor the header (of 8 or more) is in it, unless the template
/// has the same text (a secret such as `"body"` is in many messages).
fn assert_clean(
    e: &WebhookError,
    template: Option<&WebhookError>,
    case: &HandleCase,
    sig: Option<&str>,
) {
    assert!(!e.message().is_empty(), "{:?} has no message", e.code());
    let template =
        template.unwrap_or_else(|| panic!("{e}: the placeholder configuration did not fail"));
    assert_eq!(
        e, template,
        "the message depends on the secrets or the signature"
    );
    let message = e.message().as_bytes();
    let shows = |needle: &[u8]| {
        contains(message, needle) && !contains(template.message().as_bytes(), needle)
    };
    for (i, secret) in case.secrets.iter().enumerate() {
        assert!(
            !(secret.len() >= 4 && shows(secret)),
            "secret #{i} is in the message: {e}"
        );
    }
    if let Some(sig) = sig.filter(|s| s.len() >= 8) {
        assert!(
            !shows(sig.as_bytes()),
            "the signature is in the message: {e}"
        );
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    needle.is_empty() || haystack.windows(needle.len()).any(|w| w == needle)
}

/// Cases from seed bodies: each under both schemes, with each kind of
/// header, a roomy and a tight limit, and configurations that fail.
pub fn handle_seed_cases(bodies: &[Vec<u8>]) -> Vec<HandleCase> {
    let mut cases = Vec::new();
    let signatures = [
        Signature::None,
        Signature::Raw(String::new()),
        Signature::Raw("forged".into()),
        Signature::Secret(0),
        Signature::Secret(1),
        Signature::Hmac {
            secret: 0,
            spelling: 0,
        },
        Signature::Hmac {
            secret: 1,
            spelling: 7,
        },
    ];
    for (n, body) in bodies.iter().enumerate() {
        for scheme in [Scheme::Wasender, Scheme::HmacSha256] {
            for signature in &signatures {
                for max_body_bytes in [
                    wasender_webhook::DEFAULT_MAX_BODY_BYTES,
                    body.len().max(1),
                    16,
                ] {
                    cases.push(HandleCase {
                        secrets: vec![b"s3cret".to_vec(), b"\x00rotated key\xff".to_vec()],
                        scheme,
                        max_body_bytes,
                        signature: signature.clone(),
                        body: body.clone(),
                    });
                }
            }
        }
        // Configurations the hook refuses, now and then.
        if n % 8 == 0 {
            for (secrets, max_body_bytes) in [
                (vec![], 64),
                (vec![b"ok".to_vec(), vec![]], 64),
                (vec![b"ok".to_vec()], 0),
            ] {
                cases.push(HandleCase {
                    secrets,
                    scheme: Scheme::Wasender,
                    max_body_bytes,
                    signature: Signature::Secret(0),
                    body: body.clone(),
                });
            }
        }
    }
    cases
}

/// A short text summary of a case, for failure messages.
pub fn describe(case: &HandleCase) -> String {
    let mut s = String::new();
    let _ = write!(
        s,
        "{} secrets, {}, limit {}, {:?}, {} body bytes",
        case.secrets.len(),
        case.scheme.as_str(),
        case.max_body_bytes,
        case.signature,
        case.body.len()
    );
    s
}
