//! serde's JSON and `Event::to_json` for every fixture: held against each
//! other here, and written to `target/tmp/serde-fixtures.json` (or
//! `$SERDE_FIXTURES`) for js-tests/rust/serde.test.mjs, which holds both
//! against the npm package's event for the same delivery.
#![cfg(feature = "serde")]

use std::path::PathBuf;

use wasender_webhook::__private::parse;
use wasender_webhook::json::Json;
use wasender_webhook::{parse_event, OwnedEvent};

/// Equal as JavaScript would see them once serde's lone-surrogate
/// replacement is allowed for: numbers by value, strings and keys by their
/// text with lone surrogates as U+FFFD, members in the same order.
fn same_but_surrogates(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(_), Json::Number(_)) => a.as_f64() == b.as_f64(),
        (Json::String(x), Json::String(y)) => x.as_str() == y.as_str(),
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_but_surrogates(p, q))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((k, v), (l, w))| k.as_str() == l.as_str() && same_but_surrogates(v, w))
        }
        _ => a == b,
    }
}

fn has_lone_surrogates(value: &Json) -> bool {
    match value {
        Json::String(s) => s.has_lone_surrogates(),
        Json::Array(items) => items.iter().any(has_lone_surrogates),
        Json::Object(o) => o
            .iter()
            .any(|(k, v)| k.has_lone_surrogates() || has_lone_surrogates(v)),
        _ => false,
    }
}

#[test]
fn serde_and_to_json_agree_on_every_fixture() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/events");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let mut out = serde_json::Map::new();
    let (mut events, mut with_surrogates) = (0, 0);
    for file in &names {
        let name = file.trim_end_matches(".json");
        let bytes = std::fs::read(dir.join(file)).unwrap();
        let event = match parse_event(&bytes) {
            Ok(event) => event,
            Err(e) => {
                out.insert(
                    name.into(),
                    serde_json::json!({ "error": e.code().as_str() }),
                );
                continue;
            }
        };
        events += 1;
        let exact = event.to_json();
        let serde = serde_json::to_string(&event).unwrap();
        // The owned form serialises the same.
        let owned = OwnedEvent::new(bytes.clone(), parse_event).unwrap();
        assert_eq!(serde_json::to_string(&owned).unwrap(), serde);
        assert_eq!(owned.event().to_json(), exact);
        let exact_tree = parse(exact.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let serde_tree = parse(serde.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(
            same_but_surrogates(&exact_tree, &serde_tree),
            "{name}:\n{exact}\n{serde}"
        );
        if has_lone_surrogates(&exact_tree) {
            with_surrogates += 1;
            assert!(!has_lone_surrogates(&serde_tree));
        } else {
            assert_eq!(
                serde_json::from_str::<serde_json::Value>(&exact).unwrap(),
                serde_json::from_str::<serde_json::Value>(&serde).unwrap(),
                "{name}"
            );
        }
        // The envelope is the body without `data`; `data` is the body's.
        let body = parse(&bytes).unwrap();
        assert_eq!(exact_tree.get("data"), body.get("data"), "{name}");
        let envelope = exact_tree
            .get("envelope")
            .and_then(Json::as_object)
            .unwrap();
        assert_eq!(
            envelope.len() + 1,
            body.as_object().unwrap().len(),
            "{name}"
        );
        out.insert(
            name.into(),
            serde_json::json!({ "exact": exact, "serde": serde }),
        );
    }
    assert!(
        events >= 50 && with_surrogates >= 2,
        "{events} {with_surrogates}"
    );
    let path = std::env::var_os("SERDE_FIXTURES")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("serde-fixtures.json"));
    std::fs::write(&path, serde_json::to_string(&out).unwrap()).unwrap();
}

#[test]
fn numbers_keep_the_body_s_value() {
    let body = br#"{"event":"x","data":{"i":-9007199254740993,"u":18446744073709551615,"big":123456789012345678901234567890,"huge":1234567890123456789012345678901234567890,"neg0":-0,"f":1.50,"e":1e2,"inf":1e400}}"#;
    let event = parse_event(body).unwrap();
    // serde_json's Value holds no i128: the text is what is checked.
    let text = serde_json::to_string(event.data()).unwrap();
    assert_eq!(
        text,
        r#"{"i":-9007199254740993,"u":18446744073709551615,"big":123456789012345678901234567890,"huge":1.2345678901234568e+39,"neg0":-0.0,"f":1.5,"e":100.0,"inf":null}"#
    );
}
