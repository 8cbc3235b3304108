//! Deciding whether a delivery is genuine, in constant time.
//!
//! Two schemes:
//! - [`Scheme::Wasender`], what WasenderAPI really sends: the
//!   `X-Webhook-Signature` header carries the session's secret itself. We
//!   compare SHA-256 digests of the header and of each secret, so the time
//!   taken depends on neither the secret's bytes nor its length.
//! - [`Scheme::HmacSha256`], for relays (and for the day Wasender signs
//!   bodies): the header carries HMAC-SHA256(secret, raw body).
//!
//! With several secrets (rotation, or one per session) every secret is
//! checked, whatever matched first, so timing does not tell which one did.
//!
//! The HMAC itself can come from the host ([`HostHmac`]): SHA-256 in
//! wasm has no SHA instructions and runs ~10× slower than node:crypto's on
//! large bodies. Only the MAC is the host's; comparing it with the header
//! stays here, in constant time.

use crate::prelude::*;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};

use crate::error::{ErrorCode, WebhookError};
use crate::secret::Secret;
use crate::signature::decode_hmac_sha256_tag;

/// The longest signature header any scheme can need, in bytes. A longer
/// header is refused before it is hashed or decoded (and, in the wasm
/// binding, before it is copied into wasm memory), so a 10 MB header costs
/// nothing. A public constant, so refusing on it reveals nothing; a
/// `wasender` secret, which travels as the header itself, may be no longer.
pub const MAX_SIGNATURE_LEN: usize = 4096;

type HmacSha256 = Hmac<Sha256>;

/// HMAC-SHA256 from whatever embeds the core, where it has a faster one
/// than the core's portable code (the wasm package: node:crypto's, with SHA
/// instructions). A type parameter rather than a function pointer: an
/// indirect call would keep the wasm's function table, and every shim in
/// it, alive (+0.5 KiB gzipped).
pub trait HostHmac {
    /// False for a host that never answers: its secrets are not kept twice.
    const OFFERED: bool = true;

    /// HMAC-SHA256(key, message), or `None` to leave it to the core.
    fn hmac_sha256(&self, key: &[u8], message: &[u8]) -> Option<[u8; 32]>;
}

/// No host HMAC: the core's own computes every MAC.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuiltInHmac;

impl HostHmac for BuiltInHmac {
    const OFFERED: bool = false;

    fn hmac_sha256(&self, _key: &[u8], _message: &[u8]) -> Option<[u8; 32]> {
        None
    }
}

/// How the signature header relates to the secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scheme {
    /// The header value equals the secret (WasenderAPI's actual behaviour).
    #[default]
    Wasender,
    /// The header value is HMAC-SHA256(secret, body), as hex or base64.
    HmacSha256,
}

impl Scheme {
    /// The name used in options: `"wasender"` or `"hmac-sha256"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Scheme::Wasender => "wasender",
            Scheme::HmacSha256 => "hmac-sha256",
        }
    }
}

/// A scheme from its option name ([`Scheme::as_str`]); an unknown name is
/// `INVALID_OPTIONS`, with the names there are.
impl core::str::FromStr for Scheme {
    type Err = WebhookError;

    fn from_str(name: &str) -> Result<Scheme, WebhookError> {
        match name {
            "wasender" => Ok(Scheme::Wasender),
            "hmac-sha256" => Ok(Scheme::HmacSha256),
            _ => Err(WebhookError::new(
                ErrorCode::InvalidOptions,
                "invalid options: `scheme` must be \"wasender\" (the default) or \"hmac-sha256\"",
            )),
        }
    }
}

/// The per-secret state worked out once, at construction, so that a
/// delivery costs one hash (wasender) or one MAC pass per secret (HMAC).
#[derive(Clone)]
enum Keys {
    /// SHA-256 of each secret.
    Digests(Vec<[u8; 32]>),
    /// Each secret's HMAC state with the key already absorbed.
    Macs(Vec<HmacSha256>),
}

/// Checks signatures against one or more secrets.
#[derive(Clone)]
pub struct Verifier<H = BuiltInHmac> {
    keys: Keys,
    host: H,
    /// The secrets as keys for the host's HMAC (hmac-sha256 scheme only).
    host_keys: Vec<Secret>,
}

impl Verifier {
    /// Prepare a verifier. Fails with `MISSING_SECRET` when there is no
    /// secret or any of them is empty: an empty secret would let an empty
    /// header through, and is almost always an unset environment variable.
    ///
    /// # Errors
    ///
    /// `MISSING_SECRET` (500) as above; `INVALID_OPTIONS` (500) for a
    /// `wasender` secret longer than any header may be.
    pub fn new(scheme: Scheme, secrets: &[Secret]) -> Result<Verifier, WebhookError> {
        Verifier::with_host(scheme, secrets, BuiltInHmac)
    }
}

impl<H: HostHmac> Verifier<H> {
    /// [`Verifier::new`], taking each MAC from `host` where it answers; the
    /// comparison with the header stays here, in constant time.
    ///
    /// # Errors
    ///
    /// As [`Verifier::new`].
    pub fn with_host(
        scheme: Scheme,
        secrets: &[Secret],
        host: H,
    ) -> Result<Verifier<H>, WebhookError> {
        if secrets.is_empty() {
            return Err(WebhookError::new(
                ErrorCode::MissingSecret,
                "missing secret: configure `secret` (or `secrets`) with the session's webhook secret",
            ));
        }
        if scheme == Scheme::Wasender {
            if let Some(i) = secrets
                .iter()
                .position(|s| s.as_bytes().len() > MAX_SIGNATURE_LEN)
            {
                return Err(WebhookError::new(
                    ErrorCode::InvalidOptions,
                    [
                        "invalid options: secret #",
                        &decimal(i as u64),
                        " is longer than the ",
                        &decimal(MAX_SIGNATURE_LEN as u64),
                        " bytes a signature header may carry, so no delivery could match it",
                    ]
                    .concat(),
                ));
            }
        }
        if let Some(i) = secrets.iter().position(Secret::is_empty) {
            return Err(WebhookError::new(
                ErrorCode::MissingSecret,
                [
                    "missing secret: secret #",
                    &decimal(i as u64),
                    " is empty (is an environment variable unset?)",
                ]
                .concat(),
            ));
        }
        let keys = match scheme {
            Scheme::Wasender => {
                Keys::Digests(secrets.iter().map(|s| sha256(s.as_bytes())).collect())
            }
            Scheme::HmacSha256 => Keys::Macs(
                secrets
                    .iter()
                    .map(|s| {
                        <HmacSha256 as KeyInit>::new_from_slice(s.as_bytes()).map_err(|_| {
                            WebhookError::new(
                                ErrorCode::InvalidOptions,
                                "secret cannot be used as an HMAC key",
                            )
                        })
                    })
                    .collect::<Result<_, _>>()?,
            ),
        };
        // The wasender scheme hashes no body, so no host is asked.
        let host_keys = match keys {
            Keys::Macs(_) if H::OFFERED => secrets.to_vec(),
            _ => Vec::new(),
        };
        Ok(Verifier {
            keys,
            host,
            host_keys,
        })
    }

    /// The scheme it verifies.
    pub fn scheme(&self) -> Scheme {
        match self.keys {
            Keys::Digests(_) => Scheme::Wasender,
            Keys::Macs(_) => Scheme::HmacSha256,
        }
    }

    /// How many secrets it accepts.
    pub fn secret_count(&self) -> usize {
        match &self.keys {
            Keys::Digests(d) => d.len(),
            Keys::Macs(m) => m.len(),
        }
    }

    /// Verify `signature` for `body`. On success, the index of the (first)
    /// secret that matched.
    ///
    /// # Errors
    ///
    /// `MISSING_SIGNATURE` (401) for no header or an
    /// empty header; `INVALID_SIGNATURE` (401) when no secret matches or the
    /// header is malformed or too long.
    pub fn verify(&self, body: &[u8], signature: Option<&str>) -> Result<usize, WebhookError> {
        let signature = match signature {
            Some(s) if !s.is_empty() => s,
            _ => return Err(WebhookError::missing_signature()),
        };
        if signature.len() > MAX_SIGNATURE_LEN {
            return Err(WebhookError::signature_too_long());
        }
        let matches: Vec<Choice> = match &self.keys {
            Keys::Digests(digests) => {
                let presented = sha256(signature.as_bytes());
                digests.iter().map(|d| d.ct_eq(&presented)).collect()
            }
            Keys::Macs(macs) => {
                // Decoding depends only on the attacker's own header, so it
                // may branch; a tag that is not 32 bytes (truncated) fails here.
                let Some(tag) = decode_hmac_sha256_tag(signature) else {
                    return Err(WebhookError::invalid_signature());
                };
                macs.iter()
                    .enumerate()
                    .map(|(i, state)| {
                        let from_host = match self.host_keys.get(i) {
                            Some(key) => self.host.hmac_sha256(key.as_bytes(), body),
                            None => None,
                        };
                        let mac = from_host.unwrap_or_else(|| {
                            let mut mac = state.clone();
                            mac.update(body);
                            mac.finalize().into_bytes().into()
                        });
                        mac.ct_eq(&tag)
                    })
                    .collect()
            }
        };
        first_match(&matches).ok_or_else(WebhookError::invalid_signature)
    }
}

/// HMAC-SHA256(secret, body): what a sender using the `hmac-sha256` scheme
/// puts in the header (as hex). For test kits and relays.
pub fn sign_hmac_sha256(secret: &[u8], body: &[u8]) -> [u8; 32] {
    // HMAC takes keys of any length, so this never fails.
    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(secret)
        .unwrap_or_else(|_| HmacSha256::new(&Default::default()));
    mac.update(body);
    mac.finalize().into_bytes().into()
}

/// Index of the first set choice, found without branching on any of them.
fn first_match(matches: &[Choice]) -> Option<usize> {
    let mut found = Choice::from(0);
    let mut index = 0u64;
    for (i, &m) in matches.iter().enumerate() {
        let take = m & !found;
        index.conditional_assign(&(i as u64), take);
        found |= m;
    }
    // Only the final yes/no is branched on: that much is public anyway.
    bool::from(found).then_some(index as usize)
}

fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hmac_hex(key: &[u8], body: &[u8]) -> String {
        base16ct::lower::encode_string(&sign_hmac_sha256(key, body))
    }

    #[test]
    fn signing_matches_rfc_4231_case_2() {
        assert_eq!(
            base16ct::lower::encode_string(&sign_hmac_sha256(
                b"Jefe",
                b"what do ya want for nothing?"
            )),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn wasender_scheme_accepts_exactly_the_secret() {
        let v = Verifier::new(Scheme::Wasender, &["s3cret".into()]).unwrap();
        assert_eq!(v.verify(b"{}", Some("s3cret")), Ok(0));
        for wrong in ["s3cre", "s3cret ", "S3CRET", "s3cret\n", "x"] {
            assert_eq!(
                v.verify(b"{}", Some(wrong)).unwrap_err().code(),
                ErrorCode::InvalidSignature,
                "{wrong:?}"
            );
        }
    }

    #[test]
    fn missing_or_empty_signature_is_missing_signature() {
        let v = Verifier::new(Scheme::Wasender, &["s3cret".into()]).unwrap();
        assert_eq!(
            v.verify(b"{}", None).unwrap_err().code(),
            ErrorCode::MissingSignature
        );
        assert_eq!(
            v.verify(b"{}", Some("")).unwrap_err().code(),
            ErrorCode::MissingSignature
        );
    }

    #[test]
    fn no_secret_or_an_empty_one_is_refused_at_construction() {
        for secrets in [
            vec![],
            vec![Secret::from("")],
            vec![Secret::from("ok"), Secret::from("")],
        ] {
            for scheme in [Scheme::Wasender, Scheme::HmacSha256] {
                let err = Verifier::new(scheme, &secrets).err().unwrap();
                assert_eq!(err.code(), ErrorCode::MissingSecret);
                assert_eq!(err.status(), 500);
            }
        }
    }

    #[test]
    fn rotation_reports_which_secret_matched() {
        let v = Verifier::new(
            Scheme::Wasender,
            &["old".into(), "new".into(), "new".into()],
        )
        .unwrap();
        assert_eq!(v.verify(b"", Some("old")), Ok(0));
        assert_eq!(
            v.verify(b"", Some("new")),
            Ok(1),
            "first of equal secrets wins"
        );
        assert!(v.verify(b"", Some("other")).is_err());

        let body = b"{\"event\":\"x\",\"data\":{}}";
        let h = Verifier::new(
            Scheme::HmacSha256,
            &["k1".into(), b"\x00k2".as_slice().into()],
        )
        .unwrap();
        assert_eq!(h.verify(body, Some(&hmac_hex(b"\x00k2", body))), Ok(1));
        assert_eq!(h.verify(body, Some(&hmac_hex(b"k1", body))), Ok(0));
    }

    #[test]
    fn hmac_scheme_binds_the_body() {
        let v = Verifier::new(Scheme::HmacSha256, &["key".into()]).unwrap();
        let tag = hmac_hex(b"key", b"body");
        assert_eq!(v.verify(b"body", Some(&tag)), Ok(0));
        assert_eq!(v.verify(b"body", Some(&format!("sha256={tag}"))), Ok(0));
        assert_eq!(
            v.verify(b"bodY", Some(&tag)).unwrap_err().code(),
            ErrorCode::InvalidSignature
        );
        // The wasender habit of sending the secret itself fails under HMAC.
        assert_eq!(
            v.verify(b"body", Some("key")).unwrap_err().code(),
            ErrorCode::InvalidSignature
        );
        // A truncated tag that is a correct prefix is still rejected.
        assert_eq!(
            v.verify(b"body", Some(&tag[..32])).unwrap_err().code(),
            ErrorCode::InvalidSignature
        );
    }

    #[test]
    fn a_hosts_hmac_is_what_gets_compared_and_the_built_in_one_covers_a_refusal() {
        /// Answers with the real MAC, declines, or answers wrongly.
        #[derive(Clone, Copy)]
        enum Host {
            Right,
            Declines,
            Wrong,
        }
        impl HostHmac for Host {
            fn hmac_sha256(&self, key: &[u8], message: &[u8]) -> Option<[u8; 32]> {
                match self {
                    Host::Right => Some(sign_hmac_sha256(key, message)),
                    Host::Declines => None,
                    Host::Wrong => Some([7; 32]),
                }
            }
        }
        let body = b"{\"event\":\"x\"}";
        let genuine = hmac_hex(b"k2", body);
        let sevens = "07".repeat(32);
        let verifier = |host| {
            Verifier::with_host(Scheme::HmacSha256, &["k1".into(), "k2".into()], host).unwrap()
        };
        for host in [Host::Right, Host::Declines] {
            assert_eq!(verifier(host).verify(body, Some(&genuine)), Ok(1));
            assert!(verifier(host).verify(body, Some(&sevens)).is_err());
        }
        // The host's answer, not the built-in one, is what the header meets.
        assert!(verifier(Host::Wrong).verify(body, Some(&genuine)).is_err());
        assert_eq!(verifier(Host::Wrong).verify(body, Some(&sevens)), Ok(0));
        // The wasender scheme hashes no body, so a host changes nothing.
        let plain = Verifier::with_host(Scheme::Wasender, &["s3cret".into()], Host::Wrong).unwrap();
        assert_eq!(plain.verify(body, Some("s3cret")), Ok(0));
        assert!(plain.verify(body, Some(&sevens)).is_err());
    }

    #[test]
    fn first_match_finds_the_first_set_choice() {
        let c = |bits: &[u8]| bits.iter().map(|&b| Choice::from(b)).collect::<Vec<_>>();
        assert_eq!(first_match(&c(&[])), None);
        assert_eq!(first_match(&c(&[0, 0, 0])), None);
        assert_eq!(first_match(&c(&[0, 1, 1])), Some(1));
        assert_eq!(first_match(&c(&[1, 0, 1])), Some(0));
        assert_eq!(first_match(&c(&[0, 0, 1])), Some(2));
    }
}
