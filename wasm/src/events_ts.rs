//! The TypeScript declarations of the event types, generated from the core's
//! model (`event::model`, `event::views`, `event::kinds`) and the error
//! codes, so the `.d.ts` can never drift from what the parser accepts.
//! `scripts/build` writes them to `pkg/dist/events.d.ts`.

use crate::prelude::*;
use wasender_webhook::__private::typescript::{event_rows, model_declarations, view_declarations};
use wasender_webhook::ErrorCode;

/// The whole `events.d.ts`.
pub fn declarations() -> String {
    let mut out = String::from(
        "// Generated from the Rust sources by scripts/build (wasm/src/events_ts.rs). Do not edit.\n\
         // Unknown fields stay in the returned data (nothing is dropped); these interfaces\n\
         // declare the documented fields only, so that a typo does not compile.\n\n\
         /** A protobuf int64 as sent: a number, a decimal string, or a Long object. */\n\
         export type Int64 = number | string | { low: number; high: number; unsigned?: boolean };\n\n\
         /** Binary fields: base64 text (some gateways send byte-indexed objects). */\n\
         export type Base64Bytes = string | { [index: string]: number } | number[];\n\n",
    );

    out.push_str("/** Every `WebhookError.code`. */\nexport type WebhookErrorCode =");
    for code in ErrorCode::ALL {
        out.push_str(&format!("\n  | \"{}\"", code.as_str()));
    }
    out.push_str(";\n\n");
    out.push_str(
        "/** The HTTP status each `WebhookError.code` answers with (`WebhookError.status`). */\n\
         export interface WebhookErrorStatuses {",
    );
    for code in ErrorCode::ALL {
        out.push_str(&format!("\n  {}: {};", code.as_str(), code.status()));
    }
    out.push_str("\n}\n\n/** Every `WebhookError.status`. */\nexport type WebhookErrorStatus = WebhookErrorStatuses[WebhookErrorCode];\n\n");

    for declaration in model_declarations().into_iter().chain(view_declarations()) {
        out.push_str(&declaration);
        out.push('\n');
    }

    out.push_str(
        "/** What every event carries besides its `data`. */\n\
         export interface EventEnvelope {\n\
         \x20 /** The event name exactly as sent (an alias such as \"call.received\", or an unknown event's name). */\n\
         \x20 receivedEvent: string;\n\
         \x20 /** The envelope timestamp in unix seconds, whether it was sent in seconds or milliseconds. */\n\
         \x20 timestamp?: number;\n\
         \x20 /** May be the session's API key: treat it as a secret. */\n\
         \x20 sessionId?: string;\n\
         \x20 /** Every top-level member of the body except `data`, exactly as sent. */\n\
         \x20 envelope: { event: string; timestamp?: unknown; sessionId?: unknown; [field: string]: unknown };\n\
         }\n\n",
    );

    let rows = event_rows();
    for (variant, name, data_type, view) in &rows {
        out.push_str(&format!(
            "/** `{name}` */\nexport interface {variant}Event extends EventEnvelope {{\n"
        ));
        out.push_str(&format!("  event: \"{name}\";\n  /** Exactly as sent (deep-equal to JSON.parse of the body). */\n  data: {data_type};\n"));
        if let Some(member) = view {
            out.push_str(&format!("  {member};\n"));
        }
        out.push_str("}\n\n");
    }
    out.push_str(
        "/** An event this version does not know: passed through, never an error. */\n\
         export interface UnknownEvent extends EventEnvelope {\n  event: \"unknown\";\n  data: unknown;\n}\n\n",
    );

    out.push_str("/** A verified delivery, discriminated on `event` (the canonical name). */\nexport type WebhookEvent =");
    for (variant, ..) in &rows {
        out.push_str(&format!("\n  | {variant}Event"));
    }
    out.push_str("\n  | UnknownEvent;\n\n");
    out.push_str("/** Every canonical event name. */\nexport type WebhookEventName = WebhookEvent[\"event\"];\n\n");
    out.push_str("/** The event type for one name: `EventOf<\"messages.upsert\">`. */\n");
    out.push_str(
        "export type EventOf<N extends WebhookEventName> = Extract<WebhookEvent, { event: N }>;\n",
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_referenced_type_is_declared() {
        let ts = declarations();
        let declared: Vec<&str> = ts
            .lines()
            .filter_map(|l| {
                l.strip_prefix("export interface ")
                    .or_else(|| l.strip_prefix("export type "))
            })
            .filter_map(|l| l.split([' ', '<']).next())
            .collect();
        let builtin = ["Array", "Extract", "WebhookEvent", "N"]; // N: a type parameter
        let code: String = ts
            .lines()
            .filter(|l| !l.trim_start().starts_with(['/', '*']))
            .map(|l| format!("{l}\n"))
            .collect();
        // Every capitalised identifier used in a type position must be declared.
        for word in code
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase()))
        {
            if code.contains(&format!(": {word}"))
                || code.contains(&format!("| {word}"))
                || code.contains(&format!("{word}[]"))
            {
                assert!(
                    declared.contains(&word) || builtin.contains(&word),
                    "{word} is used but not declared"
                );
            }
        }
    }

    #[test]
    fn the_union_has_every_event_and_unknown() {
        let ts = declarations();
        for kind in wasender_webhook::event::EventKind::KNOWN {
            assert!(
                ts.contains(&format!("event: \"{}\";", kind.name())),
                "{}",
                kind.name()
            );
        }
        assert!(ts.contains("  | UnknownEvent;"));
        for code in ErrorCode::ALL {
            assert!(ts.contains(&format!("| \"{}\"", code.as_str())));
        }
    }
}
