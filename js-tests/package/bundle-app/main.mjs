// A page that uses the package as an app would, bundled by esbuild or Vite.
import { init, WasenderWebhook, WebhookError } from "wasender-webhook";

const out = {};
try {
  await init();
  const hook = new WasenderWebhook({ secret: "bundled-secret" });
  const delivery = { event: "messages.upsert", data: { messages: { key: { id: "B1", remoteJid: "15550001111@s.whatsapp.net" }, messageBody: "hi from a bundle 👋" } } };
  const body = new TextEncoder().encode(JSON.stringify(delivery));
  out.text = hook.handleWebhookEvent(body, "bundled-secret").messages[0].text;
  try {
    hook.handleWebhookEvent(body, "forged");
  } catch (e) {
    out.forged = e instanceof WebhookError ? e.code : String(e);
  }
} catch (e) {
  out.error = String(e?.stack ?? e);
}
document.body.textContent = "RESULT" + JSON.stringify(out) + "END";
