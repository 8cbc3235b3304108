//! The documented shapes of every event's `data` (see the protocol notes:
//! ../shared/docs/wasender-protocol.md §3), as borrowed views of the tree.
//!
//! Each type is declared once, with `wire_object!`; its decoder and its
//! TypeScript interface come from that declaration. Shapes that vary on the
//! wire (object vs array, wrapped vs flat) are enums with a hand-written
//! decoder that picks the variant by structure.

use super::decode::{
    expect_object, name_set, wire_object, Bytes, Decode, Int64, Number, OneOrMany, StrOrNum,
    TsDeclare, TsType,
};
use super::numbers::parse_integer;
use super::shape::{Field, HasShape, Item, Shape, ShapeError};
use crate::json::Json;
use crate::prelude::*;

// The structural tests that pick a shape variant, shared by the typed
// decoders, the shape table and the views.

/// The member that wraps message-bearing events' messages (`MessagesData`):
/// the one wire name not declared by a `wire_object!`.
pub(crate) const MESSAGES: &str = "messages";

/// `{messages: …}` rather than a flat message.
pub fn wraps_messages(data: &Json) -> bool {
    data.get(MESSAGES).is_some()
}

/// `{jid, all}` (a whole chat) rather than `{keys}`.
pub fn deletes_whole_chat(data: &Json) -> bool {
    const KEYS: &str = MessagesDeleteKeys::wire("keys");
    const JID: &str = MessagesDeleteAll::wire("jid");
    data.get(KEYS).is_none() && data.get(JID).is_some()
}

/// The documented `{message: {key, receipt}}` rather than `{key, receipt}` or an array.
pub fn wraps_receipt(data: &Json) -> bool {
    const MESSAGE: &str = WrappedReceipt::wire("message");
    const KEY: &str = MessageReceipt::wire("key");
    data.get(MESSAGE).is_some() && data.get(KEY).is_none()
}

wire_object! {
    /// A WhatsApp message key (Baileys `IMessageKey` plus Wasender's additions).
    pub struct MessageKey as "MessageKey" {
        /// The message id: the deduplication key.
        id: optional &'a str = "id",
        from_me: optional bool = "fromMe",
        /// The chat: `…@s.whatsapp.net`, `…@lid`, `…@g.us`, `…@newsletter`, `status@broadcast`.
        remote_jid: optional &'a str = "remoteJid",
        /// The sender inside a group.
        participant: optional &'a str = "participant",
        addressing_mode: optional &'a str = "addressingMode",
        sender_pn: optional &'a str = "senderPn",
        sender_lid: optional &'a str = "senderLid",
        /// The sender's phone number, digits only (1:1 chats; added by Wasender).
        cleaned_sender_pn: optional &'a str = "cleanedSenderPn",
        participant_pn: optional &'a str = "participantPn",
        participant_lid: optional &'a str = "participantLid",
        /// The group sender's phone number, digits only (added by Wasender).
        cleaned_participant_pn: optional &'a str = "cleanedParticipantPn",
        remote_jid_alt: optional &'a str = "remoteJidAlt",
        participant_alt: optional &'a str = "participantAlt",
    }
}

wire_object! {
    /// Image, video, audio, document and sticker content.
    pub struct MediaMessage as "MediaMessage" {
        /// Encrypted CDN URL; decrypt with Wasender's `POST /api/decrypt-media`.
        url: optional &'a str = "url",
        mimetype: optional &'a str = "mimetype",
        caption: optional &'a str = "caption",
        file_length: optional Int64 = "fileLength",
        file_sha256: optional Bytes<'a> = "fileSha256",
        file_enc_sha256: optional Bytes<'a> = "fileEncSha256",
        media_key: optional Bytes<'a> = "mediaKey",
        jpeg_thumbnail: optional Bytes<'a> = "jpegThumbnail",
        direct_path: optional &'a str = "directPath",
        media_key_timestamp: optional Int64 = "mediaKeyTimestamp",
        height: optional Number<'a> = "height",
        width: optional Number<'a> = "width",
        /// Audio and video length in seconds.
        seconds: optional Number<'a> = "seconds",
        /// A voice note.
        ptt: optional bool = "ptt",
        file_name: optional &'a str = "fileName",
        title: optional &'a str = "title",
    }
}

wire_object! {
    pub struct ExtendedTextMessage as "ExtendedTextMessage" {
        text: optional &'a str = "text",
        context_info: optional &'a Json<'a> = "contextInfo",
    }
}

wire_object! {
    pub struct LocationMessage as "LocationMessage" {
        degrees_latitude: optional Number<'a> = "degreesLatitude",
        degrees_longitude: optional Number<'a> = "degreesLongitude",
        name: optional &'a str = "name",
        address: optional &'a str = "address",
    }
}

wire_object! {
    pub struct ContactMessage as "ContactMessage" {
        display_name: optional &'a str = "displayName",
        vcard: optional &'a str = "vcard",
    }
}

wire_object! {
    /// A reaction inside a message (`reactionMessage`).
    pub struct ReactionMessage as "ReactionMessage" {
        key: optional MessageKey<'a> = "key",
        /// The emoji; empty when the reaction was removed.
        text: optional &'a str = "text",
        sender_timestamp_ms: optional Int64 = "senderTimestampMs",
    }
}

wire_object! {
    /// A wrapper that carries another message (ephemeral, view-once, edited …).
    pub struct WrappedMessage as "WrappedMessage" {
        message: optional Box<MessageContent<'a>> = "message",
    }
}

wire_object! {
    /// Baileys `proto.Message`: normally one content key, plus `messageContextInfo`.
    pub struct MessageContent as "MessageContent" {
        conversation: optional &'a str = "conversation",
        extended_text_message: optional ExtendedTextMessage<'a> = "extendedTextMessage",
        image_message: optional MediaMessage<'a> = "imageMessage",
        video_message: optional MediaMessage<'a> = "videoMessage",
        ptv_message: optional MediaMessage<'a> = "ptvMessage",
        audio_message: optional MediaMessage<'a> = "audioMessage",
        document_message: optional MediaMessage<'a> = "documentMessage",
        sticker_message: optional MediaMessage<'a> = "stickerMessage",
        location_message: optional LocationMessage<'a> = "locationMessage",
        live_location_message: optional LocationMessage<'a> = "liveLocationMessage",
        contact_message: optional ContactMessage<'a> = "contactMessage",
        contacts_array_message: optional &'a Json<'a> = "contactsArrayMessage",
        reaction_message: optional ReactionMessage<'a> = "reactionMessage",
        poll_creation_message: optional &'a Json<'a> = "pollCreationMessage",
        poll_creation_message_v2: optional &'a Json<'a> = "pollCreationMessageV2",
        poll_creation_message_v3: optional &'a Json<'a> = "pollCreationMessageV3",
        poll_update_message: optional &'a Json<'a> = "pollUpdateMessage",
        protocol_message: optional &'a Json<'a> = "protocolMessage",
        ephemeral_message: optional WrappedMessage<'a> = "ephemeralMessage",
        view_once_message: optional WrappedMessage<'a> = "viewOnceMessage",
        view_once_message_v2: optional WrappedMessage<'a> = "viewOnceMessageV2",
        view_once_message_v2_extension: optional WrappedMessage<'a> = "viewOnceMessageV2Extension",
        document_with_caption_message: optional WrappedMessage<'a> = "documentWithCaptionMessage",
        edited_message: optional WrappedMessage<'a> = "editedMessage",
        message_context_info: optional &'a Json<'a> = "messageContextInfo",
    }
}

wire_object! {
    /// A WhatsApp message as Wasender delivers it (Baileys `WAMessage`).
    pub struct WaMessage as "WAMessage" {
        key: required MessageKey<'a> = "key",
        message: optional MessageContent<'a> = "message",
        /// Wasender's unified text: the text, caption or reply text; `""` for media without caption.
        message_body: optional &'a str = "messageBody",
        push_name: optional &'a str = "pushName",
        /// Seconds since the epoch.
        message_timestamp: optional Int64 = "messageTimestamp",
        /// WebMessageInfo.Status: 0 ERROR … 5 PLAYED, or its name.
        status: optional StrOrNum<'a> = "status",
    }
}

/// The `data` of message-bearing events: `{messages: [...]}`, `{messages: {...}}`
/// or the message itself, flat. All three are seen for the same event.
#[derive(Debug, Clone, PartialEq)]
pub enum MessagesData<'a> {
    /// `{messages: …}`: one message or an array of them.
    Wrapped {
        /// The wrapped message or messages.
        messages: OneOrMany<WaMessage<'a>>,
        /// The whole `data` object, unknown members included.
        raw: &'a crate::json::Object<'a>,
    },
    /// The message itself, unwrapped.
    Flat(WaMessage<'a>),
}

impl<'a> MessagesData<'a> {
    /// The messages, however they were wrapped.
    pub fn messages(&self) -> &[WaMessage<'a>] {
        match self {
            MessagesData::Wrapped { messages, .. } => messages.as_slice(),
            MessagesData::Flat(one) => core::slice::from_ref(one),
        }
    }
}

impl<'a> Decode<'a> for MessagesData<'a> {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        let object = expect_object(value)?;
        match object.get(MESSAGES) {
            Some(messages) => Ok(MessagesData::Wrapped {
                messages: OneOrMany::decode(messages).map_err(|e| e.at_key(MESSAGES))?,
                raw: object,
            }),
            None => WaMessage::decode(value).map(MessagesData::Flat),
        }
    }
}
impl HasShape for MessagesData<'_> {
    const SHAPE: Shape = Shape::one(Item::Choice(|data| {
        if wraps_messages(data) {
            const WRAPPED: &[Field] = &[Field {
                name: MESSAGES,
                required: true,
                shape: <OneOrMany<WaMessage<'static>>>::SHAPE,
            }];
            Shape::one(Item::Object(|| WRAPPED))
        } else {
            WaMessage::SHAPE
        }
    }));
}
impl TsType for MessagesData<'_> {
    fn ts_type() -> String {
        "MessagesData".into()
    }
}
impl TsDeclare for MessagesData<'_> {
    fn ts_declaration() -> String {
        "/** `{messages: [...]}`, `{messages: {...}}` or the message itself: all three are sent. */\n\
         export type MessagesData =\n  | { messages: WAMessage | WAMessage[] }\n  | WAMessage;\n"
            .into()
    }
}

wire_object! {
    pub struct MessageUpdateFields as "MessageUpdateFields" {
        /// WebMessageInfo.Status: 0 ERROR … 5 PLAYED, or its name.
        status: optional StrOrNum<'a> = "status",
        /// The new content of an edited message.
        message: optional MessageContent<'a> = "message",
        message_stub_type: optional &'a Json<'a> = "messageStubType",
        poll_updates: optional &'a Json<'a> = "pollUpdates",
        starred: optional bool = "starred",
    }
}

wire_object! {
    /// One entry of `messages.update`.
    pub struct MessageUpdate as "MessageUpdate" {
        key: required MessageKey<'a> = "key",
        update: required MessageUpdateFields<'a> = "update",
    }
}

wire_object! {
    pub struct MessagesDeleteKeys as "MessagesDeleteKeys" {
        keys: required Vec<MessageKey<'a>> = "keys",
    }
}

wire_object! {
    /// Every message of a chat was deleted.
    pub struct MessagesDeleteAll as "MessagesDeleteAll" {
        jid: required &'a str = "jid",
        all: required bool = "all",
    }
}

/// `messages.delete`: `{keys: [...]}`, or `{jid, all: true}` for a whole chat.
#[derive(Debug, Clone, PartialEq)]
pub enum MessagesDeleteData<'a> {
    /// Some messages, by key.
    Keys(MessagesDeleteKeys<'a>),
    /// A whole chat.
    All(MessagesDeleteAll<'a>),
}

impl<'a> Decode<'a> for MessagesDeleteData<'a> {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        if deletes_whole_chat(value) {
            MessagesDeleteAll::decode(value).map(MessagesDeleteData::All)
        } else {
            MessagesDeleteKeys::decode(value).map(MessagesDeleteData::Keys)
        }
    }
}
impl HasShape for MessagesDeleteData<'_> {
    const SHAPE: Shape = Shape::one(Item::Choice(|data| {
        if deletes_whole_chat(data) {
            MessagesDeleteAll::SHAPE
        } else {
            MessagesDeleteKeys::SHAPE
        }
    }));
}
impl TsType for MessagesDeleteData<'_> {
    fn ts_type() -> String {
        "MessagesDeleteKeys | MessagesDeleteAll".into()
    }
}

wire_object! {
    pub struct Reaction as "Reaction" {
        /// The emoji; `""` (or missing) when the reaction was removed.
        text: optional &'a str = "text",
        /// The message reacted to.
        key: optional MessageKey<'a> = "key",
        sender_timestamp_ms: optional Int64 = "senderTimestampMs",
    }
}

wire_object! {
    /// One entry of `messages.reaction`.
    pub struct MessageReaction as "MessageReaction" {
        /// The reacting message's key (who reacted, in which chat).
        key: required MessageKey<'a> = "key",
        reaction: required Reaction<'a> = "reaction",
    }
}

wire_object! {
    /// proto `UserReceipt`.
    pub struct UserReceipt as "UserReceipt" {
        user_jid: optional &'a str = "userJid",
        receipt_timestamp: optional Int64 = "receiptTimestamp",
        read_timestamp: optional Int64 = "readTimestamp",
        played_timestamp: optional Int64 = "playedTimestamp",
        pending_device_jid: optional Vec<&'a str> = "pendingDeviceJid",
        delivered_device_jid: optional Vec<&'a str> = "deliveredDeviceJid",
    }
}

wire_object! {
    pub struct MessageReceipt as "MessageReceipt" {
        key: required MessageKey<'a> = "key",
        receipt: required UserReceipt<'a> = "receipt",
    }
}

wire_object! {
    /// The documented object form: the receipt nests under `message`.
    pub struct WrappedReceipt as "WrappedReceipt" {
        message: required MessageReceipt<'a> = "message",
    }
}

/// `message-receipt.update`: `{message: {key, receipt}}` (docs) or an array
/// of `{key, receipt}` (SDKs, Baileys); a lone `{key, receipt}` too.
#[derive(Debug, Clone, PartialEq)]
pub enum MessageReceiptData<'a> {
    /// The documented `{message: {key, receipt}}`.
    Wrapped(WrappedReceipt<'a>),
    /// `{key, receipt}` or an array of them.
    Receipts(OneOrMany<MessageReceipt<'a>>),
}

impl<'a> MessageReceiptData<'a> {
    /// The receipts, however they were wrapped.
    pub fn receipts(&self) -> &[MessageReceipt<'a>] {
        match self {
            MessageReceiptData::Wrapped(w) => core::slice::from_ref(&w.message),
            MessageReceiptData::Receipts(r) => r.as_slice(),
        }
    }
}

impl<'a> Decode<'a> for MessageReceiptData<'a> {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        if wraps_receipt(value) {
            WrappedReceipt::decode(value).map(MessageReceiptData::Wrapped)
        } else {
            OneOrMany::decode(value).map(MessageReceiptData::Receipts)
        }
    }
}
impl HasShape for MessageReceiptData<'_> {
    const SHAPE: Shape = Shape::one(Item::Choice(|data| {
        if wraps_receipt(data) {
            WrappedReceipt::SHAPE
        } else {
            <OneOrMany<MessageReceipt<'static>>>::SHAPE
        }
    }));
}
impl TsType for MessageReceiptData<'_> {
    fn ts_type() -> String {
        "WrappedReceipt | MessageReceipt | MessageReceipt[]".into()
    }
}

wire_object! {
    /// A chat (Baileys `Chat`); partial in `chats.update`.
    pub struct Chat as "Chat" {
        id: required &'a str = "id",
        name: optional &'a str = "name",
        conversation_timestamp: optional Int64 = "conversationTimestamp",
        unread_count: optional Number<'a> = "unreadCount",
        archived: optional bool = "archived",
        pinned: optional Int64 = "pinned",
        /// Mute end in seconds; may be u64::MAX ("forever") or -1.
        mute_end_time: optional Int64 = "muteEndTime",
        read_only: optional bool = "readOnly",
    }
}

wire_object! {
    pub struct GroupParticipant as "GroupParticipant" {
        id: required &'a str = "id",
        phone_number: optional &'a str = "phoneNumber",
        lid: optional &'a str = "lid",
        /// `"admin"`, `"superadmin"` or null.
        admin: optional &'a str = "admin",
    }
}

wire_object! {
    /// Group metadata (Baileys `GroupMetadata`); partial in `groups.update`.
    pub struct GroupMetadata as "GroupMetadata" {
        /// The group JID (`…@g.us`). Some senders call it `jid`.
        id: optional &'a str = "id",
        jid: optional &'a str = "jid",
        subject: optional &'a str = "subject",
        owner: optional &'a str = "owner",
        owner_pn: optional &'a str = "ownerPn",
        /// Creation time in seconds.
        creation: optional Int64 = "creation",
        desc: optional &'a str = "desc",
        restrict: optional bool = "restrict",
        announce: optional bool = "announce",
        size: optional Number<'a> = "size",
        addressing_mode: optional &'a str = "addressingMode",
        author: optional &'a str = "author",
        author_pn: optional &'a str = "authorPn",
        participants: optional Vec<GroupParticipant<'a>> = "participants",
    }
}

/// A participant as a bare JID (Baileys ≤ 6) or an object (Baileys 7).
#[derive(Debug, Clone, PartialEq)]
pub enum ParticipantRef<'a> {
    /// A bare JID.
    Jid(&'a str),
    /// A participant object.
    Participant(GroupParticipant<'a>),
}

impl<'a> ParticipantRef<'a> {
    /// The participant's JID, whichever form it came in.
    pub fn jid(&self) -> &'a str {
        match self {
            ParticipantRef::Jid(jid) => jid,
            ParticipantRef::Participant(p) => p.id,
        }
    }
}

impl<'a> Decode<'a> for ParticipantRef<'a> {
    fn decode(value: &'a Json<'a>) -> Result<Self, ShapeError> {
        match value {
            Json::String(s) => Ok(ParticipantRef::Jid(s.as_str())),
            Json::Object(_) => GroupParticipant::decode(value).map(ParticipantRef::Participant),
            _ => Err(ShapeError::new(
                "a JID string or a participant object",
                value,
            )),
        }
    }
}
impl HasShape for ParticipantRef<'_> {
    const SHAPE: Shape = Shape::one(Item::StringOrObject(GroupParticipant::fields));
}
impl TsType for ParticipantRef<'_> {
    fn ts_type() -> String {
        "string | GroupParticipant".into()
    }
}

wire_object! {
    pub struct GroupParticipantsUpdate as "GroupParticipantsUpdate" {
        /// The group JID. Some senders call it `jid`.
        id: optional &'a str = "id",
        jid: optional &'a str = "jid",
        author: optional &'a str = "author",
        author_pn: optional &'a str = "authorPn",
        participants: required Vec<ParticipantRef<'a>> = "participants",
        /// `add`, `remove`, `promote`, `demote` (Baileys 7 adds `modify`).
        action: required &'a str = "action",
    }
}

wire_object! {
    /// A contact (Baileys `Contact`); partial in `contacts.update`.
    pub struct Contact as "Contact" {
        /// The contact's JID. The docs' example calls it `jid`.
        id: optional &'a str = "id",
        jid: optional &'a str = "jid",
        lid: optional &'a str = "lid",
        phone_number: optional &'a str = "phoneNumber",
        name: optional &'a str = "name",
        notify: optional &'a str = "notify",
        verified_name: optional &'a str = "verifiedName",
        /// A URL, `"changed"`, or null for no picture.
        img_url: optional &'a str = "imgUrl",
        status: optional &'a str = "status",
        username: optional &'a str = "username",
    }
}

wire_object! {
    pub struct SessionStatusData as "SessionStatusData" {
        /// `connected`, `disconnected`, `need_scan` … in lower or upper case.
        status: required &'a str = "status",
        session_id: optional StrOrNum<'a> = "session_id",
        session_id_camel: optional StrOrNum<'a> = "sessionId",
        reason: optional &'a str = "reason",
    }
}

wire_object! {
    pub struct QrCodeData as "QrCodeData" {
        /// The pairing string (`"2@…"`) to render as a QR code.
        qr: required &'a str = "qr",
        session_id: optional StrOrNum<'a> = "session_id",
        session_id_camel: optional StrOrNum<'a> = "sessionId",
    }
}

wire_object! {
    /// A call offer or state change (Baileys `WACallEvent`).
    pub struct Call as "Call" {
        id: required &'a str = "id",
        /// The caller's JID.
        from: optional &'a str = "from",
        /// ISO-8601 text (a serialised Date), or a number.
        date: optional StrOrNum<'a> = "date",
        is_group: optional bool = "isGroup",
        is_video: optional bool = "isVideo",
        /// `offer`, `ringing`, `timeout`, `reject`, `accept`, `terminate` …
        status: optional &'a str = "status",
        chat_id: optional &'a str = "chatId",
        offline: optional bool = "offline",
        caller_pn: optional &'a str = "callerPn",
        group_jid: optional &'a str = "groupJid",
        latency_ms: optional Number<'a> = "latencyMs",
    }
}

wire_object! {
    pub struct CallData as "CallData" {
        call: required Call<'a> = "call",
    }
}

wire_object! {
    pub struct PollOption as "PollOption" {
        name: required &'a str = "name",
        voters: optional Vec<&'a str> = "voters",
    }
}

wire_object! {
    pub struct PollResultsData as "PollResultsData" {
        key: optional MessageKey<'a> = "key",
        poll_result: required Vec<PollOption<'a>> = "pollResult",
    }
}

name_set! {
    /// A message's delivery state, normalised from WebMessageInfo.Status
    /// numbers, protobuf names and SDK words.
    pub enum DeliveryStatus as "DeliveryStatus" {
        Error = "error",
        Pending = "pending",
        /// Reached WhatsApp's server (SERVER_ACK).
        Sent = "sent",
        Delivered = "delivered",
        Read = "read",
        /// A voice or video note was played.
        Played = "played",
        Unknown = "unknown",
    }
}

impl DeliveryStatus {
    /// From the wire's number (`0`…`5`) or name, in any case.
    pub fn from_wire(value: &Json) -> DeliveryStatus {
        if let Some(text) = value.as_number_text() {
            return match parse_integer(text).unwrap_or(-1) {
                0 => DeliveryStatus::Error,
                1 => DeliveryStatus::Pending,
                2 => DeliveryStatus::Sent,
                3 => DeliveryStatus::Delivered,
                4 => DeliveryStatus::Read,
                5 => DeliveryStatus::Played,
                _ => DeliveryStatus::Unknown,
            };
        }
        // A table, not a `match` on lower-cased strings: no allocation, and
        // much less wasm.
        const NAMES: &[(&str, DeliveryStatus)] = &[
            ("error", DeliveryStatus::Error),
            ("failed", DeliveryStatus::Error),
            ("pending", DeliveryStatus::Pending),
            ("server_ack", DeliveryStatus::Sent),
            ("sent", DeliveryStatus::Sent),
            ("server", DeliveryStatus::Sent),
            ("delivery_ack", DeliveryStatus::Delivered),
            ("delivered", DeliveryStatus::Delivered),
            ("read", DeliveryStatus::Read),
            ("played", DeliveryStatus::Played),
        ];
        let name = value.as_str().unwrap_or_default();
        NAMES
            .iter()
            .find(|(wire, _)| wire.eq_ignore_ascii_case(name))
            .map_or(DeliveryStatus::Unknown, |&(_, status)| status)
    }
}

name_set! {
    /// The session's state, one lower-case set whatever case the sender used.
    pub enum SessionStatus as "SessionStatus" {
        Connected = "connected",
        Connecting = "connecting",
        Disconnected = "disconnected",
        NeedScan = "need_scan",
        LoggedOut = "logged_out",
        Expired = "expired",
        Error = "error",
        Unknown = "unknown",
    }
}

impl SessionStatus {
    /// Any case; `-` and spaces read as `_`; surrounding whitespace ignored.
    pub fn from_wire(status: &str) -> SessionStatus {
        let status = status.trim_matches(|c: char| c.is_ascii_whitespace());
        let same = |name: &str| {
            name.len() == status.len()
                && name.bytes().zip(status.bytes()).all(|(n, s)| {
                    n == match s {
                        b'-' | b' ' => b'_',
                        s => s.to_ascii_lowercase(),
                    }
                })
        };
        SessionStatus::ALL
            .iter()
            .copied()
            .find(|s| same(s.as_str()))
            .unwrap_or(SessionStatus::Unknown)
    }
}

/// Every named declaration in this module, described for the bindings'
/// type generators (`super::describe`), in the order of [`ts_declarations`].
#[doc(hidden)]
pub fn declarations() -> Vec<Decl> {
    let mut all = super::describe::wire_aliases();
    all.extend([
        MessageKey::declare(),
        MediaMessage::declare(),
        ExtendedTextMessage::declare(),
        LocationMessage::declare(),
        ContactMessage::declare(),
        ReactionMessage::declare(),
        WrappedMessage::declare(),
        MessageContent::declare(),
        WaMessage::declare(),
        WrappedMessages::declare(),
        MessagesData::declare(),
        MessageUpdateFields::declare(),
        MessageUpdate::declare(),
        MessagesDeleteKeys::declare(),
        MessagesDeleteAll::declare(),
        Reaction::declare(),
        MessageReaction::declare(),
        UserReceipt::declare(),
        MessageReceipt::declare(),
        WrappedReceipt::declare(),
        Chat::declare(),
        GroupParticipant::declare(),
        GroupMetadata::declare(),
        GroupParticipantsUpdate::declare(),
        Contact::declare(),
        SessionStatusData::declare(),
        QrCodeData::declare(),
        Call::declare(),
        CallData::declare(),
        PollOption::declare(),
        PollResultsData::declare(),
        DeliveryStatus::declare(),
        SessionStatus::declare(),
    ]);
    all
}

// The types written by hand above (a choice between shapes), described.

/// `{messages: ...}`: the wrapper `MessagesData` may come in. TypeScript
/// writes it inline; a language with no anonymous object types needs a name.
struct WrappedMessages;
impl Declare for WrappedMessages {
    fn declare() -> Decl {
        Decl {
            name: "WrappedMessages",
            doc: &["`{messages: ...}`: one message or several, wrapped."],
            kind: DeclKind::Wire(vec![super::describe::Field {
                wire: MESSAGES,
                rust: "messages",
                required: true,
                ty: <OneOrMany<WaMessage<'static>>>::describe(),
                doc: &[],
            }]),
        }
    }
}
impl Describe for MessagesData<'_> {
    fn describe() -> Ty {
        Ty::Named("MessagesData")
    }
}
impl Declare for MessagesData<'_> {
    fn declare() -> Decl {
        Decl {
            name: "MessagesData",
            doc: &["`{messages: [...]}`, `{messages: {...}}` or the message itself: all three are sent."],
            kind: DeclKind::Alias(Ty::Union(vec![
                Ty::Named("WrappedMessages"),
                WaMessage::describe(),
            ])),
        }
    }
}
impl Describe for MessagesDeleteData<'_> {
    fn describe() -> Ty {
        Ty::Union(vec![
            MessagesDeleteKeys::describe(),
            MessagesDeleteAll::describe(),
        ])
    }
}
impl Describe for MessageReceiptData<'_> {
    fn describe() -> Ty {
        Ty::Union(vec![
            WrappedReceipt::describe(),
            MessageReceipt::describe(),
            Ty::Array(Box::new(MessageReceipt::describe())),
        ])
    }
}
impl Describe for ParticipantRef<'_> {
    fn describe() -> Ty {
        Ty::Union(vec![Ty::String, GroupParticipant::describe()])
    }
}
use super::describe::{Decl, DeclKind, Declare, Describe, Ty};

/// Every named declaration in this module, for the TypeScript generator.
pub fn ts_declarations() -> Vec<String> {
    vec![
        MessageKey::ts_declaration(),
        MediaMessage::ts_declaration(),
        ExtendedTextMessage::ts_declaration(),
        LocationMessage::ts_declaration(),
        ContactMessage::ts_declaration(),
        ReactionMessage::ts_declaration(),
        WrappedMessage::ts_declaration(),
        MessageContent::ts_declaration(),
        WaMessage::ts_declaration(),
        MessagesData::ts_declaration(),
        MessageUpdateFields::ts_declaration(),
        MessageUpdate::ts_declaration(),
        MessagesDeleteKeys::ts_declaration(),
        MessagesDeleteAll::ts_declaration(),
        Reaction::ts_declaration(),
        MessageReaction::ts_declaration(),
        UserReceipt::ts_declaration(),
        MessageReceipt::ts_declaration(),
        WrappedReceipt::ts_declaration(),
        Chat::ts_declaration(),
        GroupParticipant::ts_declaration(),
        GroupMetadata::ts_declaration(),
        GroupParticipantsUpdate::ts_declaration(),
        Contact::ts_declaration(),
        SessionStatusData::ts_declaration(),
        QrCodeData::ts_declaration(),
        Call::ts_declaration(),
        CallData::ts_declaration(),
        PollOption::ts_declaration(),
        PollResultsData::ts_declaration(),
        DeliveryStatus::ts_declaration(),
        SessionStatus::ts_declaration(),
    ]
}
