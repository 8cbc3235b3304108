//! The event table: every documented event, its aliases (only spellings seen
//! in a real sender or SDK: ../shared/docs/wasender-protocol.md §4), its data type and
//! the normalised view it carries. One row per event; the enums, the name
//! mapping, the decoder dispatch and the TypeScript union all come from it.

use super::decode::{Decode, TsType};
use super::describe::{Describe, Ty};
use super::model::*;
use super::shape::ShapeError;
use crate::json::Json;
use crate::prelude::*;

macro_rules! events {
    ( $( $variant:ident = $name:literal $([ $($alias:literal),* ])? => $ty:ty, view $view:ident; )* ) => {
        /// Which event a delivery is, by its canonical name.
        ///
        /// Non-exhaustive: a new event in a minor release is not a breaking
        /// change, so matches need a `_` arm (which `Unknown` events also
        /// reach).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum EventKind {
            $( #[doc = concat!("`", $name, "`")] $variant, )*
            /// Any other name: passed through untouched, never an error.
            Unknown,
        }

        impl EventKind {
            /// Every known event (all but `Unknown`), in table order.
            pub const KNOWN: &'static [EventKind] = &[$(EventKind::$variant),*];

            /// The canonical name (`"unknown"` for unknown events).
            pub const fn name(self) -> &'static str {
                match self {
                    $( EventKind::$variant => $name, )*
                    EventKind::Unknown => "unknown",
                }
            }

            /// The kind for a name as received: canonical names and known
            /// aliases map to their event, anything else is `Unknown`.
            pub fn from_received(name: &str) -> EventKind {
                // A search of the table, not a `match` on strings: far
                // less wasm, and 22 length-first comparisons are nothing.
                Self::KNOWN
                    .iter()
                    .copied()
                    .find(|kind| kind.name() == name || kind.aliases().contains(&name))
                    .unwrap_or(EventKind::Unknown)
            }

            /// The documented shape(s) of this event's `data`; `None` for unknown events.
            // `'a` names the data types' lifetime in `$ty`, unused otherwise.
            #[allow(clippy::extra_unused_lifetimes)]
            #[doc(hidden)]
            pub fn data_shape<'a>(self) -> Option<super::shape::Shape> {
                match self {
                    $( EventKind::$variant => Some(<$ty as super::shape::HasShape>::SHAPE), )*
                    EventKind::Unknown => None,
                }
            }

            /// The other spellings seen in the wild for this event.
            pub fn aliases(self) -> &'static [&'static str] {
                match self {
                    $( EventKind::$variant => &[$($($alias),*)?], )*
                    EventKind::Unknown => &[],
                }
            }

            /// The member that carries this event's normalised view
            /// (`"messages"`, `"statuses"`, `"reactions"`, `"sessionStatus"`), if any.
            pub fn view_name(self) -> Option<&'static str> {
                self.view().name()
            }

            /// Which normalised view this event carries.
            pub(crate) fn view(self) -> ViewKind {
                match self {
                    $( EventKind::$variant => ViewKind::$view, )*
                    EventKind::Unknown => ViewKind::None,
                }
            }
        }

        /// An event's `data`, typed (borrowed from the parsed body).
        /// Non-exhaustive, like [`EventKind`].
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum EventData<'a> {
            $( #[doc = concat!("The data of `", $name, "`.")] $variant($ty), )*
            /// An unknown event's data, as sent.
            Unknown(&'a Json<'a>),
        }

        /// `serde`: `data` as sent, whichever shape it was read as.
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for EventData<'_> {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $( EventData::$variant(data) => ::serde::Serialize::serialize(data, serializer), )*
                    EventData::Unknown(data) => ::serde::Serialize::serialize(data, serializer),
                }
            }
        }

        impl<'a> EventData<'a> {
            /// Read `data` as the documented shape(s) of `kind`
            /// ([`crate::Event::typed`] is the public way in).
            ///
            /// # Errors
            ///
            /// Where `data` does not fit, by JSON path.
            #[doc(hidden)]
            pub fn decode(kind: EventKind, data: &'a Json<'a>) -> Result<EventData<'a>, ShapeError> {
                Ok(match kind {
                    $( EventKind::$variant => EventData::$variant(<$ty as Decode>::decode(data)?), )*
                    EventKind::Unknown => EventData::Unknown(data),
                })
            }

            /// `[(interface name, canonical name, data type, view member)]` for the generator.
            pub(crate) fn ts_rows() -> Vec<(&'static str, &'static str, String, ViewKind)> {
                vec![ $( (stringify!($variant), $name, <$ty as TsType>::ts_type(), ViewKind::$view), )* ]
            }

            /// `[(variant, canonical name, data type, view)]`, described for
            /// the bindings' type generators (`super::describe`).
            pub(crate) fn describe_rows() -> Vec<(&'static str, &'static str, Ty, ViewKind)> {
                vec![ $( (stringify!($variant), $name, <$ty as Describe>::describe(), ViewKind::$view), )* ]
            }
        }
    };
}

/// Which normalised view an event carries beside its data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ViewKind {
    None,
    Messages,
    Statuses,
    Reactions,
    SessionStatus,
}

impl ViewKind {
    /// The view's member in the event the bindings hand out.
    pub(crate) const fn name(self) -> Option<&'static str> {
        match self {
            ViewKind::None => None,
            ViewKind::Messages => Some("messages"),
            ViewKind::Statuses => Some("statuses"),
            ViewKind::Reactions => Some("reactions"),
            ViewKind::SessionStatus => Some("sessionStatus"),
        }
    }

    /// The view's member and its type, described (`super::describe`).
    pub(crate) fn describe_member(self) -> Option<(&'static str, Ty)> {
        let ty = match self {
            ViewKind::None => return None,
            ViewKind::Messages => Ty::Array(Box::new(Ty::Named("NormalizedMessage"))),
            ViewKind::Statuses => Ty::Array(Box::new(Ty::Named("StatusUpdate"))),
            ViewKind::Reactions => Ty::Array(Box::new(Ty::Named("NormalizedReaction"))),
            ViewKind::SessionStatus => Ty::Named("SessionStatus"),
        };
        Some((self.name()?, ty))
    }

    /// The TypeScript member for the view, if any.
    pub(crate) fn ts_member(self) -> Option<String> {
        let ts_type = match self {
            ViewKind::None => return None,
            ViewKind::Messages => "NormalizedMessage[]",
            ViewKind::Statuses => "StatusUpdate[]",
            ViewKind::Reactions => "NormalizedReaction[]",
            ViewKind::SessionStatus => "SessionStatus",
        };
        Some([self.name()?, ": ", ts_type].concat())
    }
}

events! {
    MessagesUpsert = "messages.upsert" => MessagesData<'a>, view Messages;
    MessagesReceived = "messages.received" ["messages.recieved", "message.received"] => MessagesData<'a>, view Messages;
    MessagesPersonalReceived = "messages-personal.received" ["message.personal.received"] => MessagesData<'a>, view Messages;
    MessagesGroupReceived = "messages-group.received" ["message.group.received"] => MessagesData<'a>, view Messages;
    MessagesNewsletterReceived = "messages-newsletter.received" ["message.newsletter.received"] => MessagesData<'a>, view Messages;
    MessageSent = "message.sent" => MessagesData<'a>, view Messages;
    MessagesUpdate = "messages.update" => OneOrMany<MessageUpdate<'a>>, view Statuses;
    MessagesDelete = "messages.delete" => MessagesDeleteData<'a>, view None;
    MessagesReaction = "messages.reaction" => OneOrMany<MessageReaction<'a>>, view Reactions;
    MessageReceiptUpdate = "message-receipt.update" => MessageReceiptData<'a>, view Statuses;
    ChatsUpsert = "chats.upsert" => Vec<Chat<'a>>, view None;
    ChatsUpdate = "chats.update" => Vec<Chat<'a>>, view None;
    ChatsDelete = "chats.delete" => Vec<&'a str>, view None;
    GroupsUpsert = "groups.upsert" => Vec<GroupMetadata<'a>>, view None;
    GroupsUpdate = "groups.update" => Vec<GroupMetadata<'a>>, view None;
    GroupParticipantsUpdate = "group-participants.update" => GroupParticipantsUpdate<'a>, view None;
    ContactsUpsert = "contacts.upsert" => Vec<Contact<'a>>, view None;
    ContactsUpdate = "contacts.update" => Vec<Contact<'a>>, view None;
    SessionStatus = "session.status" => SessionStatusData<'a>, view SessionStatus;
    QrCodeUpdated = "qrcode.updated" => QrCodeData<'a>, view None;
    Call = "call" ["call.received"] => CallData<'a>, view None;
    PollResults = "poll.results" => PollResultsData<'a>, view None;
}

use super::decode::OneOrMany;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_aliases_map_to_one_kind() {
        assert_eq!(EventKind::KNOWN.len(), 22);
        for &kind in EventKind::KNOWN {
            assert_eq!(EventKind::from_received(kind.name()), kind);
            for alias in kind.aliases() {
                assert_eq!(EventKind::from_received(alias), kind, "{alias}");
            }
        }
        assert_eq!(EventKind::from_received("call.received"), EventKind::Call);
        assert_eq!(
            EventKind::from_received("messages.recieved"),
            EventKind::MessagesReceived
        );
        assert_eq!(
            EventKind::from_received("presence.update"),
            EventKind::Unknown
        );
        assert_eq!(
            EventKind::from_received("MESSAGES.UPSERT"),
            EventKind::Unknown,
            "names are exact"
        );
    }
}
