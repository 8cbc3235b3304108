//! Shared by the fuzz targets: the checks (`checks.rs`, which the test
//! suite compiles too) and the `arbitrary` input of the `handle` target.

use std::path::PathBuf;
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use wasender_webhook::Scheme;

pub mod checks;
pub mod standard;

use checks::{HandleCase, Signature};

/// The `handle` target's input, made by `arbitrary` from libFuzzer's bytes.
///
/// Every field but `body` is read from the front of the input and `body` is
/// all the rest, unchanged, so a seed is a short prefix and a whole body
/// (scripts/fuzz writes them; `arbitrary` 1.x's layout):
/// - `secrets`: per secret a byte 0x01, then 0x01 and the byte for each of
///   its bytes, then 0x00; after the last secret 0x00;
/// - `scheme`, `limit`, `signature`: a little-endian u32 whose top bits pick
///   the variant (00 00 00 00 the first, 00 00 00 80 the second of two,
///   00 00 00 c0 the fourth of four), then the variant's fields.
#[derive(Arbitrary, Debug)]
pub struct HandleInput<'a> {
    /// The first four are used: any bytes, empty included.
    pub secrets: Vec<Vec<u8>>,
    pub scheme: SchemeInput,
    pub limit: LimitInput,
    pub signature: SignatureInput,
    pub body: &'a [u8],
}

#[derive(Arbitrary, Debug)]
pub enum SchemeInput {
    Wasender,
    HmacSha256,
    /// Given only a signature (`Webhook::handle`), never accepted: it lacks
    /// `webhook-id` and `webhook-timestamp` (the `standard_webhooks` target covers the rest).
    StandardWebhooks,
}

#[derive(Arbitrary, Debug)]
pub enum LimitInput {
    /// `DEFAULT_MAX_BODY_BYTES`.
    Default,
    /// Near the body's size (0 included, which the hook refuses).
    Tight(u16),
    Any(usize),
}

#[derive(Arbitrary, Debug)]
pub enum SignatureInput {
    None,
    /// Any text (the bytes read as UTF-8, lossily).
    Raw(Vec<u8>),
    /// A secret itself (index modulo the count), as WasenderAPI sends it.
    Secret(u8),
    /// HMAC-SHA256(secret, body), in one of `checks::spell`'s spellings.
    Hmac {
        secret: u8,
        spelling: u8,
    },
}

impl HandleInput<'_> {
    pub fn case(&self) -> HandleCase {
        HandleCase {
            secrets: self.secrets.iter().take(4).cloned().collect(),
            scheme: match self.scheme {
                SchemeInput::Wasender => Scheme::Wasender,
                SchemeInput::HmacSha256 => Scheme::HmacSha256,
                SchemeInput::StandardWebhooks => Scheme::StandardWebhooks,
            },
            max_body_bytes: match self.limit {
                LimitInput::Default => wasender_webhook::DEFAULT_MAX_BODY_BYTES,
                LimitInput::Tight(n) => usize::from(n),
                LimitInput::Any(n) => n,
            },
            signature: match &self.signature {
                SignatureInput::None => Signature::None,
                SignatureInput::Raw(bytes) => {
                    Signature::Raw(String::from_utf8_lossy(bytes).into_owned())
                }
                SignatureInput::Secret(i) => Signature::Secret(usize::from(*i)),
                SignatureInput::Hmac { secret, spelling } => Signature::Hmac {
                    secret: usize::from(*secret),
                    spelling: usize::from(*spelling),
                },
            },
            body: self.body.to_vec(),
        }
    }
}

/// A new `Scheme` must get a `SchemeInput` variant: this stops compiling.
const _: fn(Scheme) = |scheme| match scheme {
    Scheme::Wasender | Scheme::HmacSha256 | Scheme::StandardWebhooks => {}
};

/// With `WASENDER_FUZZ_CASE_PATH` set, write the case as a regression file
/// (JSON) before it is checked: `scripts/fuzz --keep handle <artifact>`
/// runs the target on a crash input this way.
pub fn export_case(case: &HandleCase) {
    static PATH: OnceLock<Option<PathBuf>> = OnceLock::new();
    if let Some(path) =
        PATH.get_or_init(|| std::env::var_os("WASENDER_FUZZ_CASE_PATH").map(PathBuf::from))
    {
        std::fs::write(path, case.to_json()).expect("writing WASENDER_FUZZ_CASE_PATH");
    }
}
