//! A JSON syntax check that builds nothing and remembers nothing: no tree,
//! no key comparisons, numbers and escapes checked only loosely. It is the
//! floor under any parser of these bodies, however it is written, so the
//! gap between it and the tree-building parse bounds what a parser that
//! checks shapes while it scans could win. It scans string text with the
//! parser's own word-at-a-time loop, so what separates the two is mostly
//! what the parser builds (and its strict number and escape checks).

use wasender_webhook::__private::plain_run;

/// Whether `bytes` looks like one JSON value (nesting bounded like the parser's).
pub fn check(bytes: &[u8]) -> bool {
    let mut scan = Scan { bytes, at: 0 };
    scan.value(0).is_some() && {
        scan.skip_whitespace();
        scan.at == bytes.len()
    }
}

struct Scan<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    /// `Some` once past `byte`, after any whitespace.
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_whitespace();
        (self.peek()? == byte).then(|| self.at += 1)
    }

    fn value(&mut self, depth: usize) -> Option<()> {
        if depth > wasender_webhook::__private::MAX_DEPTH {
            return None;
        }
        self.skip_whitespace();
        match self.peek()? {
            b'{' => self.container(b'}', |scan| {
                scan.skip_whitespace();
                scan.string()?;
                scan.expect(b':')?;
                scan.value(depth + 1)
            }),
            b'[' => self.container(b']', |scan| scan.value(depth + 1)),
            b'"' => self.string(),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            _ => {
                let start = self.at;
                while let Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') = self.peek() {
                    self.at += 1;
                }
                (self.at > start).then_some(())
            }
        }
    }

    /// `{…}` or `[…]`: `element` for each member or item.
    fn container(&mut self, close: u8, element: impl Fn(&mut Self) -> Option<()>) -> Option<()> {
        self.at += 1;
        self.skip_whitespace();
        if self.peek()? == close {
            self.at += 1;
            return Some(());
        }
        loop {
            element(self)?;
            self.skip_whitespace();
            match self.peek()? {
                b',' => self.at += 1,
                b if b == close => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word).then(|| self.at = end)
    }

    fn string(&mut self) -> Option<()> {
        if self.peek()? != b'"' {
            return None;
        }
        self.at += 1;
        loop {
            self.at += plain_run(self.bytes.get(self.at..)?);
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(());
                }
                b'\\' => self.at += 2,
                _ => return None,
            }
        }
    }
}
