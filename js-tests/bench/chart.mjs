// The chart in BENCHMARKS.md: time per delivery relative to the baseline,
// one panel per body family, one group of bars per body size, log scale (the
// ratios span orders of magnitude). Plain SVG, no dependencies.
// `node js-tests/bench/chart.mjs` re-draws chart.svg from results.json.

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { bodiesOf, FAMILY_NAMES } from "./targets.mjs";

// Package rows in warm colours (dark: bytes in, light: string in), the others cool/grey.
const COLOURS = {
  "pkg-wasender-bytes": "#c2410c",
  "pkg-wasender-string": "#fdba74",
  "sdk-bytes": "#1d4ed8",
  "sdk-string": "#93c5fd",
  "pkg-hmac-bytes": "#a21caf",
  "pkg-hmac-string": "#f0abfc",
  "node-crypto": "#374151",
  webcrypto: "#15803d",
  standardwebhooks: "#a16207",
  "pkg-standard-bytes": "#0e7490",
  "node-crypto-standard": "#6b7280",
};

// Short enough for one line over the panel.
const PANEL_TITLES = {
  emoji: "emoji-heavy text messages (messages.upsert)",
  ascii: "group metadata (groups.upsert) and image messages with base64 thumbnails (messages.upsert)",
};

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export function chartSvg(res) {
  const rows = res.rows.filter((r) => r.group === "contender");
  const bodies = bodiesOf(res);
  // One panel per body family, on the same scale.
  const panels = [...new Set(bodies.map((b) => b.family))].map((id) => ({
    title: `${FAMILY_NAMES[id] ?? id} bodies: ${PANEL_TITLES[id] ?? res.families?.find((f) => f.id === id)?.title ?? id}`,
    bodies: bodies.filter((b) => b.family === id),
  }));
  const ratio = (id, b) => res.timings[id][b.id].median / res.timings[res.baseline][b.id].median;
  const values = rows.flatMap((r) => bodies.map((b) => ratio(r.id, b)));
  const lo = Math.floor(Math.log10(Math.min(...values, 1)));
  const hi = Math.ceil(Math.log10(Math.max(...values, 1)));

  const legendH = 20 * rows.length + 8;
  const W = 980, left = 64, right = 16, top = 48, panelH = 330, panelGap = 56;
  const plotW = W - left - right, plotH = panelH - 40;
  const H = top + panels.length * panelH + (panels.length - 1) * panelGap + legendH + 16;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${left}" y="22" font-size="15" font-weight="600">Time per delivery ÷ node:crypto HMAC + JSON.parse (log scale; lower is faster)</text>`);
  out.push(`<text x="${left}" y="39" fill="#555">median of ${res.config.rounds} interleaved rounds · Node ${res.machine.node} · ${esc(res.machine.cpuModel)} · ${res.date.slice(0, 10)}</text>`);

  panels.forEach((panel, p) => {
    const ptop = top + p * (panelH + panelGap) + 20;
    const y = (v) => ptop + plotH * (1 - (Math.log10(v) - lo) / (hi - lo));
    const groupW = plotW / panel.bodies.length, barW = (groupW * 0.84) / rows.length;
    out.push(`<text x="${left}" y="${ptop - 8}" font-size="13" font-weight="600">${esc(panel.title)}</text>`);
    for (let e = lo; e <= hi; e++) {
      for (const m of [1, 2, 5]) {
        const v = m * 10 ** e;
        if (Math.log10(v) > hi + 1e-9) continue;
        const yy = y(v).toFixed(1);
        out.push(`<line x1="${left}" x2="${W - right}" y1="${yy}" y2="${yy}" stroke="${m === 1 ? "#bbb" : "#eee"}"/>`);
        out.push(`<text x="${left - 6}" y="${+yy + 4}" text-anchor="end" fill="#555">${+v.toPrecision(2)}×</text>`);
      }
    }
    out.push(`<line x1="${left}" x2="${W - right}" y1="${y(1)}" y2="${y(1)}" stroke="#374151" stroke-width="1.5" stroke-dasharray="5 3"/>`);
    panel.bodies.forEach((b, g) => {
      const x0 = left + g * groupW + groupW * 0.08;
      rows.forEach((r, i) => {
        const v = ratio(r.id, b);
        const [ya, yb] = [y(Math.max(v, 1)), y(Math.min(v, 1))]; // bars grow from the 1× line
        out.push(
          `<rect x="${(x0 + i * barW).toFixed(1)}" y="${ya.toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${Math.max(yb - ya, 1).toFixed(1)}" fill="${COLOURS[r.id] ?? "#888"}"><title>${esc(r.label)}, ${esc(b.id)}: ${v.toFixed(2)}×</title></rect>`,
        );
      });
      out.push(`<text x="${(left + g * groupW + groupW / 2).toFixed(1)}" y="${ptop + plotH + 18}" text-anchor="middle" font-weight="600">${b.label}</text>`);
    });
  });

  const legendTop = top + panels.length * panelH + (panels.length - 1) * panelGap + 4;
  rows.forEach((r, i) => {
    const lx = left, ly = legendTop + i * 20;
    out.push(`<rect x="${lx}" y="${ly}" width="14" height="14" fill="${COLOURS[r.id] ?? "#888"}"/>`);
    out.push(`<text x="${lx + 20}" y="${ly + 11}">${esc(r.label)}${r.async ? " (async)" : ""}</text>`);
  });
  out.push("</svg>");
  return out.join("\n") + "\n";
}

export function writeChart(res, svgUrl) {
  writeFileSync(svgUrl, chartSvg(res));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const res = JSON.parse(readFileSync(new URL("results.json", import.meta.url), "utf8"));
  writeChart(res, new URL("chart.svg", import.meta.url));
}
