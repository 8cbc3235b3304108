//! The type stubs of the event types (`wasender_webhook/events.pyi`),
//! rendered from the core's description of its model
//! (`__private::describe`), as the wasm skin renders the TypeScript
//! declarations from the same model: no wire name is spelled here.

use std::fmt::Write;
use wasender_webhook::__private::describe::{
    event_rows, model_declarations, view_declarations, Decl, DeclKind, Field, Ty,
};
use wasender_webhook::ErrorCode;

/// The whole `events.pyi`.
pub fn stub_text() -> String {
    let mut out = String::from(
        "# Generated from the Rust model by the native module (python/src/stubs.rs):\n\
         # `python -c \"import wasender_webhook._native as n; print(n._stub_text(), end='')\"`.\n\
         # Do not edit. Wire objects are TypedDicts of their documented fields: what is\n\
         # not documented stays in the dict too (nothing is dropped).\n\n\
         from typing import Any, Literal, NotRequired, TypeAlias, TypedDict\n\n\
         from ._views import View\n\n",
    );
    out.push_str("#: Every WebhookError.code.\nErrorCode: TypeAlias = Literal[\n");
    for code in ErrorCode::ALL {
        let _ = writeln!(out, "    \"{}\",", code.as_str());
    }
    out.push_str("]\n\n");

    for decl in model_declarations().into_iter().chain(view_declarations()) {
        declaration(&mut out, &decl);
        out.push('\n');
    }

    let rows = event_rows();
    let views: Vec<&str> = rows
        .iter()
        .filter_map(|(.., view)| view.as_ref().map(|(member, _)| *member))
        .fold(Vec::new(), |mut all, m| {
            if !all.contains(&m) {
                all.push(m);
            }
            all
        });
    for (variant, name, data, view) in &rows {
        event_class(
            &mut out,
            &format!("{variant}Event"),
            &format!("`{name}`"),
            &ty(&Ty::Literal(name)),
            &ty(data),
            view.as_ref(),
            &views,
        );
    }
    event_class(
        &mut out,
        "UnknownEvent",
        "An event this version does not know: passed through, never an error.",
        "Literal[\"unknown\"]",
        "Any",
        None,
        &views,
    );
    out.push_str("#: A verified delivery: narrow it on `event.event` (the canonical name).\nWebhookEvent: TypeAlias = (\n");
    for (variant, ..) in &rows {
        let _ = writeln!(out, "    {variant}Event |");
    }
    out.push_str("    UnknownEvent\n)\n\n#: Every canonical event name.\nWebhookEventName: TypeAlias = Literal[\n");
    for (_, name, ..) in &rows {
        let _ = writeln!(out, "    \"{name}\",");
    }
    out.push_str("    \"unknown\",\n]\n");
    out
}

/// The Python type of a type expression.
fn ty(t: &Ty) -> String {
    match t {
        Ty::String => "str".into(),
        // A float annotation accepts ints (json.loads gives both).
        Ty::Number => "float".into(),
        Ty::Bool => "bool".into(),
        Ty::Unknown => "Any".into(),
        Ty::Literal(s) => format!("Literal[\"{s}\"]"),
        Ty::Named(n) => (*n).into(),
        Ty::Array(item) => format!("list[{}]", ty(item)),
        Ty::Map(item) => format!("dict[str, {}]", ty(item)),
        Ty::Union(all) => all.iter().map(ty).collect::<Vec<_>>().join(" | "),
    }
}

/// A docstring, indented.
fn docstring(out: &mut String, lines: &[&str], indent: &str) {
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return;
    }
    let text = lines
        .join(&format!("\n{indent}"))
        .replace('\\', "\\\\")
        .replace("\"\"\"", "\\\"\\\"\\\"");
    let _ = writeln!(out, "{indent}\"\"\"{text}\"\"\"");
}

/// `#` comments, indented.
fn comments(out: &mut String, lines: &[&str], indent: &str) {
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        let _ = writeln!(out, "{indent}# {line}");
    }
}

fn declaration(out: &mut String, decl: &Decl) {
    match &decl.kind {
        DeclKind::Alias(t) => {
            comments(out, decl.doc, "");
            let _ = writeln!(out, "{}: TypeAlias = {}", decl.name, ty(t));
        }
        DeclKind::Names(names) => {
            comments(out, decl.doc, "");
            let names: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
            let _ = writeln!(
                out,
                "{}: TypeAlias = Literal[{}]",
                decl.name,
                names.join(", ")
            );
        }
        DeclKind::Wire(fields) => wire_dict(out, decl, fields),
        DeclKind::View(fields) => {
            let _ = writeln!(out, "class {}(View):", decl.name);
            docstring(out, decl.doc, "    ");
            for field in fields {
                let optional = if field.required { "" } else { " | None" };
                let _ = writeln!(
                    out,
                    "    @property\n    def {}(self) -> {}{optional}:",
                    field.rust,
                    ty(&field.ty)
                );
                if field.doc.iter().any(|l| !l.trim().is_empty()) {
                    docstring(out, field.doc, "        ");
                } else {
                    out.push_str("        ...\n");
                }
            }
        }
    }
}

/// A wire object as a TypedDict: required fields as they are, optional
/// ones NotRequired and nullable (the wire sends null for "absent").
/// Keys that are not identifiers (`from`) need the functional syntax.
fn wire_dict(out: &mut String, decl: &Decl, fields: &[Field]) {
    let member = |f: &Field| {
        if f.required {
            ty(&f.ty)
        } else {
            match &f.ty {
                // Any already holds None.
                Ty::Unknown => "NotRequired[Any]".into(),
                t => format!("NotRequired[{} | None]", ty(t)),
            }
        }
    };
    if fields.iter().all(|f| is_identifier(f.wire)) {
        let _ = writeln!(out, "class {}(TypedDict):", decl.name);
        docstring(out, decl.doc, "    ");
        for field in fields {
            comments(out, field.doc, "    ");
            let _ = writeln!(out, "    {}: {}", field.wire, member(field));
        }
        if fields.is_empty() && decl.doc.is_empty() {
            out.push_str("    ...\n");
        }
    } else {
        comments(out, decl.doc, "");
        let _ = writeln!(
            out,
            "{} = TypedDict(\n    \"{}\",\n    {{",
            decl.name, decl.name
        );
        for field in fields {
            comments(out, field.doc, "        ");
            let _ = writeln!(out, "        \"{}\": {},", field.wire, member(field));
        }
        out.push_str("    },\n)\n");
    }
}

fn is_identifier(name: &str) -> bool {
    const KEYWORDS: &[&str] = &[
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
        "try", "while", "with", "yield",
    ];
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.contains(&name)
}

/// One event's class: the members every event has, its name as a literal,
/// its data's type, and its view (the other views are None on it).
fn event_class(
    out: &mut String,
    class: &str,
    doc: &str,
    event: &str,
    data: &str,
    view: Option<&(&'static str, Ty)>,
    views: &[&str],
) {
    let _ = writeln!(out, "class {class}:");
    docstring(out, &[doc], "    ");
    let _ = writeln!(out, "    event: {event}");
    out.push_str(
        "    #: The event name exactly as sent (an alias, or an unknown event's name).\n    received_event: str\n\
         \x20   #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).\n    timestamp: float | None\n\
         \x20   #: The sessionId, if sent: it may be the session's API key, a secret.\n    session_id: str | None\n",
    );
    let _ = writeln!(
        out,
        "    #: Exactly `json.loads(body)[\"data\"]`.\n    data: {data}"
    );
    out.push_str(
        "    #: Every top-level member of the body but `data`.\n    envelope: dict[str, Any]\n",
    );
    for member in views {
        let attr = snake(member);
        match view {
            Some((m, t)) if m == member => {
                let _ = writeln!(out, "    {attr}: {}", ty(t));
            }
            _ => {
                let _ = writeln!(out, "    {attr}: None");
            }
        }
    }
    out.push('\n');
}

/// A view member's attribute name: `sessionStatus` → `session_status`.
pub fn snake(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
