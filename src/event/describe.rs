//! A language-neutral description of the model's types, for the bindings'
//! type generators (the Python stubs; any other language's next).
//!
//! The same macros that declare a wire type once (`wire_object!`,
//! `view_object!`, `name_set!`) also describe it here: its name, its doc
//! lines, and each field's wire name, Rust name, whether it is required,
//! and its type as a [`Ty`] tree. A generator renders that tree in its own
//! language, so every wire name is still spelled once, in the declaration.
//! Nothing here is used at run time by the core.

use crate::json::{Json, JsonStr};
use crate::prelude::*;

/// A type expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    /// A JSON string.
    String,
    /// A JSON number (integer or not).
    Number,
    /// A JSON boolean.
    Bool,
    /// Any JSON value.
    Unknown,
    /// One exact string.
    Literal(&'static str),
    /// A declared type, by its name (a [`Decl`]).
    Named(&'static str),
    /// A JSON array of the type.
    Array(Box<Ty>),
    /// A JSON object whose every member is of the type.
    Map(Box<Ty>),
    /// Any one of the types.
    Union(Vec<Ty>),
}

/// One field of an object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Its name on the wire (and in the JS package).
    pub wire: &'static str,
    /// Its name in the Rust struct (snake_case).
    pub rust: &'static str,
    /// Required fields are present and not null; optional ones may be
    /// absent, or null on the wire (wire objects) but never in a view.
    pub required: bool,
    /// Its type.
    pub ty: Ty,
    /// Its doc comment, line by line.
    pub doc: &'static [&'static str],
}

/// What a declaration is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeclKind {
    /// An object as sent: these fields are documented, others are kept.
    Wire(Vec<Field>),
    /// A normalised view the core derives: exactly these fields.
    View(Vec<Field>),
    /// A closed set of names.
    Names(&'static [&'static str]),
    /// Another name for a type expression.
    Alias(Ty),
}

/// A named declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decl {
    /// The type's name (the TypeScript declarations use the same).
    pub name: &'static str,
    /// Its doc comment, line by line.
    pub doc: &'static [&'static str],
    /// What it is.
    pub kind: DeclKind,
}

/// The type expression of a Rust type of the model.
pub trait Describe {
    /// The type, as a generator reads it.
    fn describe() -> Ty;
}

/// The declaration of a named type of the model.
pub trait Declare {
    /// The declaration, as a generator reads it.
    fn declare() -> Decl;
}

impl Describe for &str {
    fn describe() -> Ty {
        Ty::String
    }
}
impl Describe for String {
    fn describe() -> Ty {
        Ty::String
    }
}
impl Describe for JsonStr<'_> {
    fn describe() -> Ty {
        Ty::String
    }
}
impl Describe for bool {
    fn describe() -> Ty {
        Ty::Bool
    }
}
impl Describe for &Json<'_> {
    fn describe() -> Ty {
        Ty::Unknown
    }
}
impl<T: Describe> Describe for Vec<T> {
    fn describe() -> Ty {
        Ty::Array(Box::new(T::describe()))
    }
}
impl<T: Describe> Describe for Box<T> {
    fn describe() -> Ty {
        T::describe()
    }
}

/// The declarations the model's field types refer to that no Rust type
/// declares: how the wire spells a 64-bit integer and binary data.
pub fn wire_aliases() -> Vec<Decl> {
    vec![
        Decl {
            name: "Long",
            doc: &["A protobuf int64 as a Long object (protobufjs)."],
            kind: DeclKind::Wire(vec![
                Field {
                    wire: "low",
                    rust: "low",
                    required: true,
                    ty: Ty::Number,
                    doc: &[],
                },
                Field {
                    wire: "high",
                    rust: "high",
                    required: true,
                    ty: Ty::Number,
                    doc: &[],
                },
                Field {
                    wire: "unsigned",
                    rust: "unsigned",
                    required: false,
                    ty: Ty::Bool,
                    doc: &[],
                },
            ]),
        },
        Decl {
            name: "Int64",
            doc: &["A protobuf int64 as sent: a number, a decimal string, or a Long object."],
            kind: DeclKind::Alias(Ty::Union(vec![Ty::Number, Ty::String, Ty::Named("Long")])),
        },
        Decl {
            name: "Base64Bytes",
            doc: &["Binary fields: base64 text (some gateways send byte-indexed objects)."],
            kind: DeclKind::Alias(Ty::Union(vec![
                Ty::String,
                Ty::Map(Box::new(Ty::Number)),
                Ty::Array(Box::new(Ty::Number)),
            ])),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::{model, views, EventData};

    fn named(ty: &Ty, out: &mut Vec<&'static str>) {
        match ty {
            Ty::Named(name) => out.push(name),
            Ty::Array(item) | Ty::Map(item) => named(item, out),
            Ty::Union(all) => all.iter().for_each(|t| named(t, out)),
            Ty::String | Ty::Number | Ty::Bool | Ty::Unknown | Ty::Literal(_) => {}
        }
    }

    #[test]
    fn every_named_type_is_declared_once() {
        let decls: Vec<Decl> = model::declarations()
            .into_iter()
            .chain(views::declarations())
            .collect();
        let declared: Vec<&str> = decls.iter().map(|d| d.name).collect();
        for (i, name) in declared.iter().enumerate() {
            assert!(!declared[..i].contains(name), "{name} declared twice");
        }
        let mut used = Vec::new();
        for decl in &decls {
            match &decl.kind {
                DeclKind::Wire(fields) | DeclKind::View(fields) => {
                    fields.iter().for_each(|f| named(&f.ty, &mut used))
                }
                DeclKind::Alias(ty) => named(ty, &mut used),
                DeclKind::Names(_) => {}
            }
        }
        for (.., data, view) in EventData::describe_rows() {
            named(&data, &mut used);
            if let Some((_, ty)) = view.describe_member() {
                named(&ty, &mut used);
            }
        }
        for name in used {
            assert!(declared.contains(&name), "{name} is used but not declared");
        }
    }

    #[test]
    fn descriptions_match_the_typescript_declarations() {
        // The same types, under the same names, as the .d.ts generator's.
        let ts: String = model::ts_declarations()
            .into_iter()
            .chain(views::ts_declarations())
            .collect();
        for decl in model::declarations()
            .into_iter()
            .chain(views::declarations())
        {
            if let DeclKind::Wire(fields) | DeclKind::View(fields) = &decl.kind {
                if decl.name == "Long" || decl.name == "WrappedMessages" {
                    continue; // inline object types in TypeScript
                }
                assert!(
                    ts.contains(&format!("export interface {} {{", decl.name)),
                    "{}",
                    decl.name
                );
                for f in fields {
                    assert!(
                        ts.contains(&format!(
                            "  {}{}",
                            f.wire,
                            if f.required { ":" } else { "?:" }
                        )),
                        "{}.{}",
                        decl.name,
                        f.wire
                    );
                }
            }
        }
    }
}
