# Generated from the Rust model by the native module (python/src/stubs.rs):
# `python -c "import wasender_webhook._native as n; print(n._stub_text(), end='')"`.
# Do not edit. Wire objects are TypedDicts of their documented fields: what is
# not documented stays in the dict too (nothing is dropped).

from typing import Any, Literal, NotRequired, TypeAlias, TypedDict

from ._views import View

#: Every WebhookError.code.
ErrorCode: TypeAlias = Literal[
    "MISSING_SECRET",
    "INVALID_OPTIONS",
    "NOT_INITIALIZED",
    "BODY_ALREADY_PARSED",
    "METHOD_NOT_ALLOWED",
    "MISSING_SIGNATURE",
    "INVALID_SIGNATURE",
    "TIMESTAMP_TOO_OLD",
    "TIMESTAMP_TOO_NEW",
    "BODY_TOO_LARGE",
    "INVALID_JSON",
    "INVALID_PAYLOAD",
    "UNREADABLE_BODY",
    "BODY_ALREADY_READ",
    "BODY_INCOMPLETE",
    "HOOK_FREED",
    "INTERNAL_ERROR",
]

class Long(TypedDict):
    """A protobuf int64 as a Long object (protobufjs)."""
    low: float
    high: float
    unsigned: NotRequired[bool | None]

# A protobuf int64 as sent: a number, a decimal string, or a Long object.
Int64: TypeAlias = float | str | Long

# Binary fields: base64 text (some gateways send byte-indexed objects).
Base64Bytes: TypeAlias = str | dict[str, float] | list[float]

class MessageKey(TypedDict):
    """A WhatsApp message key (Baileys `IMessageKey` plus Wasender's additions)."""
    # The message id: the deduplication key.
    id: NotRequired[str | None]
    fromMe: NotRequired[bool | None]
    # The chat: `…@s.whatsapp.net`, `…@lid`, `…@g.us`, `…@newsletter`, `status@broadcast`.
    remoteJid: NotRequired[str | None]
    # The sender inside a group.
    participant: NotRequired[str | None]
    addressingMode: NotRequired[str | None]
    senderPn: NotRequired[str | None]
    senderLid: NotRequired[str | None]
    # The sender's phone number, digits only (1:1 chats; added by Wasender).
    cleanedSenderPn: NotRequired[str | None]
    participantPn: NotRequired[str | None]
    participantLid: NotRequired[str | None]
    # The group sender's phone number, digits only (added by Wasender).
    cleanedParticipantPn: NotRequired[str | None]
    remoteJidAlt: NotRequired[str | None]
    participantAlt: NotRequired[str | None]

class MediaMessage(TypedDict):
    """Image, video, audio, document and sticker content."""
    # Encrypted CDN URL; decrypt with Wasender's `POST /api/decrypt-media`.
    url: NotRequired[str | None]
    mimetype: NotRequired[str | None]
    caption: NotRequired[str | None]
    fileLength: NotRequired[Int64 | None]
    fileSha256: NotRequired[Base64Bytes | None]
    fileEncSha256: NotRequired[Base64Bytes | None]
    mediaKey: NotRequired[Base64Bytes | None]
    jpegThumbnail: NotRequired[Base64Bytes | None]
    directPath: NotRequired[str | None]
    mediaKeyTimestamp: NotRequired[Int64 | None]
    height: NotRequired[float | None]
    width: NotRequired[float | None]
    # Audio and video length in seconds.
    seconds: NotRequired[float | None]
    # A voice note.
    ptt: NotRequired[bool | None]
    fileName: NotRequired[str | None]
    title: NotRequired[str | None]

class ExtendedTextMessage(TypedDict):
    text: NotRequired[str | None]
    contextInfo: NotRequired[Any]

class LocationMessage(TypedDict):
    degreesLatitude: NotRequired[float | None]
    degreesLongitude: NotRequired[float | None]
    name: NotRequired[str | None]
    address: NotRequired[str | None]

class ContactMessage(TypedDict):
    displayName: NotRequired[str | None]
    vcard: NotRequired[str | None]

class ReactionMessage(TypedDict):
    """A reaction inside a message (`reactionMessage`)."""
    key: NotRequired[MessageKey | None]
    # The emoji; empty when the reaction was removed.
    text: NotRequired[str | None]
    senderTimestampMs: NotRequired[Int64 | None]

class WrappedMessage(TypedDict):
    """A wrapper that carries another message (ephemeral, view-once, edited …)."""
    message: NotRequired[MessageContent | None]

class MessageContent(TypedDict):
    """Baileys `proto.Message`: normally one content key, plus `messageContextInfo`."""
    conversation: NotRequired[str | None]
    extendedTextMessage: NotRequired[ExtendedTextMessage | None]
    imageMessage: NotRequired[MediaMessage | None]
    videoMessage: NotRequired[MediaMessage | None]
    ptvMessage: NotRequired[MediaMessage | None]
    audioMessage: NotRequired[MediaMessage | None]
    documentMessage: NotRequired[MediaMessage | None]
    stickerMessage: NotRequired[MediaMessage | None]
    locationMessage: NotRequired[LocationMessage | None]
    liveLocationMessage: NotRequired[LocationMessage | None]
    contactMessage: NotRequired[ContactMessage | None]
    contactsArrayMessage: NotRequired[Any]
    reactionMessage: NotRequired[ReactionMessage | None]
    pollCreationMessage: NotRequired[Any]
    pollCreationMessageV2: NotRequired[Any]
    pollCreationMessageV3: NotRequired[Any]
    pollUpdateMessage: NotRequired[Any]
    protocolMessage: NotRequired[Any]
    ephemeralMessage: NotRequired[WrappedMessage | None]
    viewOnceMessage: NotRequired[WrappedMessage | None]
    viewOnceMessageV2: NotRequired[WrappedMessage | None]
    viewOnceMessageV2Extension: NotRequired[WrappedMessage | None]
    documentWithCaptionMessage: NotRequired[WrappedMessage | None]
    editedMessage: NotRequired[WrappedMessage | None]
    messageContextInfo: NotRequired[Any]

class WAMessage(TypedDict):
    """A WhatsApp message as Wasender delivers it (Baileys `WAMessage`)."""
    key: MessageKey
    message: NotRequired[MessageContent | None]
    # Wasender's unified text: the text, caption or reply text; `""` for media without caption.
    messageBody: NotRequired[str | None]
    pushName: NotRequired[str | None]
    # Seconds since the epoch.
    messageTimestamp: NotRequired[Int64 | None]
    # WebMessageInfo.Status: 0 ERROR … 5 PLAYED, or its name.
    status: NotRequired[str | float | None]

class WrappedMessages(TypedDict):
    """`{messages: ...}`: one message or several, wrapped."""
    messages: WAMessage | list[WAMessage]

# `{messages: [...]}`, `{messages: {...}}` or the message itself: all three are sent.
MessagesData: TypeAlias = WrappedMessages | WAMessage

class MessageUpdateFields(TypedDict):
    # WebMessageInfo.Status: 0 ERROR … 5 PLAYED, or its name.
    status: NotRequired[str | float | None]
    # The new content of an edited message.
    message: NotRequired[MessageContent | None]
    messageStubType: NotRequired[Any]
    pollUpdates: NotRequired[Any]
    starred: NotRequired[bool | None]

class MessageUpdate(TypedDict):
    """One entry of `messages.update`."""
    key: MessageKey
    update: MessageUpdateFields

class MessagesDeleteKeys(TypedDict):
    keys: list[MessageKey]

class MessagesDeleteAll(TypedDict):
    """Every message of a chat was deleted."""
    jid: str
    all: bool

class Reaction(TypedDict):
    # The emoji; `""` (or missing) when the reaction was removed.
    text: NotRequired[str | None]
    # The message reacted to.
    key: NotRequired[MessageKey | None]
    senderTimestampMs: NotRequired[Int64 | None]

class MessageReaction(TypedDict):
    """One entry of `messages.reaction`."""
    # The reacting message's key (who reacted, in which chat).
    key: MessageKey
    reaction: Reaction

class UserReceipt(TypedDict):
    """proto `UserReceipt`."""
    userJid: NotRequired[str | None]
    receiptTimestamp: NotRequired[Int64 | None]
    readTimestamp: NotRequired[Int64 | None]
    playedTimestamp: NotRequired[Int64 | None]
    pendingDeviceJid: NotRequired[list[str] | None]
    deliveredDeviceJid: NotRequired[list[str] | None]

class MessageReceipt(TypedDict):
    key: MessageKey
    receipt: UserReceipt

class WrappedReceipt(TypedDict):
    """The documented object form: the receipt nests under `message`."""
    message: MessageReceipt

class Chat(TypedDict):
    """A chat (Baileys `Chat`); partial in `chats.update`."""
    id: str
    name: NotRequired[str | None]
    conversationTimestamp: NotRequired[Int64 | None]
    unreadCount: NotRequired[float | None]
    archived: NotRequired[bool | None]
    pinned: NotRequired[Int64 | None]
    # Mute end in seconds; may be u64::MAX ("forever") or -1.
    muteEndTime: NotRequired[Int64 | None]
    readOnly: NotRequired[bool | None]

class GroupParticipant(TypedDict):
    id: str
    phoneNumber: NotRequired[str | None]
    lid: NotRequired[str | None]
    # `"admin"`, `"superadmin"` or null.
    admin: NotRequired[str | None]

class GroupMetadata(TypedDict):
    """Group metadata (Baileys `GroupMetadata`); partial in `groups.update`."""
    # The group JID (`…@g.us`). Some senders call it `jid`.
    id: NotRequired[str | None]
    jid: NotRequired[str | None]
    subject: NotRequired[str | None]
    owner: NotRequired[str | None]
    ownerPn: NotRequired[str | None]
    # Creation time in seconds.
    creation: NotRequired[Int64 | None]
    desc: NotRequired[str | None]
    restrict: NotRequired[bool | None]
    announce: NotRequired[bool | None]
    size: NotRequired[float | None]
    addressingMode: NotRequired[str | None]
    author: NotRequired[str | None]
    authorPn: NotRequired[str | None]
    participants: NotRequired[list[GroupParticipant] | None]

class GroupParticipantsUpdate(TypedDict):
    # The group JID. Some senders call it `jid`.
    id: NotRequired[str | None]
    jid: NotRequired[str | None]
    author: NotRequired[str | None]
    authorPn: NotRequired[str | None]
    participants: list[str | GroupParticipant]
    # `add`, `remove`, `promote`, `demote` (Baileys 7 adds `modify`).
    action: str

class Contact(TypedDict):
    """A contact (Baileys `Contact`); partial in `contacts.update`."""
    # The contact's JID. The docs' example calls it `jid`.
    id: NotRequired[str | None]
    jid: NotRequired[str | None]
    lid: NotRequired[str | None]
    phoneNumber: NotRequired[str | None]
    name: NotRequired[str | None]
    notify: NotRequired[str | None]
    verifiedName: NotRequired[str | None]
    # A URL, `"changed"`, or null for no picture.
    imgUrl: NotRequired[str | None]
    status: NotRequired[str | None]
    username: NotRequired[str | None]

class SessionStatusData(TypedDict):
    # `connected`, `disconnected`, `need_scan` … in lower or upper case.
    status: str
    session_id: NotRequired[str | float | None]
    sessionId: NotRequired[str | float | None]
    reason: NotRequired[str | None]

class QrCodeData(TypedDict):
    # The pairing string (`"2@…"`) to render as a QR code.
    qr: str
    session_id: NotRequired[str | float | None]
    sessionId: NotRequired[str | float | None]

# A call offer or state change (Baileys `WACallEvent`).
Call = TypedDict(
    "Call",
    {
        "id": str,
        # The caller's JID.
        "from": NotRequired[str | None],
        # ISO-8601 text (a serialised Date), or a number.
        "date": NotRequired[str | float | None],
        "isGroup": NotRequired[bool | None],
        "isVideo": NotRequired[bool | None],
        # `offer`, `ringing`, `timeout`, `reject`, `accept`, `terminate` …
        "status": NotRequired[str | None],
        "chatId": NotRequired[str | None],
        "offline": NotRequired[bool | None],
        "callerPn": NotRequired[str | None],
        "groupJid": NotRequired[str | None],
        "latencyMs": NotRequired[float | None],
    },
)

class CallData(TypedDict):
    call: Call

class PollOption(TypedDict):
    name: str
    voters: NotRequired[list[str] | None]

class PollResultsData(TypedDict):
    key: NotRequired[MessageKey | None]
    pollResult: list[PollOption]

# A message's delivery state, normalised from WebMessageInfo.Status
# numbers, protobuf names and SDK words.
DeliveryStatus: TypeAlias = Literal["error", "pending", "sent", "delivered", "read", "played", "unknown"]

# The session's state, one lower-case set whatever case the sender used.
SessionStatus: TypeAlias = Literal["connected", "connecting", "disconnected", "need_scan", "logged_out", "expired", "error", "unknown"]

# What a message carries.
MessageType: TypeAlias = Literal["text", "image", "video", "audio", "document", "sticker", "location", "contact", "reaction", "poll", "other"]

class NormalizedMessage(View):
    """One message, the same whatever shape and wrapper it came in."""
    @property
    def id(self) -> str | None:
        """`key.id`: use it (with `chatJid`) to drop duplicate deliveries.
        Absent when the key has none (it is "usually present")."""
    @property
    def chat_jid(self) -> str | None:
        """The chat (`key.remoteJid`): a person, a group (`…@g.us`) or a
        newsletter. Absent when the key has none."""
    @property
    def is_group(self) -> bool:
        ...
    @property
    def from_me(self) -> bool:
        """Sent by this session's own number."""
    @property
    def sender_jid(self) -> str | None:
        """Who sent it, preferring the phone-number JID over a LID."""
    @property
    def sender_phone(self) -> str | None:
        """The sender's phone number, digits only, when the delivery tells it."""
    @property
    def push_name(self) -> str | None:
        ...
    @property
    def text(self) -> str | None:
        """The text, caption or reply text, looked for inside wrappers too."""
    @property
    def message_type(self) -> MessageType:
        """What it carries."""
    @property
    def timestamp(self) -> float | None:
        """Unix seconds."""

class StatusUpdate(View):
    """A delivery-state change of one message (receipts and updates)."""
    @property
    def id(self) -> str | None:
        """`key.id` of the message, when the update names it."""
    @property
    def chat_jid(self) -> str | None:
        """`key.remoteJid`, when the update names it."""
    @property
    def from_me(self) -> bool:
        ...
    @property
    def status(self) -> DeliveryStatus | None:
        """Absent when the update is not about delivery (an edit, a star …)."""
    @property
    def user_jid(self) -> str | None:
        """Whose receipt this is (group receipts name each member)."""
    @property
    def timestamp(self) -> float | None:
        """Unix seconds."""

class NormalizedReaction(View):
    """A reaction added to (or removed from) a message."""
    @property
    def message_id(self) -> str | None:
        """The message reacted to, when the reaction names it."""
    @property
    def chat_jid(self) -> str | None:
        """The chat, when the reaction names it."""
    @property
    def emoji(self) -> str | None:
        """The emoji; absent when the reaction was removed."""
    @property
    def removed(self) -> bool:
        ...
    @property
    def reactor_jid(self) -> str | None:
        """Who reacted (absent when it was this session)."""
    @property
    def from_me(self) -> bool:
        ...
    @property
    def timestamp(self) -> float | None:
        """Unix seconds."""

class MessagesUpsertEvent:
    """`messages.upsert`"""
    event: Literal["messages.upsert"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: MessagesData
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: list[NormalizedMessage]
    statuses: None
    reactions: None
    session_status: None

class MessagesReceivedEvent:
    """`messages.received`"""
    event: Literal["messages.received"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: MessagesData
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: list[NormalizedMessage]
    statuses: None
    reactions: None
    session_status: None

class MessagesPersonalReceivedEvent:
    """`messages-personal.received`"""
    event: Literal["messages-personal.received"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: MessagesData
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: list[NormalizedMessage]
    statuses: None
    reactions: None
    session_status: None

class MessagesGroupReceivedEvent:
    """`messages-group.received`"""
    event: Literal["messages-group.received"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: MessagesData
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: list[NormalizedMessage]
    statuses: None
    reactions: None
    session_status: None

class MessagesNewsletterReceivedEvent:
    """`messages-newsletter.received`"""
    event: Literal["messages-newsletter.received"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: MessagesData
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: list[NormalizedMessage]
    statuses: None
    reactions: None
    session_status: None

class MessageSentEvent:
    """`message.sent`"""
    event: Literal["message.sent"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: MessagesData
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: list[NormalizedMessage]
    statuses: None
    reactions: None
    session_status: None

class MessagesUpdateEvent:
    """`messages.update`"""
    event: Literal["messages.update"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: MessageUpdate | list[MessageUpdate]
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: list[StatusUpdate]
    reactions: None
    session_status: None

class MessagesDeleteEvent:
    """`messages.delete`"""
    event: Literal["messages.delete"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: MessagesDeleteKeys | MessagesDeleteAll
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: None

class MessagesReactionEvent:
    """`messages.reaction`"""
    event: Literal["messages.reaction"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: MessageReaction | list[MessageReaction]
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: list[NormalizedReaction]
    session_status: None

class MessageReceiptUpdateEvent:
    """`message-receipt.update`"""
    event: Literal["message-receipt.update"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: WrappedReceipt | MessageReceipt | list[MessageReceipt]
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: list[StatusUpdate]
    reactions: None
    session_status: None

class ChatsUpsertEvent:
    """`chats.upsert`"""
    event: Literal["chats.upsert"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: list[Chat]
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: None

class ChatsUpdateEvent:
    """`chats.update`"""
    event: Literal["chats.update"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: list[Chat]
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: None

class ChatsDeleteEvent:
    """`chats.delete`"""
    event: Literal["chats.delete"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: list[str]
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: None

class GroupsUpsertEvent:
    """`groups.upsert`"""
    event: Literal["groups.upsert"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: list[GroupMetadata]
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: None

class GroupsUpdateEvent:
    """`groups.update`"""
    event: Literal["groups.update"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: list[GroupMetadata]
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: None

class GroupParticipantsUpdateEvent:
    """`group-participants.update`"""
    event: Literal["group-participants.update"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: GroupParticipantsUpdate
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: None

class ContactsUpsertEvent:
    """`contacts.upsert`"""
    event: Literal["contacts.upsert"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: list[Contact]
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: None

class ContactsUpdateEvent:
    """`contacts.update`"""
    event: Literal["contacts.update"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: list[Contact]
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: None

class SessionStatusEvent:
    """`session.status`"""
    event: Literal["session.status"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: SessionStatusData
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: SessionStatus

class QrCodeUpdatedEvent:
    """`qrcode.updated`"""
    event: Literal["qrcode.updated"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: QrCodeData
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: None

class CallEvent:
    """`call`"""
    event: Literal["call"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: CallData
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: None

class PollResultsEvent:
    """`poll.results`"""
    event: Literal["poll.results"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: PollResultsData
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: None

class UnknownEvent:
    """An event this version does not know: passed through, never an error."""
    event: Literal["unknown"]
    #: The event name exactly as sent (an alias, or an unknown event's name).
    received_event: str
    #: The envelope timestamp in Unix seconds (sent in seconds or milliseconds).
    timestamp: float | None
    #: The sessionId, if sent: it may be the session's API key, a secret.
    session_id: str | None
    #: Exactly `json.loads(body)["data"]`.
    data: Any
    #: Every top-level member of the body but `data`.
    envelope: dict[str, Any]
    messages: None
    statuses: None
    reactions: None
    session_status: None

#: A verified delivery: narrow it on `event.event` (the canonical name).
WebhookEvent: TypeAlias = (
    MessagesUpsertEvent |
    MessagesReceivedEvent |
    MessagesPersonalReceivedEvent |
    MessagesGroupReceivedEvent |
    MessagesNewsletterReceivedEvent |
    MessageSentEvent |
    MessagesUpdateEvent |
    MessagesDeleteEvent |
    MessagesReactionEvent |
    MessageReceiptUpdateEvent |
    ChatsUpsertEvent |
    ChatsUpdateEvent |
    ChatsDeleteEvent |
    GroupsUpsertEvent |
    GroupsUpdateEvent |
    GroupParticipantsUpdateEvent |
    ContactsUpsertEvent |
    ContactsUpdateEvent |
    SessionStatusEvent |
    QrCodeUpdatedEvent |
    CallEvent |
    PollResultsEvent |
    UnknownEvent
)

#: Every canonical event name.
WebhookEventName: TypeAlias = Literal[
    "messages.upsert",
    "messages.received",
    "messages-personal.received",
    "messages-group.received",
    "messages-newsletter.received",
    "message.sent",
    "messages.update",
    "messages.delete",
    "messages.reaction",
    "message-receipt.update",
    "chats.upsert",
    "chats.update",
    "chats.delete",
    "groups.upsert",
    "groups.update",
    "group-participants.update",
    "contacts.upsert",
    "contacts.update",
    "session.status",
    "qrcode.updated",
    "call",
    "poll.results",
    "unknown",
]
