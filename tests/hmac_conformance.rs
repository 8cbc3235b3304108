//! The HMAC-SHA256 scheme against published test vectors: RFC 4231 and
//! Wycheproof. Full-length tags must verify exactly as the vectors say;
//! truncated tags must never verify, even where the vector calls them valid
//! (a webhook verifier has no business accepting half a MAC).

use serde_json::Value;
use wasender_webhook::{ErrorCode, Scheme, Secret, Verifier};

fn hex(s: &str) -> Vec<u8> {
    base16ct::mixed::decode_vec(s).expect("test vector hex")
}

fn hmac_verifier(key: &[u8]) -> Verifier {
    Verifier::new(Scheme::HmacSha256, &[Secret::from(key)]).expect("non-empty key")
}

/// RFC 4231 §4.2–4.8 (test case 5 is a truncated-output case, covered below).
#[test]
fn rfc4231_test_cases() {
    let cases: [(&[u8], &[u8], &str); 6] = [
        (&[0x0b; 20], b"Hi There", "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        (b"Jefe", b"what do ya want for nothing?", "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        (&[0xaa; 20], &[0xdd; 50], "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        (
            &hex("0102030405060708090a0b0c0d0e0f10111213141516171819"),
            &[0xcd; 50],
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
        ),
        (
            &[0xaa; 131],
            b"Test Using Larger Than Block-Size Key - Hash Key First",
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        ),
        (
            &[0xaa; 131],
            b"This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.",
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
        ),
    ];
    for (key, msg, tag) in cases {
        let v = hmac_verifier(key);
        assert_eq!(v.verify(msg, Some(tag)), Ok(0), "RFC 4231 tag {tag}");
        assert_eq!(v.verify(msg, Some(&tag.to_uppercase())), Ok(0));
        let mut tampered = msg.to_vec();
        tampered.push(0);
        assert!(v.verify(&tampered, Some(tag)).is_err());
    }
    // Test case 5: the RFC's own 128-bit truncation is refused.
    let v = hmac_verifier(&[0x0c; 20]);
    let err = v
        .verify(
            b"Test With Truncation",
            Some("a3b6167473100ee06e0c796c2955552b"),
        )
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidSignature);
}

#[test]
fn wycheproof_hmac_sha256_vectors() {
    let text = include_str!("data/wycheproof/hmac_sha256_test.json");
    let suite: Value = serde_json::from_str(text).expect("vector file is JSON");
    let (mut full, mut truncated) = (0, 0);
    for group in suite["testGroups"].as_array().expect("groups") {
        let tag_bits = group["tagSize"].as_u64().expect("tagSize");
        for case in group["tests"].as_array().expect("tests") {
            let id = &case["tcId"];
            let key = hex(case["key"].as_str().expect("key"));
            let msg = hex(case["msg"].as_str().expect("msg"));
            let tag = case["tag"].as_str().expect("tag");
            let expect_valid = case["result"] == "valid";
            // Wycheproof has no empty keys here; they would be refused at construction.
            let v = hmac_verifier(&key);
            let verdict = v.verify(&msg, Some(tag));
            if tag_bits == 256 {
                full += 1;
                assert_eq!(
                    verdict.is_ok(),
                    expect_valid,
                    "tcId {id}: {:?}",
                    case["comment"]
                );
                if !expect_valid {
                    assert_eq!(
                        verdict.unwrap_err().code(),
                        ErrorCode::InvalidSignature,
                        "tcId {id}"
                    );
                }
            } else {
                truncated += 1;
                assert!(
                    verdict.is_err(),
                    "tcId {id}: a {tag_bits}-bit tag must never verify"
                );
            }
        }
    }
    assert_eq!((full, truncated), (87, 87), "every vector ran");
}
