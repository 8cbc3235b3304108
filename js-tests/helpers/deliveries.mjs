// Realistic WasenderAPI deliveries (fake numbers and ids), shared by the
// JS tests and the demo. Shapes follow ../shared/docs/wasender-protocol.md.

export const SECRET = "fb61aa1c2f9e4b0d8c7e6a5b4c3d2e6c";
export const SESSION_ID = "SESSION-API-KEY-5f2a9c";

export const deliveries = {
  messageUpsert: {
    event: "messages.upsert",
    timestamp: 1763776800,
    sessionId: SESSION_ID,
    data: {
      messages: {
        key: {
          id: "3EB0C767D26A1D8E2F4B",
          fromMe: false,
          remoteJid: "15550001111@s.whatsapp.net",
          senderPn: "15550001111@s.whatsapp.net",
          cleanedSenderPn: "15550001111",
        },
        messageBody: "Olá! Is the order ready? 📦🙂",
        message: { conversation: "Olá! Is the order ready? 📦🙂" },
        pushName: "Ana",
        messageTimestamp: "1763776799",
        bigCounter: 12345678901234567890,
      },
    },
  },
  sessionStatus: {
    event: "session.status",
    timestamp: 1763776801,
    data: { status: "connected", session_id: "42" },
  },
  receipt: {
    event: "message-receipt.update",
    timestamp: 1763776802123,
    data: {
      message: {
        key: { id: "3EB0C767D26A1D8E2F4B", remoteJid: "120363025555555555@g.us", fromMe: true },
        receipt: { userJid: "15550002222@s.whatsapp.net", receiptTimestamp: { low: 1763776802, high: 0, unsigned: false } },
      },
    },
  },
};

/** The body bytes a sender would post for `event`. */
export function bodyOf(event) {
  return new TextEncoder().encode(JSON.stringify(event));
}
