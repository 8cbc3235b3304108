//! Every fixture in tests/fixtures/events (one per event and shape variant,
//! plus aliases, unknown events, drift and invalid shapes) against the
//! expectations in tests/fixtures/expected.json, which the JS tests share.

use std::path::PathBuf;

use wasender_webhook::__private::parse;
use wasender_webhook::json::Json;
use wasender_webhook::{parse_event, ErrorCode};

mod common;
use common::{same, tape_to_json};

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn every_fixture_meets_its_expectation() {
    let expected_bytes = std::fs::read(fixtures_dir().join("expected.json")).unwrap();
    let expected = parse(&expected_bytes).unwrap();
    let expected = expected.as_object().unwrap();
    let files = std::fs::read_dir(fixtures_dir().join("events"))
        .unwrap()
        .count();
    assert_eq!(
        files,
        expected.len(),
        "a fixture without an expectation, or the reverse"
    );
    assert!(expected.len() >= 60);

    let mut total_refs = 0;
    for (name, expect) in expected.iter() {
        let name = name.as_str();
        let bytes =
            std::fs::read(fixtures_dir().join("events").join(format!("{name}.json"))).unwrap();
        let result = parse_event(&bytes);
        if let Some(error) = expect.get("error") {
            let err = result.expect_err(name);
            assert_eq!(
                err.code(),
                ErrorCode::InvalidPayload,
                "{name}: {}",
                err.message()
            );
            let path = error.get("path").and_then(Json::as_str).unwrap();
            assert!(
                err.message().ends_with(&format!("at {path}")),
                "{name}: {} (wanted path {path})",
                err.message()
            );
            continue;
        }
        let event = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        let body = parse(&bytes).unwrap();
        let derived_text = event.derived_json();
        let derived = parse(derived_text.as_bytes())
            .unwrap_or_else(|e| panic!("{name}: derived output is not JSON: {e}"));

        assert_eq!(
            derived.get("event"),
            expect.get("event"),
            "{name}: canonical name"
        );
        assert_eq!(
            event.name(),
            expect.get("event").and_then(Json::as_str).unwrap()
        );
        let received = expect.get("receivedEvent").or(body.get("event")).unwrap();
        assert_eq!(
            Some(&Json::from(event.received_name())),
            Some(received),
            "{name}: name as received"
        );
        // Lossless: data and every other top-level member, exactly as sent.
        assert_eq!(
            Some(event.data()),
            body.get("data"),
            "{name}: data untouched"
        );
        assert_eq!(
            Some(&Json::Object(event.body().clone())),
            body.as_object().map(|o| Json::Object(o.clone())).as_ref(),
            "{name}: body untouched"
        );

        let view_name = derived.get("view").and_then(Json::as_str);
        let view_of = |v: &str| {
            (view_name == Some(v))
                .then(|| derived.get("value"))
                .flatten()
        };
        for view in ["messages", "statuses", "reactions", "sessionStatus"] {
            match (expect.get(view), view_of(view)) {
                (Some(want), Some(got)) => assert!(
                    same(want, got),
                    "{name}: {view}\n want {}\n  got {}",
                    want.to_json_string(),
                    got.to_json_string()
                ),
                (None, None) => {}
                (want, got) => panic!("{name}: {view}: want {want:?}, got {got:?}"),
            }
        }
        let want_ts = expect
            .get("timestamp")
            .or(body.get("timestamp"))
            .and_then(Json::as_f64);
        assert_eq!(
            derived.get("timestamp").and_then(Json::as_f64),
            want_ts.map(|t| if t > 1e11 { t / 1000.0 } else { t }),
            "{name}: timestamp"
        );
        assert_eq!(
            event.kind().view_name(),
            view_name,
            "{name}: the table's view"
        );

        // The wasm's hand-off: the same, as a tape on which view text that
        // is a run of the body is where it lies there.
        let tape = event.derived_tape();
        let body_text = std::str::from_utf8(&bytes).unwrap();
        let (read, refs) = tape_to_json(&tape, body_text);
        let read =
            parse(read.as_bytes()).unwrap_or_else(|e| panic!("{name}: tape read as {read}: {e}"));
        assert!(
            same(&read, &derived),
            "{name}: the tape says what the JSON says"
        );
        total_refs += refs;
    }
    // Message ids, JIDs and texts are refs in nearly every fixture.
    assert!(total_refs > 100, "only {total_refs} refs");
}

#[test]
fn every_known_event_has_a_fixture() {
    let expected_bytes = std::fs::read(fixtures_dir().join("expected.json")).unwrap();
    let expected = parse(&expected_bytes).unwrap();
    for kind in wasender_webhook::event::EventKind::KNOWN {
        let covered = expected
            .as_object()
            .unwrap()
            .iter()
            .any(|(_, e)| e.get("event").and_then(Json::as_str) == Some(kind.name()));
        assert!(covered, "no fixture for {}", kind.name());
    }
}

/// The shape table (what parse_event checks) and the typed decoders (what
/// `Event::typed` uses) come from the same declarations; hold them to it on
/// every fixture, the invalid ones included.
#[test]
fn the_shape_table_and_the_typed_decoders_agree() {
    use wasender_webhook::__private::check_shape;
    use wasender_webhook::event::{EventData, EventKind};
    for entry in std::fs::read_dir(fixtures_dir().join("events")).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let body = parse(&bytes).unwrap();
        let Some(name) = body.get("event").and_then(Json::as_str) else {
            continue;
        };
        let kind = EventKind::from_received(name);
        let (Some(shape), Some(data)) = (kind.data_shape(), body.get("data")) else {
            continue;
        };
        let checked = check_shape(&shape, data).map_err(|e| e.describe());
        let decoded = EventData::decode(kind, data)
            .map(|_| ())
            .map_err(|e| e.describe());
        assert_eq!(
            checked.is_ok(),
            decoded.is_ok(),
            "{}: {checked:?} vs {decoded:?}",
            path.display()
        );
        if let (Err(a), Err(b)) = (&checked, &decoded) {
            let path_of = |m: &str| m.rsplit(" at ").next().unwrap().to_owned();
            assert_eq!(path_of(a), path_of(b), "{}", path.display());
        }
    }
}
