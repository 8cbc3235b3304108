//! Reading an HMAC-SHA256 tag out of a signature header.
//!
//! Relays and gateways spell the same 32-byte tag many ways: hex in either
//! case, standard or URL-safe base64 with or without padding, with or
//! without GitHub's `sha256=` prefix. All of them decode to the same bytes;
//! anything that does not decode to exactly 32 bytes (a truncated tag
//! included) is not a tag.

use crate::prelude::*;
use base64ct::{Base64Unpadded, Encoding};

/// Length in bytes of an HMAC-SHA256 tag.
pub const TAG_LEN: usize = 32;

/// Decode a header value into a full-length tag, or `None`.
pub fn decode_hmac_sha256_tag(header: &str) -> Option<[u8; TAG_LEN]> {
    let text = strip_prefix_ignore_case(header, "sha256=").unwrap_or(header);
    let mut tag = [0u8; TAG_LEN];
    let decoded_len = match text.len() {
        64 => base16ct::mixed::decode(text, &mut tag).ok()?.len(),
        43 | 44 => return decode_base64_tag(text),
        _ => return None,
    };
    (decoded_len == TAG_LEN).then_some(tag)
}

/// Decode base64 (43 unpadded or 44 padded characters) into a full-length
/// tag, or `None`. The URL-safe alphabet is read as the standard one and
/// the padding dropped, so one strict decoder (canonical trailing bits)
/// serves all four spellings.
pub fn decode_base64_tag(text: &str) -> Option<[u8; TAG_LEN]> {
    let unpadded = match text.len() {
        43 => text,
        44 => text.strip_suffix('=')?,
        _ => return None,
    };
    let mut standard = [0u8; 43];
    for (out, c) in standard.iter_mut().zip(unpadded.bytes()) {
        *out = match c {
            b'-' => b'+',
            b'_' => b'/',
            c => c,
        };
    }
    let mut tag = [0u8; TAG_LEN];
    // As a slice, like `decode_padded_base64`: one instantiation of the decoder, not two.
    let decoded_len = Base64Unpadded::decode(&standard[..], &mut tag).ok()?.len();
    (decoded_len == TAG_LEN).then_some(tag)
}

/// Strict padded standard base64 (a `whsec_` key's rest): a multiple of
/// four characters, exactly the padding the length needs, canonical
/// trailing bits; `None` otherwise. The unpadded decoder the tags use does
/// the work, so the wasm carries one base64 decoder, not two.
pub fn decode_padded_base64(text: &[u8]) -> Option<Vec<u8>> {
    if text.len() % 4 != 0 {
        return None;
    }
    let unpadded = text
        .strip_suffix(b"==")
        .or_else(|| text.strip_suffix(b"="))
        .unwrap_or(text);
    let mut out = vec![0u8; unpadded.len() / 4 * 3 + 2];
    let decoded_len = Base64Unpadded::decode(unpadded, &mut out).ok()?.len();
    out.truncate(decoded_len);
    Some(out)
}

/// Lower-case hex, as signatures are usually written.
pub fn to_hex(bytes: &[u8]) -> String {
    base16ct::lower::encode_string(bytes)
}

fn strip_prefix_ignore_case<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    // `get`, not indexing: no panic path (and its formatting) in the wasm.
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| s.get(prefix.len()..))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64ct::{Base64, Base64Url, Base64UrlUnpadded};

    // 0x00..0x1f, then its spellings.
    const TAG: [u8; 32] = {
        let mut t = [0u8; 32];
        let mut i = 0;
        while i < 32 {
            t[i] = (i as u8) * 8 + 3;
            i += 1;
        }
        t
    };

    #[test]
    fn every_spelling_of_one_tag_decodes_to_it() {
        let hex = base16ct::lower::encode_string(&TAG);
        let spellings = [
            hex.clone(),
            hex.to_uppercase(),
            format!("sha256={hex}"),
            format!("SHA256={}", hex.to_uppercase()),
            Base64::encode_string(&TAG),
            Base64Unpadded::encode_string(&TAG),
            Base64Url::encode_string(&TAG),
            Base64UrlUnpadded::encode_string(&TAG),
            format!("sha256={}", Base64::encode_string(&TAG)),
        ];
        // The tag is chosen so that standard and URL-safe spellings differ.
        assert_ne!(Base64::encode_string(&TAG), Base64Url::encode_string(&TAG));
        for s in spellings {
            assert_eq!(decode_hmac_sha256_tag(&s), Some(TAG), "{s}");
        }
    }

    #[test]
    fn truncated_padded_or_garbled_tags_are_not_tags() {
        let hex = base16ct::lower::encode_string(&TAG);
        let rejects = [
            String::new(),
            "sha256=".to_string(),
            hex[..32].to_string(),             // 128-bit truncation
            hex[..62].to_string(),             // one byte short
            format!("{hex}00"),                // one byte long
            format!("{}g", &hex[..63]),        // not hex
            format!(" {}", &hex[..63]),        // whitespace is not trimmed
            Base64::encode_string(&TAG[..16]), // truncated, base64
            format!("{}==", Base64Unpadded::encode_string(&TAG)), // wrong padding
            "sha256:".to_string() + &hex,      // wrong prefix
        ];
        for s in rejects {
            assert_eq!(decode_hmac_sha256_tag(&s), None, "{s:?}");
        }
    }

    #[test]
    fn non_ascii_headers_do_not_panic() {
        for s in ["é", "shä256=00", "𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞𝄞", "sha25€"]
        {
            assert_eq!(decode_hmac_sha256_tag(s), None);
        }
        let long_multibyte = "é".repeat(32); // 64 bytes, not hex
        assert_eq!(decode_hmac_sha256_tag(&long_multibyte), None);
    }
}
