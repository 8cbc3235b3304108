// Deterministic, realistic `messages.upsert` deliveries at the benchmark's
// sizes. A seeded PRNG picks every word, emoji, id and shape, so every run
// on every machine times exactly the same bytes (their SHA-256 is recorded
// in the results to prove it).
//
// Shapes follow tests/fixtures/events/messages.upsert.*.json and
// js-tests/helpers/deliveries.mjs: one message as an object for the small
// sizes (what a single incoming text looks like), an array of messages for
// the big ones (a burst or a history batch). Text is multilingual and
// emoji-heavy on purpose: UTF-8 → UTF-16 conversion is where JS-side costs
// hide, and real WhatsApp traffic is full of it.

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

/** The bodies, each with its bytes, its text and facts to report. */
export function makeBodies() {
  return SIZES.map(({ label, bytes: target }, n) => {
    const value = build(target, 0x5eed + n);
    const text = JSON.stringify(value);
    const bytes = encoder.encode(text);
    if (bytes.length > target || bytes.length < target * 0.9) {
      throw new Error(`body ${label}: ${bytes.length} bytes, wanted just under ${target}`);
    }
    let nonAscii = 0;
    for (const b of bytes) if (b >= 0x80) nonAscii++;
    const emoji = (text.match(/\p{Extended_Pictographic}/gu) || []).length;
    const messages = Array.isArray(value.data.messages) ? value.data.messages.length : 1;
    return {
      label,
      target,
      bytes,
      text,
      facts: {
        bytes: bytes.length,
        utf16Length: text.length,
        messages,
        emoji,
        nonAsciiBytesPct: +((100 * nonAscii) / bytes.length).toFixed(1),
        sha256: createHash("sha256").update(bytes).digest("hex"),
      },
    };
  });
}
