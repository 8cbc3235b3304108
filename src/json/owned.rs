//! Trees that own their text: what an event needs to outlive its body
//! (moved into a task, sent down a channel). Each borrowed slice of the
//! body becomes a copy of itself; nothing is re-read, so the owned tree is
//! the same tree, member for member.

use super::{Json, JsonStr, Object};
use alloc::borrow::Cow;

impl JsonStr<'_> {
    /// This string, owning its text.
    pub fn into_owned(self) -> JsonStr<'static> {
        JsonStr {
            text: Cow::Owned(self.text.into_owned()),
            utf16: self.utf16,
        }
    }
}

impl Object<'_> {
    /// This object, owning all its text.
    pub fn into_owned(self) -> Object<'static> {
        Object {
            members: self
                .members
                .into_iter()
                .map(|(key, value)| (key.into_owned(), value.into_owned()))
                .collect(),
        }
    }
}

impl Json<'_> {
    /// This value, owning all its text (see [`crate::Event::into_owned`]).
    /// Recursion is bounded by the parser's depth limit.
    pub fn into_owned(self) -> Json<'static> {
        match self {
            Json::Null => Json::Null,
            Json::Bool(b) => Json::Bool(b),
            Json::Number(text) => Json::Number(text.into_owned()),
            Json::String(s) => Json::String(s.into_owned()),
            Json::Array(items) => Json::Array(items.into_iter().map(Json::into_owned).collect()),
            Json::Object(object) => Json::Object(object.into_owned()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    #[test]
    fn the_owned_tree_equals_the_borrowed_one() {
        let body = "{\"a\":[1.50,-0,1e400,\"x\\ny\",\"cut \\ud83d\",{\"b\":null,\"b\":true}],\"\\u00e9\":\"\u{e9}\"}";
        let tree = parse(body.as_bytes()).unwrap();
        let owned = tree.clone().into_owned();
        assert_eq!(owned, tree);
        assert_eq!(owned.to_json_string(), tree.to_json_string());
        fn is_static<T: 'static + Send + Sync>(_: &T) {}
        is_static(&owned);
    }
}
