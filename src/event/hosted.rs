//! Derived output into a [`Sink`] a binding writes itself: the Python
//! binding builds its view objects straight from it, where going through
//! [`super::Event::derived_json`] would write the views as JSON text only
//! to parse that text again.

use super::sink::Sink;

impl super::Event<'_> {
    /// What [`Self::derived_json`] holds, written into `sink`.
    #[doc(hidden)] // the bindings' hand-off, like derived_tape
    pub fn write_derived_into<S: Sink>(&self, sink: &mut S) {
        self.write_derived(sink);
    }
}
