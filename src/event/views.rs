//! Normalised views: what a handler wants to know, the same whatever shape
//! the event arrived in. Derived from the typed model (one parse), returned
//! beside the untouched `data`.

use super::decode::{jsdoc, name_set, Int64, TsDeclare, TsType};
use super::model::{
    DeliveryStatus, MessageContent, MessageReaction, MessageReceipt, MessageUpdate, SessionStatus,
    WaMessage,
};
use crate::json::{Json, Object};

/// Values a view field can hold, and how each becomes JSON.
pub trait ViewValue {
    fn to_json(&self) -> Json;
}
impl ViewValue for String {
    fn to_json(&self) -> Json {
        Json::from(self.as_str())
    }
}
impl ViewValue for bool {
    fn to_json(&self) -> Json {
        Json::Bool(*self)
    }
}
impl ViewValue for UnixTime {
    fn to_json(&self) -> Json {
        Json::Number(self.seconds_text().into())
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
            pub fn to_json(&self) -> Json {
                let mut object = Object::new();
                $( view_object!(@put $kind object, $wire, &self.$field); )*
                Json::Object(object)
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
    (@put required $object:ident, $wire:literal, $value:expr) => {
        $object.push_unique($wire.into(), ViewValue::to_json($value))
    };
    (@put optional $object:ident, $wire:literal, $value:expr) => {
        if let Some(v) = $value { $object.push_unique($wire.into(), ViewValue::to_json(v)) }
    };
    (@member required $wire:literal, $ts:expr) => { format!("  {}: {};\n", $wire, $ts) };
    (@member optional $wire:literal, $ts:expr) => { format!("  {}?: {};\n", $wire, $ts) };
}

macro_rules! view_value_for_names {
    ($($name:ty),*) => {$(
        impl ViewValue for $name {
            fn to_json(&self) -> Json {
                Json::from(self.as_str())
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
        if frac == 0 {
            return format!("{sign}{whole}");
        }
        let frac = format!("{frac:03}");
        format!("{sign}{whole}.{}", frac.trim_end_matches('0'))
    }
}

fn int64_time(value: Option<Int64>) -> Option<UnixTime> {
    value.and_then(|v| UnixTime::from_seconds_or_millis(v.get()))
}

const GROUP_SUFFIX: &str = "@g.us";

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

impl NormalizedMessage {
    pub fn from_message(m: &WaMessage<'_>) -> NormalizedMessage {
        let key = &m.key;
        let chat_jid = key.remote_jid.unwrap_or_default();
        let is_group = chat_jid.ends_with(GROUP_SUFFIX);
        let from_me = key.from_me.unwrap_or(false);
        let sender_jid = if from_me {
            None
        } else if is_group {
            [key.participant_pn, key.participant_alt, key.participant]
                .into_iter()
                .flatten()
                .find(is_phone_jid)
                .or(key.participant)
        } else if chat_jid.ends_with("@newsletter") {
            None
        } else {
            [key.sender_pn, key.remote_jid_alt, key.remote_jid]
                .into_iter()
                .flatten()
                .find(is_phone_jid)
                .or(key.remote_jid)
        };
        let cleaned = if is_group {
            key.cleaned_participant_pn
        } else {
            key.cleaned_sender_pn
        };
        let sender_phone = if from_me {
            None
        } else {
            cleaned
                .and_then(only_digits)
                .or_else(|| sender_jid.and_then(phone_of_jid))
        };
        let content = m.message.as_ref().map(innermost);
        let text = m
            .message_body
            .filter(|t| !t.is_empty())
            .or_else(|| content.and_then(text_of))
            .map(str::to_owned);
        let message_type = match content {
            Some(c) => type_of(c),
            None if text.is_some() => MessageType::Text,
            None => MessageType::Other,
        };
        NormalizedMessage {
            id: key.id.unwrap_or_default().to_owned(),
            chat_jid: chat_jid.to_owned(),
            is_group,
            from_me,
            sender_jid: sender_jid.map(str::to_owned),
            sender_phone,
            push_name: m.push_name.map(str::to_owned),
            text,
            message_type,
            timestamp: int64_time(m.message_timestamp),
        }
    }
}

/// Unwrap ephemeral, view-once, edited and document-with-caption wrappers.
fn innermost<'c, 'a>(content: &'c MessageContent<'a>) -> &'c MessageContent<'a> {
    let wrappers = [
        &content.ephemeral_message,
        &content.view_once_message,
        &content.view_once_message_v2,
        &content.view_once_message_v2_extension,
        &content.document_with_caption_message,
        &content.edited_message,
    ];
    match wrappers
        .into_iter()
        .flatten()
        .find_map(|w| w.message.as_deref())
    {
        Some(inner) => innermost(inner),
        None => content,
    }
}

fn text_of<'a>(c: &MessageContent<'a>) -> Option<&'a str> {
    let captions = [
        &c.image_message,
        &c.video_message,
        &c.ptv_message,
        &c.document_message,
    ]
    .into_iter()
    .flatten()
    .find_map(|media| media.caption);
    c.conversation
        .or_else(|| c.extended_text_message.as_ref().and_then(|t| t.text))
        .or(captions)
        .filter(|t| !t.is_empty())
}

fn type_of(c: &MessageContent<'_>) -> MessageType {
    if c.conversation.is_some() || c.extended_text_message.is_some() {
        MessageType::Text
    } else if c.image_message.is_some() {
        MessageType::Image
    } else if c.video_message.is_some() || c.ptv_message.is_some() {
        MessageType::Video
    } else if c.audio_message.is_some() {
        MessageType::Audio
    } else if c.document_message.is_some() {
        MessageType::Document
    } else if c.sticker_message.is_some() {
        MessageType::Sticker
    } else if c.location_message.is_some() || c.live_location_message.is_some() {
        MessageType::Location
    } else if c.contact_message.is_some() || c.contacts_array_message.is_some() {
        MessageType::Contact
    } else if c.reaction_message.is_some() {
        MessageType::Reaction
    } else if c.poll_creation_message.is_some()
        || c.poll_creation_message_v2.is_some()
        || c.poll_creation_message_v3.is_some()
        || c.poll_update_message.is_some()
    {
        MessageType::Poll
    } else {
        MessageType::Other
    }
}

impl StatusUpdate {
    pub fn from_update(u: &MessageUpdate<'_>) -> StatusUpdate {
        StatusUpdate {
            id: u.key.id.unwrap_or_default().to_owned(),
            chat_jid: u.key.remote_jid.unwrap_or_default().to_owned(),
            from_me: u.key.from_me.unwrap_or(false),
            status: u.update.status.map(|s| DeliveryStatus::from_wire(s.0)),
            user_jid: None,
            timestamp: None,
        }
    }

    /// The furthest state the receipt records: played, read, then delivered.
    pub fn from_receipt(r: &MessageReceipt<'_>) -> StatusUpdate {
        let receipt = &r.receipt;
        let (status, at) = [
            (DeliveryStatus::Played, receipt.played_timestamp),
            (DeliveryStatus::Read, receipt.read_timestamp),
            (DeliveryStatus::Delivered, receipt.receipt_timestamp),
        ]
        .into_iter()
        .find(|(_, t)| t.is_some())
        .map_or((None, None), |(s, t)| (Some(s), t));
        StatusUpdate {
            id: r.key.id.unwrap_or_default().to_owned(),
            chat_jid: r.key.remote_jid.unwrap_or_default().to_owned(),
            from_me: r.key.from_me.unwrap_or(false),
            status,
            user_jid: receipt.user_jid.map(str::to_owned),
            timestamp: int64_time(at),
        }
    }
}

impl NormalizedReaction {
    pub fn from_reaction(r: &MessageReaction<'_>) -> NormalizedReaction {
        let target = r.reaction.key.as_ref();
        let from_me = r.key.from_me.unwrap_or(false);
        let emoji = r.reaction.text.filter(|t| !t.is_empty()).map(str::to_owned);
        let chat = target
            .and_then(|k| k.remote_jid)
            .or(r.key.remote_jid)
            .unwrap_or_default();
        NormalizedReaction {
            message_id: target.and_then(|k| k.id).unwrap_or_default().to_owned(),
            chat_jid: chat.to_owned(),
            removed: emoji.is_none(),
            emoji,
            reactor_jid: if from_me {
                None
            } else {
                r.key.participant.or(r.key.remote_jid).map(str::to_owned)
            },
            from_me,
            timestamp: r
                .reaction
                .sender_timestamp_ms
                .and_then(|t| UnixTime::from_millis(t.get())),
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
