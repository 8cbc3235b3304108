//! Normalised views: what a handler wants to know, the same whatever shape
//! the event arrived in. Read from the parsed tree once its shape has been
//! checked (one parse), and returned beside the untouched `data`.

use super::decode::{jsdoc, name_set, Decode, Int64, TsDeclare, TsType};
use super::model::{DeliveryStatus, SessionStatus};
use super::sink::Sink;
use super::time::UnixTime;
use crate::json::{Json, JsonStr};
use crate::prelude::*;

/// Text in a view: the very string the sender wrote, as `data` has it
/// (lone surrogates included, so two ids that differ only there stay two
/// ids); its text borrowed from the body where it has no escapes.
pub type Text<'a> = JsonStr<'a>;

/// Values a view field can hold, and how each is written out (straight
/// into the output: no tree of values built first).
pub trait ViewValue {
    fn write<S: Sink>(&self, s: &mut S);
}
impl ViewValue for Text<'_> {
    fn write<S: Sink>(&self, s: &mut S) {
        s.text(self);
    }
}
impl ViewValue for String {
    fn write<S: Sink>(&self, s: &mut S) {
        s.made_text(self);
    }
}
impl ViewValue for bool {
    fn write<S: Sink>(&self, s: &mut S) {
        s.bool(*self);
    }
}
impl ViewValue for UnixTime {
    fn write<S: Sink>(&self, s: &mut S) {
        s.seconds(*self);
    }
}
impl TsType for UnixTime {
    fn ts_type() -> String {
        "number".into()
    }
}
impl TsType for String {
    fn ts_type() -> String {
        "string".into()
    }
}
impl TsType for Text<'_> {
    fn ts_type() -> String {
        "string".into()
    }
}

/// Declare a view once: the Rust struct (its text borrowed from the body
/// where it can be), how it is written out (optional fields omitted when
/// empty; its keys are layout `$layout` of `layouts::LAYOUTS`) and its
/// TypeScript interface.
macro_rules! view_object {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident as $ts:literal, layout $layout:literal {
            $( $(#[doc = $fdoc:literal])* $field:ident : $kind:ident $ty:ty = $wire:literal ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name<'a> {
            $( $(#[doc = $fdoc])* #[doc = ""] #[doc = concat!("In the JS package: `", $wire, "`.")] pub $field: view_object!(@type $kind $ty), )*
        }

        impl $name<'_> {
            /// Its index in `layouts::LAYOUTS`.
            pub(crate) const LAYOUT: usize = $layout;
            /// Its keys, in the order it is written.
            pub(crate) const KEYS: &'static [&'static str] = &[$($wire),*];

            /// The view as an object, absent optional fields left out.
            pub(crate) fn write<S: Sink>(&self, s: &mut S) {
                s.begin_object(Self::LAYOUT);
                $( view_object!(@put $kind s, $wire, &self.$field); )*
                s.end_object();
            }
        }

        impl TsType for $name<'_> {
            fn ts_type() -> String {
                $ts.into()
            }
        }

        impl<'a> TsDeclare for $name<'a> {
            fn ts_declaration() -> String {
                let mut s = jsdoc(&[$($doc),*], "");
                s.push_str(concat!("export interface ", $ts, " {\n"));
                $(
                    s.push_str(&jsdoc(&[$($fdoc),*], "  "));
                    s.push_str(&view_object!(@member $kind $wire, <$ty as TsType>::ts_type()));
                )*
                s.push_str("}\n");
                s
            }
        }

        impl $crate::event::describe::Describe for $name<'_> {
            fn describe() -> $crate::event::describe::Ty {
                $crate::event::describe::Ty::Named($ts)
            }
        }

        impl<'a> $crate::event::describe::Declare for $name<'a> {
            fn declare() -> $crate::event::describe::Decl {
                $crate::event::describe::Decl {
                    name: $ts,
                    doc: &[$($doc),*],
                    kind: $crate::event::describe::DeclKind::View(vec![$(
                        $crate::event::describe::Field {
                            wire: $wire,
                            rust: stringify!($field),
                            required: matches!(stringify!($kind).as_bytes(), b"required"),
                            ty: <$ty as $crate::event::describe::Describe>::describe(),
                            doc: &[$($fdoc),*],
                        },
                    )*]),
                }
            }
        }
    };
    (@type required $ty:ty) => { $ty };
    (@type optional $ty:ty) => { Option<$ty> };
    (@put required $s:ident, $wire:literal, $value:expr) => {
        $s.field($wire);
        ViewValue::write($value, $s);
    };
    (@put optional $s:ident, $wire:literal, $value:expr) => {
        match $value {
            Some(v) => { view_object!(@put required $s, $wire, v); }
            None => $s.absent(),
        }
    };
    (@member required $wire:literal, $ts:expr) => { format!("  {}: {};\n", $wire, $ts) };
    (@member optional $wire:literal, $ts:expr) => { format!("  {}?: {};\n", $wire, $ts) };
}

macro_rules! view_value_for_names {
    ($($name:ty),*) => {$(
        impl ViewValue for $name {
            fn write<S: Sink>(&self, s: &mut S) {
                s.made_text(self.as_str());
            }
        }
    )*};
}
view_value_for_names!(MessageType, DeliveryStatus, SessionStatus);

name_set! {
    /// What a message carries.
    pub enum MessageType as "MessageType" {
        Text = "text",
        Image = "image",
        Video = "video",
        Audio = "audio",
        Document = "document",
        Sticker = "sticker",
        Location = "location",
        Contact = "contact",
        Reaction = "reaction",
        Poll = "poll",
        Other = "other",
    }
}

view_object! {
    /// One message, the same whatever shape and wrapper it came in.
    pub struct NormalizedMessage as "NormalizedMessage", layout 1 {
        /// `key.id`: use it (with `chatJid`) to drop duplicate deliveries.
        /// Absent when the key has none (it is "usually present").
        id: optional Text<'a> = "id",
        /// The chat (`key.remoteJid`): a person, a group (`…@g.us`) or a
        /// newsletter. Absent when the key has none.
        chat_jid: optional Text<'a> = "chatJid",
        is_group: required bool = "isGroup",
        /// Sent by this session's own number.
        from_me: required bool = "fromMe",
        /// Who sent it, preferring the phone-number JID over a LID.
        sender_jid: optional Text<'a> = "senderJid",
        /// The sender's phone number, digits only, when the delivery tells it.
        sender_phone: optional String = "senderPhone",
        push_name: optional Text<'a> = "pushName",
        /// The text, caption or reply text, looked for inside wrappers too.
        text: optional Text<'a> = "text",
        #[doc = "What it carries."]
        message_type: required MessageType = "type",
        /// Unix seconds.
        timestamp: optional UnixTime = "timestamp",
    }
}

view_object! {
    /// A delivery-state change of one message (receipts and updates).
    pub struct StatusUpdate as "StatusUpdate", layout 2 {
        /// `key.id` of the message, when the update names it.
        id: optional Text<'a> = "id",
        /// `key.remoteJid`, when the update names it.
        chat_jid: optional Text<'a> = "chatJid",
        from_me: required bool = "fromMe",
        /// Absent when the update is not about delivery (an edit, a star …).
        status: optional DeliveryStatus = "status",
        /// Whose receipt this is (group receipts name each member).
        user_jid: optional Text<'a> = "userJid",
        /// Unix seconds.
        timestamp: optional UnixTime = "timestamp",
    }
}

view_object! {
    /// A reaction added to (or removed from) a message.
    pub struct NormalizedReaction as "NormalizedReaction", layout 3 {
        /// The message reacted to, when the reaction names it.
        message_id: optional Text<'a> = "messageId",
        /// The chat, when the reaction names it.
        chat_jid: optional Text<'a> = "chatJid",
        /// The emoji; absent when the reaction was removed.
        emoji: optional Text<'a> = "emoji",
        removed: required bool = "removed",
        /// Who reacted (absent when it was this session).
        reactor_jid: optional Text<'a> = "reactorJid",
        from_me: required bool = "fromMe",
        /// Unix seconds.
        timestamp: optional UnixTime = "timestamp",
    }
}

/// The wire names the views read, each looked up in the model at compile
/// time (`wire`, see `shape::wire_name`): spelled once, in `model`, so a
/// renamed field is a compile error here, never a silent `None`.
mod wire {
    use super::super::model::{
        ExtendedTextMessage, MediaMessage, MessageContent, MessageKey, MessageReaction,
        MessageReceipt, MessageUpdate, MessageUpdateFields, Reaction, UserReceipt, WaMessage,
        WrappedMessage,
    };

    pub const KEY: &str = WaMessage::wire("key");
    pub const MESSAGE: &str = WaMessage::wire("message");
    pub const MESSAGE_BODY: &str = WaMessage::wire("message_body");
    pub const PUSH_NAME: &str = WaMessage::wire("push_name");
    pub const MESSAGE_TIMESTAMP: &str = WaMessage::wire("message_timestamp");

    pub const ID: &str = MessageKey::wire("id");
    pub const FROM_ME: &str = MessageKey::wire("from_me");
    pub const REMOTE_JID: &str = MessageKey::wire("remote_jid");
    pub const REMOTE_JID_ALT: &str = MessageKey::wire("remote_jid_alt");
    pub const PARTICIPANT: &str = MessageKey::wire("participant");
    pub const PARTICIPANT_PN: &str = MessageKey::wire("participant_pn");
    pub const PARTICIPANT_ALT: &str = MessageKey::wire("participant_alt");
    pub const SENDER_PN: &str = MessageKey::wire("sender_pn");
    pub const CLEANED_SENDER_PN: &str = MessageKey::wire("cleaned_sender_pn");
    pub const CLEANED_PARTICIPANT_PN: &str = MessageKey::wire("cleaned_participant_pn");

    pub const UPDATE_KEY: &str = MessageUpdate::wire("key");
    pub const UPDATE: &str = MessageUpdate::wire("update");
    pub const STATUS: &str = MessageUpdateFields::wire("status");

    pub const RECEIPT_KEY: &str = MessageReceipt::wire("key");
    pub const RECEIPT: &str = MessageReceipt::wire("receipt");
    pub const USER_JID: &str = UserReceipt::wire("user_jid");
    pub const RECEIPT_TIMESTAMP: &str = UserReceipt::wire("receipt_timestamp");
    pub const READ_TIMESTAMP: &str = UserReceipt::wire("read_timestamp");
    pub const PLAYED_TIMESTAMP: &str = UserReceipt::wire("played_timestamp");

    pub const REACTION_ENTRY_KEY: &str = MessageReaction::wire("key");
    pub const REACTION: &str = MessageReaction::wire("reaction");
    pub const REACTION_KEY: &str = Reaction::wire("key");
    pub const REACTION_TEXT: &str = Reaction::wire("text");
    pub const REACTION_TIMESTAMP: &str = Reaction::wire("sender_timestamp_ms");

    /// The message inside a wrapper (ephemeral, view-once, edited …).
    pub const WRAPPED: &str = WrappedMessage::wire("message");
    pub const EXTENDED_TEXT: &str = ExtendedTextMessage::wire("text");
    pub const CAPTION: &str = MediaMessage::wire("caption");
    pub const CONVERSATION: &str = content("conversation");
    pub const EXTENDED_TEXT_MESSAGE: &str = content("extended_text_message");
    /// The content keys whose `caption` is the message's text.
    pub const CAPTIONED: [&str; 4] = [
        content("image_message"),
        content("video_message"),
        content("ptv_message"),
        content("document_message"),
    ];

    /// `MessageContent`'s keys by Rust name. Only for `const` items: called
    /// at run time it would search the field table on every message.
    pub const fn content(rust: &str) -> &'static str {
        MessageContent::wire(rust)
    }
}

const GROUP_SUFFIX: &str = "@g.us";

/// The string at `path` below `value`.
fn str_at<'a>(value: &Json<'a>, path: &[&str]) -> Option<Text<'a>> {
    path.iter()
        .try_fold(value, |v, key| v.get(key))
        .and_then(Json::string)
}

fn bool_at(value: &Json<'_>, path: &[&str]) -> Option<bool> {
    path.iter()
        .try_fold(value, |v, key| v.get(key))
        .and_then(Json::as_bool)
}

fn time_at(value: &Json<'_>, key: &str, millis: bool) -> Option<UnixTime> {
    let v = Int64::decode(value.get(key)?).ok()?.get();
    if millis {
        UnixTime::from_millis(v)
    } else {
        UnixTime::from_seconds_or_millis(v)
    }
}

/// An item, or each item of an array: the wire sends both.
pub fn one_or_many<'t, 'a>(value: &'t Json<'a>) -> &'t [Json<'a>] {
    value.as_array().unwrap_or(core::slice::from_ref(value))
}

/// Digits of a phone-number JID's user part (`15550001111:3@s.whatsapp.net`
/// → `15550001111`); nothing for LIDs, groups and other JIDs.
fn phone_of_jid(jid: &str) -> Option<String> {
    let (user, server) = jid.split_once('@')?;
    if server != "s.whatsapp.net" && server != "c.us" {
        return None;
    }
    let user = user.split(':').next().unwrap_or(user);
    only_digits(user)
}

fn only_digits(s: &str) -> Option<String> {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty()).then_some(digits)
}

fn is_phone_jid(jid: &str) -> bool {
    jid.ends_with("@s.whatsapp.net") || jid.ends_with("@c.us")
}

/// Wrappers that carry the real content one level down, in `message`.
const WRAPPERS: [&str; 6] = [
    wire::content("ephemeral_message"),
    wire::content("view_once_message"),
    wire::content("view_once_message_v2"),
    wire::content("view_once_message_v2_extension"),
    wire::content("document_with_caption_message"),
    wire::content("edited_message"),
];

/// Content keys and what they carry, in the order they are looked for.
const CONTENT_TYPES: [(&str, MessageType); 18] = [
    (wire::content("conversation"), MessageType::Text),
    (wire::content("extended_text_message"), MessageType::Text),
    (wire::content("image_message"), MessageType::Image),
    (wire::content("video_message"), MessageType::Video),
    (wire::content("ptv_message"), MessageType::Video),
    (wire::content("audio_message"), MessageType::Audio),
    (wire::content("document_message"), MessageType::Document),
    (wire::content("sticker_message"), MessageType::Sticker),
    (wire::content("location_message"), MessageType::Location),
    (
        wire::content("live_location_message"),
        MessageType::Location,
    ),
    (wire::content("contact_message"), MessageType::Contact),
    (
        wire::content("contacts_array_message"),
        MessageType::Contact,
    ),
    (wire::content("reaction_message"), MessageType::Reaction),
    (wire::content("poll_creation_message"), MessageType::Poll),
    (wire::content("poll_creation_message_v2"), MessageType::Poll),
    (wire::content("poll_creation_message_v3"), MessageType::Poll),
    (wire::content("poll_update_message"), MessageType::Poll),
    (wire::content("protocol_message"), MessageType::Other),
];

/// Unwrap ephemeral, view-once, edited and document-with-caption wrappers.
fn innermost<'t, 'a>(content: &'t Json<'a>) -> &'t Json<'a> {
    let inner = WRAPPERS.iter().find_map(|w| {
        content
            .get(w)
            .and_then(|w| w.get(wire::WRAPPED))
            .filter(|m| m.as_object().is_some())
    });
    match inner {
        Some(inner) => innermost(inner),
        None => content,
    }
}

fn text_of<'a>(content: &Json<'a>) -> Option<Text<'a>> {
    let present = |key: &str| content.get(key).filter(|v| !v.is_null());
    content
        .get(wire::CONVERSATION)
        .and_then(Json::string)
        .or_else(|| str_at(content, &[wire::EXTENDED_TEXT_MESSAGE, wire::EXTENDED_TEXT]))
        .or_else(|| {
            wire::CAPTIONED.iter().find_map(|m| {
                present(m)
                    .and_then(|media| media.get(wire::CAPTION))
                    .and_then(Json::string)
            })
        })
        .filter(|t| !t.is_empty())
}

fn type_of(content: &Json<'_>) -> MessageType {
    CONTENT_TYPES
        .iter()
        .find(|(key, _)| content.get(key).is_some_and(|v| !v.is_null()))
        .map_or(MessageType::Other, |(_, t)| *t)
}

impl<'a> NormalizedMessage<'a> {
    /// From a message already checked against the `WAMessage` shape.
    pub fn from_json(m: &Json<'a>) -> NormalizedMessage<'a> {
        let key = m.get(wire::KEY).unwrap_or(&Json::Null);
        let k = |name: &str| key.get(name).and_then(Json::string);
        let chat_jid = k(wire::REMOTE_JID);
        let chat = chat_jid.as_ref().map_or("", JsonStr::as_str);
        let is_group = chat.ends_with(GROUP_SUFFIX);
        let from_me = bool_at(key, &[wire::FROM_ME]).unwrap_or(false);
        let at = |name: &str| key.get(name);
        // The first phone-number JID, else the last candidate.
        fn prefer_phone<'a>([a, b, c]: [Option<&Json<'a>>; 3]) -> Option<Text<'a>> {
            let phone = |jid: &&Json<'_>| jid.as_str().is_some_and(is_phone_jid);
            a.filter(phone)
                .or_else(|| b.filter(phone))
                .or(c)
                .and_then(Json::string)
        }
        let sender_jid = if from_me || chat.ends_with("@newsletter") {
            None
        } else if is_group {
            prefer_phone([
                at(wire::PARTICIPANT_PN),
                at(wire::PARTICIPANT_ALT),
                at(wire::PARTICIPANT),
            ])
        } else {
            prefer_phone([
                at(wire::SENDER_PN),
                at(wire::REMOTE_JID_ALT),
                at(wire::REMOTE_JID),
            ])
        };
        let cleaned = if is_group {
            at(wire::CLEANED_PARTICIPANT_PN)
        } else {
            at(wire::CLEANED_SENDER_PN)
        };
        let sender_phone = if from_me {
            None
        } else {
            cleaned
                .and_then(Json::as_str)
                .and_then(only_digits)
                .or_else(|| {
                    sender_jid
                        .as_ref()
                        .map(JsonStr::as_str)
                        .and_then(phone_of_jid)
                })
        };
        let content = m
            .get(wire::MESSAGE)
            .filter(|c| c.as_object().is_some())
            .map(innermost);
        let text = m
            .get(wire::MESSAGE_BODY)
            .and_then(Json::string)
            .filter(|t| !t.is_empty())
            .or_else(|| content.and_then(text_of));
        let message_type = match content {
            Some(c) => type_of(c),
            None if text.is_some() => MessageType::Text,
            None => MessageType::Other,
        };
        NormalizedMessage {
            id: k(wire::ID),
            chat_jid,
            is_group,
            from_me,
            sender_jid,
            sender_phone,
            push_name: m.get(wire::PUSH_NAME).and_then(Json::string),
            text,
            message_type,
            timestamp: time_at(m, wire::MESSAGE_TIMESTAMP, false),
        }
    }
}

impl<'a> StatusUpdate<'a> {
    /// From a `messages.update` entry (`{key, update}`).
    pub fn from_update(u: &Json<'a>) -> StatusUpdate<'a> {
        StatusUpdate {
            id: str_at(u, &[wire::UPDATE_KEY, wire::ID]),
            chat_jid: str_at(u, &[wire::UPDATE_KEY, wire::REMOTE_JID]),
            from_me: bool_at(u, &[wire::UPDATE_KEY, wire::FROM_ME]).unwrap_or(false),
            status: u
                .get(wire::UPDATE)
                .and_then(|u| u.get(wire::STATUS))
                .filter(|s| !s.is_null())
                .map(DeliveryStatus::from_wire),
            user_jid: None,
            timestamp: None,
        }
    }

    /// From a receipt (`{key, receipt}`): the furthest state it records,
    /// played, read, then delivered.
    pub fn from_receipt(r: &Json<'a>) -> StatusUpdate<'a> {
        let receipt = r.get(wire::RECEIPT).unwrap_or(&Json::Null);
        let (status, at) = [
            (DeliveryStatus::Played, wire::PLAYED_TIMESTAMP),
            (DeliveryStatus::Read, wire::READ_TIMESTAMP),
            (DeliveryStatus::Delivered, wire::RECEIPT_TIMESTAMP),
        ]
        .into_iter()
        .find_map(|(status, key)| {
            receipt
                .get(key)
                .filter(|t| !t.is_null())
                .map(|_| (status, key))
        })
        .map_or((None, None), |(status, key)| {
            (Some(status), time_at(receipt, key, false))
        });
        StatusUpdate {
            id: str_at(r, &[wire::RECEIPT_KEY, wire::ID]),
            chat_jid: str_at(r, &[wire::RECEIPT_KEY, wire::REMOTE_JID]),
            from_me: bool_at(r, &[wire::RECEIPT_KEY, wire::FROM_ME]).unwrap_or(false),
            status,
            user_jid: str_at(receipt, &[wire::USER_JID]),
            timestamp: at,
        }
    }
}

impl<'a> NormalizedReaction<'a> {
    /// From a `messages.reaction` entry (`{key, reaction}`).
    pub fn from_json(r: &Json<'a>) -> NormalizedReaction<'a> {
        let reaction = r.get(wire::REACTION).unwrap_or(&Json::Null);
        let from_me = bool_at(r, &[wire::REACTION_ENTRY_KEY, wire::FROM_ME]).unwrap_or(false);
        let emoji = str_at(reaction, &[wire::REACTION_TEXT]).filter(|t| !t.is_empty());
        let chat = str_at(reaction, &[wire::REACTION_KEY, wire::REMOTE_JID])
            .or_else(|| str_at(r, &[wire::REACTION_ENTRY_KEY, wire::REMOTE_JID]));
        NormalizedReaction {
            message_id: str_at(reaction, &[wire::REACTION_KEY, wire::ID]),
            chat_jid: chat,
            removed: emoji.is_none(),
            emoji,
            reactor_jid: if from_me {
                None
            } else {
                str_at(r, &[wire::REACTION_ENTRY_KEY, wire::PARTICIPANT])
                    .or_else(|| str_at(r, &[wire::REACTION_ENTRY_KEY, wire::REMOTE_JID]))
            },
            from_me,
            timestamp: time_at(reaction, wire::REACTION_TIMESTAMP, true),
        }
    }
}

/// The views' TypeScript declarations, for the generated `events.d.ts`.
pub fn ts_declarations() -> Vec<String> {
    vec![
        MessageType::ts_declaration(),
        NormalizedMessage::ts_declaration(),
        StatusUpdate::ts_declaration(),
        NormalizedReaction::ts_declaration(),
    ]
}

/// Every view declaration, described for the bindings' type generators
/// (`super::describe`), in the order of [`ts_declarations`].
pub fn declarations() -> Vec<Decl> {
    vec![
        MessageType::declare(),
        NormalizedMessage::declare(),
        StatusUpdate::declare(),
        NormalizedReaction::declare(),
    ]
}

impl Describe for UnixTime {
    fn describe() -> Ty {
        Ty::Number
    }
}
use super::describe::{Decl, Declare, Describe, Ty};
