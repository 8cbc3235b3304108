//! Normalised views: what a handler wants to know, the same whatever shape
//! the event arrived in. Read from the parsed tree once its shape has been
//! checked (one parse), and returned beside the untouched `data`.

use crate::prelude::*;
use super::decode::{jsdoc, name_set, Decode, Int64, TsDeclare, TsType};
use super::model::{DeliveryStatus, SessionStatus};
use crate::json::{write_text, Json};

/// Values a view field can hold, and how each is written as JSON (straight
/// into the output: no tree of values built first).
pub trait ViewValue {
    fn write_json(&self, out: &mut Vec<u8>);
}
impl ViewValue for String {
    fn write_json(&self, out: &mut Vec<u8>) {
        write_text(self, out);
    }
}
impl ViewValue for bool {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(if *self { b"true" } else { b"false" });
    }
}
impl ViewValue for UnixTime {
    fn write_json(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(self.seconds_text().as_bytes());
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

/// Declare a view once: the owned Rust struct, its JSON form (optional
/// fields omitted when empty) and its TypeScript interface.
macro_rules! view_object {
    (
        $(#[doc = $doc:literal])*
        pub struct $name:ident as $ts:literal {
            $( $(#[doc = $fdoc:literal])* $field:ident : $kind:ident $ty:ty = $wire:literal ),* $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        #[derive(Debug, Clone, PartialEq)]
        pub struct $name { $( $(#[doc = $fdoc])* pub $field: view_object!(@type $kind $ty), )* }

        impl $name {
            /// The view as a JSON object, absent optional fields left out.
            // The last field's `separator = b','` is never read.
            #[allow(unused_assignments)]
            pub fn write_json(&self, out: &mut Vec<u8>) {
                // Every view has required fields, so the first one opens it.
                let mut separator = b'{';
                $( view_object!(@put $kind out, separator, $wire, &self.$field); )*
                out.push(b'}');
            }
        }

        impl TsType for $name {
            fn ts_type() -> String {
                $ts.into()
            }
        }

        impl TsDeclare for $name {
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
    };
    (@type required $ty:ty) => { $ty };
    (@type optional $ty:ty) => { Option<$ty> };
    (@put required $out:ident, $separator:ident, $wire:literal, $value:expr) => {
        $out.push($separator);
        $separator = b',';
        $out.extend_from_slice(concat!("\"", $wire, "\":").as_bytes());
        ViewValue::write_json($value, $out);
    };
    (@put optional $out:ident, $separator:ident, $wire:literal, $value:expr) => {
        if let Some(v) = $value {
            view_object!(@put required $out, $separator, $wire, v);
        }
    };
    (@member required $wire:literal, $ts:expr) => { format!("  {}: {};\n", $wire, $ts) };
    (@member optional $wire:literal, $ts:expr) => { format!("  {}?: {};\n", $wire, $ts) };
}

macro_rules! view_value_for_names {
    ($($name:ty),*) => {$(
        impl ViewValue for $name {
            fn write_json(&self, out: &mut Vec<u8>) {
                write_text(self.as_str(), out);
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
    pub struct NormalizedMessage as "NormalizedMessage" {
        /// `key.id`: use it (with `chatJid`) to drop duplicate deliveries.
        id: required String = "id",
        /// The chat: a person, a group (`…@g.us`) or a newsletter.
        chat_jid: required String = "chatJid",
        is_group: required bool = "isGroup",
        /// Sent by this session's own number.
        from_me: required bool = "fromMe",
        /// Who sent it, preferring the phone-number JID over a LID.
        sender_jid: optional String = "senderJid",
        /// The sender's phone number, digits only, when the delivery tells it.
        sender_phone: optional String = "senderPhone",
        push_name: optional String = "pushName",
        /// The text, caption or reply text, looked for inside wrappers too.
        text: optional String = "text",
        #[doc = "What it carries."]
        message_type: required MessageType = "type",
        /// Unix seconds.
        timestamp: optional UnixTime = "timestamp",
    }
}

view_object! {
    /// A delivery-state change of one message (receipts and updates).
    pub struct StatusUpdate as "StatusUpdate" {
        id: required String = "id",
        chat_jid: required String = "chatJid",
        from_me: required bool = "fromMe",
        /// Absent when the update is not about delivery (an edit, a star …).
        status: optional DeliveryStatus = "status",
        /// Whose receipt this is (group receipts name each member).
        user_jid: optional String = "userJid",
        /// Unix seconds.
        timestamp: optional UnixTime = "timestamp",
    }
}

view_object! {
    /// A reaction added to (or removed from) a message.
    pub struct NormalizedReaction as "NormalizedReaction" {
        /// The message reacted to.
        message_id: required String = "messageId",
        chat_jid: required String = "chatJid",
        /// The emoji; absent when the reaction was removed.
        emoji: optional String = "emoji",
        removed: required bool = "removed",
        /// Who reacted (absent when it was this session).
        reactor_jid: optional String = "reactorJid",
        from_me: required bool = "fromMe",
        /// Unix seconds.
        timestamp: optional UnixTime = "timestamp",
    }
}

/// A point in time, kept as whole milliseconds since the epoch and shown
/// as unix seconds (`1763776803.123`). Integers end to end: the text is exact
/// and no float formatting code is needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnixTime {
    millis: i64,
}

/// Nothing in seconds is above this until the year 5138; anything above is
/// milliseconds (the wire uses both, depending on the event).
const MILLIS_ABOVE: i128 = 100_000_000_000;

impl UnixTime {
    pub fn from_millis(millis: i128) -> Option<UnixTime> {
        i64::try_from(millis).ok().map(|millis| UnixTime { millis })
    }

    /// From a value that may be in seconds or in milliseconds.
    pub fn from_seconds_or_millis(value: i128) -> Option<UnixTime> {
        if value.abs() > MILLIS_ABOVE {
            UnixTime::from_millis(value)
        } else {
            UnixTime::from_millis(value * 1000)
        }
    }

    pub fn millis(self) -> i64 {
        self.millis
    }

    pub fn seconds(self) -> f64 {
        self.millis as f64 / 1000.0
    }

    /// Decimal seconds: `1763776803`, `1763776803.5`, `-1.25`.
    pub fn seconds_text(self) -> String {
        let sign = if self.millis < 0 { "-" } else { "" };
        let (whole, frac) = (
            self.millis.unsigned_abs() / 1000,
            self.millis.unsigned_abs() % 1000,
        );
        let mut text = [sign, &decimal(whole)].concat();
        if frac != 0 {
            // Three digits (1000 + frac keeps the zeros), trailing zeros cut.
            let digits = decimal(1000 + frac);
            text.push('.');
            text.push_str(digits.get(1..).unwrap_or_default().trim_end_matches('0'));
        }
        text
    }
}

const GROUP_SUFFIX: &str = "@g.us";

/// The string at `path` below `value`.
fn str_at<'j>(value: &'j Json, path: &[&str]) -> Option<&'j str> {
    path.iter()
        .try_fold(value, |v, key| v.get(key))
        .and_then(Json::as_str)
}

fn bool_at(value: &Json, path: &[&str]) -> Option<bool> {
    path.iter()
        .try_fold(value, |v, key| v.get(key))
        .and_then(Json::as_bool)
}

fn time_at(value: &Json, key: &str, millis: bool) -> Option<UnixTime> {
    let v = Int64::decode(value.get(key)?).ok()?.get();
    if millis {
        UnixTime::from_millis(v)
    } else {
        UnixTime::from_seconds_or_millis(v)
    }
}

/// An item, or each item of an array: the wire sends both.
pub fn one_or_many<'a>(value: &'a Json<'a>) -> &'a [Json<'a>] {
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

fn is_phone_jid(jid: &&str) -> bool {
    jid.ends_with("@s.whatsapp.net") || jid.ends_with("@c.us")
}

/// Wrappers that carry the real content one level down, in `message`.
const WRAPPERS: [&str; 6] = [
    "ephemeralMessage",
    "viewOnceMessage",
    "viewOnceMessageV2",
    "viewOnceMessageV2Extension",
    "documentWithCaptionMessage",
    "editedMessage",
];

/// Content keys and what they carry, in the order they are looked for.
const CONTENT_TYPES: [(&str, MessageType); 18] = [
    ("conversation", MessageType::Text),
    ("extendedTextMessage", MessageType::Text),
    ("imageMessage", MessageType::Image),
    ("videoMessage", MessageType::Video),
    ("ptvMessage", MessageType::Video),
    ("audioMessage", MessageType::Audio),
    ("documentMessage", MessageType::Document),
    ("stickerMessage", MessageType::Sticker),
    ("locationMessage", MessageType::Location),
    ("liveLocationMessage", MessageType::Location),
    ("contactMessage", MessageType::Contact),
    ("contactsArrayMessage", MessageType::Contact),
    ("reactionMessage", MessageType::Reaction),
    ("pollCreationMessage", MessageType::Poll),
    ("pollCreationMessageV2", MessageType::Poll),
    ("pollCreationMessageV3", MessageType::Poll),
    ("pollUpdateMessage", MessageType::Poll),
    ("protocolMessage", MessageType::Other),
];

/// Unwrap ephemeral, view-once, edited and document-with-caption wrappers.
fn innermost<'a>(content: &'a Json<'a>) -> &'a Json<'a> {
    let inner = WRAPPERS.iter().find_map(|w| {
        content
            .get(w)
            .and_then(|w| w.get("message"))
            .filter(|m| m.as_object().is_some())
    });
    match inner {
        Some(inner) => innermost(inner),
        None => content,
    }
}

fn text_of<'a>(content: &'a Json<'a>) -> Option<&'a str> {
    let present = |key: &str| content.get(key).filter(|v| !v.is_null());
    content
        .get("conversation")
        .and_then(Json::as_str)
        .or_else(|| str_at(content, &["extendedTextMessage", "text"]))
        .or_else(|| {
            [
                "imageMessage",
                "videoMessage",
                "ptvMessage",
                "documentMessage",
            ]
            .iter()
            .find_map(|m| {
                present(m)
                    .and_then(|media| media.get("caption"))
                    .and_then(Json::as_str)
            })
        })
        .filter(|t| !t.is_empty())
}

fn type_of(content: &Json) -> MessageType {
    CONTENT_TYPES
        .iter()
        .find(|(key, _)| content.get(key).is_some_and(|v| !v.is_null()))
        .map_or(MessageType::Other, |(_, t)| *t)
}

impl NormalizedMessage {
    /// From a message already checked against the `WAMessage` shape.
    pub fn from_json(m: &Json) -> NormalizedMessage {
        let key = m.get("key").unwrap_or(&Json::Null);
        let k = |name: &str| key.get(name).and_then(Json::as_str);
        let chat_jid = k("remoteJid").unwrap_or_default();
        let is_group = chat_jid.ends_with(GROUP_SUFFIX);
        let from_me = bool_at(key, &["fromMe"]).unwrap_or(false);
        fn prefer_phone(candidates: [Option<&str>; 3]) -> Option<&str> {
            candidates
                .into_iter()
                .flatten()
                .find(is_phone_jid)
                .or(candidates[2])
        }
        let sender_jid = if from_me || chat_jid.ends_with("@newsletter") {
            None
        } else if is_group {
            prefer_phone([k("participantPn"), k("participantAlt"), k("participant")])
        } else {
            prefer_phone([k("senderPn"), k("remoteJidAlt"), k("remoteJid")])
        };
        let cleaned = if is_group {
            k("cleanedParticipantPn")
        } else {
            k("cleanedSenderPn")
        };
        let sender_phone = if from_me {
            None
        } else {
            cleaned
                .and_then(only_digits)
                .or_else(|| sender_jid.and_then(phone_of_jid))
        };
        let content = m
            .get("message")
            .filter(|c| c.as_object().is_some())
            .map(innermost);
        let text = m
            .get("messageBody")
            .and_then(Json::as_str)
            .filter(|t| !t.is_empty())
            .or_else(|| content.and_then(text_of))
            .map(str::to_owned);
        let message_type = match content {
            Some(c) => type_of(c),
            None if text.is_some() => MessageType::Text,
            None => MessageType::Other,
        };
        NormalizedMessage {
            id: k("id").unwrap_or_default().to_owned(),
            chat_jid: chat_jid.to_owned(),
            is_group,
            from_me,
            sender_jid: sender_jid.map(str::to_owned),
            sender_phone,
            push_name: m.get("pushName").and_then(Json::as_str).map(str::to_owned),
            text,
            message_type,
            timestamp: time_at(m, "messageTimestamp", false),
        }
    }
}

impl StatusUpdate {
    /// From a `messages.update` entry (`{key, update}`).
    pub fn from_update(u: &Json) -> StatusUpdate {
        StatusUpdate {
            id: str_at(u, &["key", "id"]).unwrap_or_default().to_owned(),
            chat_jid: str_at(u, &["key", "remoteJid"])
                .unwrap_or_default()
                .to_owned(),
            from_me: bool_at(u, &["key", "fromMe"]).unwrap_or(false),
            status: u
                .get("update")
                .and_then(|u| u.get("status"))
                .filter(|s| !s.is_null())
                .map(DeliveryStatus::from_wire),
            user_jid: None,
            timestamp: None,
        }
    }

    /// From a receipt (`{key, receipt}`): the furthest state it records,
    /// played, read, then delivered.
    pub fn from_receipt(r: &Json) -> StatusUpdate {
        let receipt = r.get("receipt").unwrap_or(&Json::Null);
        let (status, at) = [
            (DeliveryStatus::Played, "playedTimestamp"),
            (DeliveryStatus::Read, "readTimestamp"),
            (DeliveryStatus::Delivered, "receiptTimestamp"),
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
            id: str_at(r, &["key", "id"]).unwrap_or_default().to_owned(),
            chat_jid: str_at(r, &["key", "remoteJid"])
                .unwrap_or_default()
                .to_owned(),
            from_me: bool_at(r, &["key", "fromMe"]).unwrap_or(false),
            status,
            user_jid: str_at(receipt, &["userJid"]).map(str::to_owned),
            timestamp: at,
        }
    }
}

impl NormalizedReaction {
    /// From a `messages.reaction` entry (`{key, reaction}`).
    pub fn from_json(r: &Json) -> NormalizedReaction {
        let reaction = r.get("reaction").unwrap_or(&Json::Null);
        let from_me = bool_at(r, &["key", "fromMe"]).unwrap_or(false);
        let emoji = str_at(reaction, &["text"])
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        let chat = str_at(reaction, &["key", "remoteJid"])
            .or(str_at(r, &["key", "remoteJid"]))
            .unwrap_or_default();
        NormalizedReaction {
            message_id: str_at(reaction, &["key", "id"])
                .unwrap_or_default()
                .to_owned(),
            chat_jid: chat.to_owned(),
            removed: emoji.is_none(),
            emoji,
            reactor_jid: if from_me {
                None
            } else {
                str_at(r, &["key", "participant"])
                    .or(str_at(r, &["key", "remoteJid"]))
                    .map(str::to_owned)
            },
            from_me,
            timestamp: time_at(reaction, "senderTimestampMs", true),
        }
    }
}

pub fn ts_declarations() -> Vec<String> {
    vec![
        MessageType::ts_declaration(),
        NormalizedMessage::ts_declaration(),
        StatusUpdate::ts_declaration(),
        NormalizedReaction::ts_declaration(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_time_reads_seconds_or_millis_and_prints_exact_seconds() {
        let t = |v: i128| UnixTime::from_seconds_or_millis(v).unwrap();
        assert_eq!(t(1763776803).seconds_text(), "1763776803");
        assert_eq!(t(1763776803123).seconds_text(), "1763776803.123");
        assert_eq!(t(1763776803100).seconds_text(), "1763776803.1");
        assert_eq!(
            UnixTime::from_millis(-1250).unwrap().seconds_text(),
            "-1.25"
        );
        assert_eq!(t(1763776803123).seconds(), 1763776803.123);
        assert_eq!(UnixTime::from_millis(u64::MAX as i128), None);
    }
}
