// Deterministic, realistic deliveries at the benchmark's sizes, in two
// families. A seeded PRNG picks every word, emoji, id, digit and shape, so
// every run on every machine times exactly the same bytes (their SHA-256 is
// recorded in the results to prove it).
//
// "emoji": `messages.upsert` text messages. Shapes follow
// tests/fixtures/events/messages.upsert.*.json and
// js-tests/helpers/deliveries.mjs: one message as an object for the small
// sizes (what a single incoming text looks like), an array of messages for
// the big ones (a burst or a history batch). Text is multilingual and
// emoji-heavy on purpose: UTF-8 → UTF-16 conversion is where JS-side costs
// hide, and real WhatsApp traffic is full of it.
//
// "ascii": deliveries whose bytes are nearly all ASCII: group metadata
// (`groups.upsert`, the shape of tests/fixtures/events/groups.upsert.json
// with Baileys 7's further fields) and image messages (`messages.upsert`,
// drift.image-caption.json's shape with a real-sized base64 `jpegThumbnail`
// and the other base64 fields Baileys sends). Their human text (a group's
// subject, a caption, a push name) still carries an emoji or an accent, as it
// does on WhatsApp: a handful of non-ASCII bytes (0.01–0.8 %), which send the
// whole body down the package's non-ASCII path.

import { createHash } from "node:crypto";

export const SECRET = "fb61aa1c2f9e4b0d8c7e6a5b4c3d2e6c"; // same as the JS tests' deliveries
const SESSION_ID = "SESSION-API-KEY-5f2a9c";

/** Target sizes in bytes; each body is the largest fill that stays ≤ the target. */
export const SIZES = [
  { label: "0.4 KB", bytes: 400 },
  { label: "1.5 KB", bytes: 1536 },
  { label: "4 KB", bytes: 4096 },
  { label: "64 KB", bytes: 64 * 1024 },
  // 1 MiB is also the package's default maxBodyBytes: the biggest body it accepts untuned.
  { label: "1024 KB", bytes: 1024 * 1024 },
];

// mulberry32: tiny, fast, and good enough to pick words; not for secrets.
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  return { next, int, pick };
}

const WORDS = {
  pt: "olá obrigado amanhã pedido está pronto você pode confirmar endereço entrega às horas não então ótimo valeu beijos até logo".split(" "),
  es: "hola gracias mañana pedido está listo puedes confirmar dirección entrega señor niño qué cuándo perfecto vale nos vemos".split(" "),
  en: "hi thanks tomorrow order is ready can you confirm the address delivery please see you soon great ok sure".split(" "),
  hi: "नमस्ते धन्यवाद कल ऑर्डर तैयार है क्या आप पता पुष्टि कर सकते हैं डिलीवरी ठीक है".split(" "),
  ar: "مرحبا شكرا غدا الطلب جاهز هل يمكنك تأكيد العنوان التوصيل حسنا إلى اللقاء".split(" "),
  ru: "привет спасибо завтра заказ готов можете подтвердить адрес доставка хорошо до встречи".split(" "),
  zh: "你好 谢谢 明天 订单 已经 准备好 请 确认 地址 送货 好的 再见".split(" "),
  ja: "こんにちは ありがとう 明日 注文 準備 できました 住所 確認 お願いします 配達 了解".split(" "),
  id: "halo terima kasih besok pesanan sudah siap bisa konfirmasi alamat pengiriman oke sampai jumpa".split(" "),
};
const LANGS = Object.keys(WORDS);

// Single code points (4-byte UTF-8, surrogate pairs in JS), variation
// selectors, skin tones, ZWJ sequences and flags: every kind real chats carry.
const EMOJI = [
  "😀", "😂", "🥹", "😍", "🙏", "👍", "👍🏽", "🎉", "❤️", "🔥", "📦", "🚚", "✅", "🙂", "😅", "🤝🏾",
  "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇧🇷", "🇮🇳", "🇪🇸", "🫶", "💯", "✨", "🥳", "🌸", "🍕", "☕", "📍", "🧾",
];

const NAMES = ["Ana 🌸", "João", "María José", "Priya ✨", "Омар", "小林", "Siti 💕", "Lucas 🇧🇷", "Fatima", "Kenji"];

function text(r, words) {
  const lang = r.pick(LANGS);
  const last = r.pick(EMOJI); // drawn first so longer texts keep the same prefix
  const out = [];
  for (let i = 0; i < words; i++) {
    // Mostly one language per message, with the code-switching chats have.
    out.push(r.pick(WORDS[r.next() < 0.85 ? lang : r.pick(LANGS)]));
    if (r.next() < 0.35) out.push(Array.from({ length: 1 + r.int(3) }, () => r.pick(EMOJI)).join(""));
  }
  out.push(last); // every message carries at least one emoji
  return out.join(" ");
}

const hex = (r, n) => Array.from({ length: n }, () => "0123456789ABCDEF"[r.int(16)]).join("");
const digits = (r, n) => String(1 + r.int(9)) + Array.from({ length: n - 1 }, () => r.int(10)).join("");
const b64 = (r, n) => Array.from({ length: n }, () => "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"[r.int(64)]).join("");

/** One message as Wasender sends it; `words` sets the text length. */
function message(r, i, words, rich) {
  // The text has its own stream, so adding words never changes the rest:
  // the size grows monotonically with `words`, which fill() relies on.
  const body = text(prng(r.int(2 ** 31)), words);
  const phone = digits(r, 11);
  const group = rich && r.next() < 0.3;
  const key = {
    id: "3EB0" + hex(r, 16),
    fromMe: false,
    remoteJid: group ? `1203630${digits(r, 11)}@g.us` : `${phone}@s.whatsapp.net`,
  };
  if (group) key.participant = `${phone}@s.whatsapp.net`;
  if (rich) Object.assign(key, { senderPn: `${phone}@s.whatsapp.net`, cleanedSenderPn: phone });
  let content;
  const kind = rich ? r.int(3) : 0;
  if (kind === 0) content = { conversation: body };
  else if (kind === 1) {
    content = {
      extendedTextMessage: {
        text: body,
        contextInfo: { stanzaId: "3EB0" + hex(r, 16), participant: `${digits(r, 11)}@s.whatsapp.net`, quotedMessage: { conversation: text(r, 4) } },
      },
    };
  } else {
    content = {
      imageMessage: {
        url: `https://mmg.whatsapp.net/o1/v/t62.7118-24/f1/m232/${hex(r, 24)}.enc`,
        mimetype: "image/jpeg",
        caption: body,
        fileLength: digits(r, 6),
        height: 1280,
        width: 960,
        mediaKey: b64(r, 43) + "=",
        jpegThumbnail: b64(r, 120),
        mediaKeyTimestamp: 1763776000 + i,
      },
    };
  }
  return {
    key,
    messageBody: body,
    message: content,
    pushName: r.pick(NAMES),
    messageTimestamp: r.next() < 0.5 ? 1763776700 + i : String(1763776700 + i),
  };
}

const encoder = new TextEncoder();
const byteLength = (value) => encoder.encode(JSON.stringify(value)).length;

function envelope(messages) {
  return { event: "messages.upsert", timestamp: 1763776800, sessionId: SESSION_ID, data: { messages } };
}

/** The largest message (text grown word by word) that keeps the total ≤ budget. */
function fill(seed, i, budget, rich) {
  let best = null;
  for (let words = 1; ; words++) {
    const m = message(prng(seed), i, words, rich); // same seed: each try extends the same text
    if (byteLength(m) > budget) return best;
    best = m;
  }
}

function build(target, seed) {
  if (target <= 4096) {
    // One message, as one incoming text arrives: grow its text to the size.
    const overhead = byteLength(envelope({}));
    return envelope(fill(seed, 0, target - overhead + 2, target > 400));
  }
  // A batch: messages of a few dozen words until the next would not fit,
  // then one last message sized to the remainder. Sizes are summed, not
  // re-serialised, so a 1 MiB body builds in linear time.
  const r = prng(seed);
  const messages = [];
  let used = byteLength(envelope([])); // "[]" included; each message adds itself and a comma
  for (;;) {
    const m = message(r, messages.length, 5 + r.int(60), true);
    const cost = byteLength(m) + (messages.length ? 1 : 0);
    if (used + cost > target - 600) break; // leave room for the filler
    messages.push(m);
    used += cost;
  }
  messages.push(fill(seed + 1, messages.length, target - used - 1, true));
  return envelope(messages);
}

// ---- The "ascii" family: group metadata and image messages ----

// Base64 of n random bytes, as Baileys' JSON carries bytes (canonical, padded).
const randomBytes = (r, n) => Uint8Array.from({ length: n }, () => r.int(256));
const b64bytes = (r, n) => Buffer.from(randomBytes(r, n)).toString("base64");
// A JPEG thumbnail of n bytes: a JFIF header (base64 "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBD", as
// every real one starts), the compressed image, the end-of-image marker.
const JFIF = Buffer.from("/9j/4AAQSkZJRgABAQAAAQABAAD/2wBD", "base64");
const jpeg = (r, n) => Buffer.concat([JFIF, randomBytes(r, Math.max(0, n - JFIF.length - 2)), Buffer.from([0xff, 0xd9])]).toString("base64");
const pn = (r) => `${digits(r, 12)}@s.whatsapp.net`;
const lid = (r) => `${digits(r, 15)}@lid`;

const SUBJECTS = ["Sales Team 🚀", "Weekend Football ⚽", "Condomínio Bloco B", "Delivery Drivers 🚚", "Family ❤️", "Book Club 📚", "Project Atlas – Ops", "Class of 2012 🎓"];
const DESC = (
  "welcome to the group please keep messages on topic no spam share updates and photos here meeting every monday " +
  "at 9am links and files go in the pinned message contact the admins with questions new members introduce yourself"
).split(" ");
const CAPTIONS = [
  "Receipt for order 4471 🧾", "Delivered to reception ✅", "Here is the package, box 2 of 3 📦", "Invoice attached, please confirm the total",
  "Menu for this week 🍕", "Screenshot of the error on checkout", "New price list, valid from Monday 👍", "Photo of the damage, as promised",
];

/**
 * One group's metadata (Baileys 7 GroupMetadata as JSON): `members`
 * participants, `words` words of description. `lean`: a group as it is just
 * after creation, addressed by phone number (participants without a LID),
 * with a subset of the fixture's fields, so that one fits 0.4 KB.
 */
function group(seed, members, words, lean) {
  const r = prng(seed);
  // Independent streams, drawn first: more members or words never change the rest.
  const [pr, dr] = [prng(r.int(2 ** 31)), prng(r.int(2 ** 31))];
  const member = (admin) => (lean ? { id: pn(pr), admin } : { id: lid(pr), phoneNumber: pn(pr), admin });
  const owner = member("superadmin");
  const participants = [owner];
  for (let i = 1; i < members; i++) participants.push(member(pr.next() < 0.04 ? "admin" : null));
  const creation = 1600000000 + r.int(160000000);
  const id = `1203630${digits(r, 11)}@g.us`;
  const subject = r.pick(SUBJECTS);
  const desc = Array.from({ length: words }, () => dr.pick(DESC)).join(" ");
  if (lean) return { id, subject, owner: owner.id, creation, desc, size: members, participants };
  return {
    id,
    addressingMode: "lid",
    subject,
    subjectOwner: owner.id,
    subjectOwnerPn: owner.phoneNumber,
    subjectTime: creation,
    size: members,
    creation,
    owner: owner.id,
    ownerPn: owner.phoneNumber,
    desc,
    descId: "3EB0" + hex(r, 16),
    restrict: r.next() < 0.5,
    announce: r.next() < 0.2,
    isCommunity: false,
    joinApprovalMode: false,
    memberAddMode: r.next() < 0.5,
    participants,
  };
}

/** The largest n ≥ lo with fits(n), for a fits that holds up to some n and never after. */
function largest(fits, lo) {
  let hi = lo + 1;
  while (fits(hi)) hi *= 2;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** The largest group (members, then description words) that keeps the body ≤ target. */
function groupsBody(target, seed) {
  const lean = target <= 400;
  const body = (members, words) => ({ event: "groups.upsert", timestamp: 1763776800, sessionId: SESSION_ID, data: [group(seed, members, words, lean)] });
  const members = largest((n) => byteLength(body(n, 0)) <= target, 1);
  return body(members, largest((n) => byteLength(body(members, n)) <= target, 0));
}

/**
 * One image message as Baileys sends it through Wasender: a base64 thumbnail
 * of `thumb` bytes. `lean`: without the scan sidecars and device-list
 * metadata some clients add, so that one fits 1.5 KB.
 */
function imageMessage(seed, i, thumb, lean = false) {
  const r = prng(seed);
  const tr = prng(r.int(2 ** 31)); // the thumbnail's own stream: a bigger one changes nothing else
  const phone = digits(r, 12);
  const inGroup = r.next() < 0.3;
  const key = { id: "3EB0" + hex(r, 16), fromMe: false, remoteJid: inGroup ? `1203630${digits(r, 11)}@g.us` : `${phone}@s.whatsapp.net` };
  if (inGroup) Object.assign(key, { participant: `${digits(r, 15)}@lid`, participantPn: `${phone}@s.whatsapp.net`, cleanedParticipantPn: phone });
  else Object.assign(key, { senderPn: `${phone}@s.whatsapp.net`, cleanedSenderPn: phone });
  const caption = r.pick(CAPTIONS);
  const path = `/o1/v/t62.7118-24/f2/m233/AQ${b64(r, 40).replace(/[+/]/g, "x")}?ccb=9-4&oh=01_Q5Aa${b64(r, 40).replace(/[+/]/g, "x")}&oe=${hex(r, 8)}&_nc_sid=e6ed6c`;
  const scans = Array.from({ length: 4 }, () => 2000 + r.int(30000));
  const image = {
    url: `https://mmg.whatsapp.net${path}&mms3=true`,
    mimetype: "image/jpeg",
    caption,
    fileSha256: b64bytes(r, 32),
    fileLength: String(scans.reduce((a, b) => a + b)),
    height: r.pick([1280, 1600, 2048]),
    width: r.pick([720, 960, 1152]),
    mediaKey: b64bytes(r, 32),
    fileEncSha256: b64bytes(r, 32),
    directPath: path,
    mediaKeyTimestamp: String(1763776000 + i),
    jpegThumbnail: jpeg(tr, thumb),
  };
  const extra = {
    firstScanSidecar: b64bytes(r, 10),
    firstScanLength: scans[0],
    scansSidecar: b64bytes(r, 40),
    scanLengths: scans,
    midQualityFileSha256: b64bytes(r, 32),
  };
  const context = {
    deviceListMetadata: { senderKeyHash: b64bytes(r, 10), senderTimestamp: String(1763700000 + r.int(70000)), recipientKeyHash: b64bytes(r, 10), recipientTimestamp: String(1763700000 + r.int(70000)) },
    deviceListMetadataVersion: 2,
    messageSecret: b64bytes(r, 32),
  };
  return {
    key,
    messageBody: caption,
    message: lean ? { imageMessage: image } : { imageMessage: { ...image, ...extra }, messageContextInfo: context },
    pushName: r.pick(NAMES),
    messageTimestamp: r.next() < 0.5 ? 1763776700 + i : String(1763776700 + i),
  };
}

/** Image messages: one for the small sizes, a batch (thumbnails of 1–4.5 KB) for the big ones. */
function imagesBody(target, seed) {
  // Thumbnails grow 3 bytes (4 base64 characters) at a time.
  const filler = (s, i, budget, lean) => imageMessage(s, i, 3 * largest((n) => byteLength(imageMessage(s, i, 3 * n, lean)) <= budget, 0), lean);
  if (target <= 4096) return envelope(filler(seed, 0, target - byteLength(envelope({})) + 2, target <= 1536));
  const r = prng(seed);
  const messages = [];
  let used = byteLength(envelope([]));
  for (;;) {
    const m = imageMessage(r.int(2 ** 31), messages.length, 1000 + r.int(3500));
    const cost = byteLength(m) + (messages.length ? 1 : 0);
    if (used + cost > target - 2500) break; // leave room for the filler
    messages.push(m);
    used += cost;
  }
  messages.push(filler(seed + 1, messages.length, target - used - 1));
  return envelope(messages);
}

/**
 * The families, each a body per size. "ascii" takes the event that is
 * ASCII-dominant at each size: a new group's metadata at 0.4 KB (too small
 * for a thumbnail), one image message at 1.5 and 4 KB, a big group (about
 * 600 members) at 64 KB, and a history batch of image messages at 1 MiB.
 */
export const FAMILIES = [
  { id: "emoji", title: "emoji-heavy text messages (messages.upsert)", build: (target, n) => build(target, 0x5eed + n) },
  {
    id: "ascii",
    title: "ASCII-dominant: group metadata (groups.upsert) and image messages with base64 thumbnails (messages.upsert)",
    build: (target, n) => (target === 400 || target === 64 * 1024 ? groupsBody : imagesBody)(target, 0xa5c11 + n),
  },
];

/** The bodies of one family (default: the emoji one, as benches/core-wasm reads it), each with its bytes, its text and facts to report. */
export function makeBodies(family = "emoji") {
  const { build: make } = FAMILIES.find((f) => f.id === family) ?? raise(`no body family ${family}`);
  return SIZES.map(({ label, bytes: target }, n) => {
    const value = make(target, n);
    const text = JSON.stringify(value);
    const bytes = encoder.encode(text);
    if (bytes.length > target || bytes.length < target * 0.9) {
      throw new Error(`body ${family} ${label}: ${bytes.length} bytes, wanted just under ${target}`);
    }
    let nonAscii = 0;
    for (const b of bytes) if (b >= 0x80) nonAscii++;
    const emoji = (text.match(/\p{Extended_Pictographic}/gu) || []).length;
    const data = value.data;
    const messages = data.messages === undefined ? 0 : Array.isArray(data.messages) ? data.messages.length : 1;
    return {
      family,
      label,
      id: `${family} ${label}`,
      target,
      bytes,
      text,
      facts: {
        event: value.event,
        contents:
          value.event === "groups.upsert"
            ? `${data.length} group, ${data[0].participants.length} participants`
            : family === "emoji"
              ? `${messages} ${messages === 1 ? "message" : "messages"}`
              : messages === 1
                ? `1 image message, base64 thumbnail ${thumbs(data.messages)}`
                : `${messages} image messages, base64 thumbnails ${thumbs(data.messages)}`,
        bytes: bytes.length,
        utf16Length: text.length,
        messages,
        emoji,
        nonAsciiBytesPct: +((100 * nonAscii) / bytes.length).toFixed(family === "ascii" ? 2 : 1),
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
    };
  });
}

/** Every family's bodies. */
export const makeAllBodies = () => FAMILIES.flatMap((f) => makeBodies(f.id));

function thumbs(messages) {
  const sizes = [messages].flat().map((m) => m.message.imageMessage.jpegThumbnail.length);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  return sizes.length === 1 ? kb(sizes[0]) : `${kb(Math.min(...sizes))}–${kb(Math.max(...sizes))}`;
}

function raise(message) {
  throw new Error(message);
}
