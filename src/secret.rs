//! A configured webhook secret, as bytes that never show up in output.

use crate::prelude::*;
use core::fmt;

/// One secret: the session's `webhook_secret` string, or raw key bytes.
///
/// `Debug` prints only the length, so a secret that ends up in a log line or
/// a panic message through some `{:?}` does not leak.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Vec<u8>);

impl Secret {
    /// The secret's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// Whether the secret is empty (refused when a hook is made).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret([redacted; {} bytes])", self.0.len())
    }
}

impl From<&str> for Secret {
    fn from(s: &str) -> Self {
        Secret(s.as_bytes().to_vec())
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Secret(s.into_bytes())
    }
}

impl From<&[u8]> for Secret {
    fn from(b: &[u8]) -> Self {
        Secret(b.to_vec())
    }
}

impl From<Vec<u8>> for Secret {
    fn from(b: Vec<u8>) -> Self {
        Secret(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let s = Secret::from("fb61aa1c2f9e4b0d8c7e6a5b4c3d2e6c");
        let shown = format!("{s:?}");
        assert!(!shown.contains("fb61"), "{shown}");
        assert!(shown.contains("32 bytes"));
    }
}
