// The chart in BENCHMARKS.md: time per delivery relative to the baseline,
// one group of bars per body size, log scale (the ratios span orders of
// magnitude). Plain SVG, no dependencies.
// `node js-tests/bench/chart.mjs` re-draws chart.svg from results.json.

import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

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
};

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

export function chartSvg(res) {
  const rows = res.rows.filter((r) => r.group === "contender");
  const labels = res.bodies.map((b) => b.label);
  const ratio = (id, l) => res.timings[id][l].median / res.timings[res.baseline][l].median;
  const values = rows.flatMap((r) => labels.map((l) => ratio(r.id, l)));
  const lo = Math.floor(Math.log10(Math.min(...values, 1)));
  const hi = Math.ceil(Math.log10(Math.max(...values, 1)));

  const legendH = 20 * rows.length + 8;
  const W = 980, H = 470 + legendH, left = 64, right = 16, top = 48, bottom = 40 + legendH;
  const plotW = W - left - right, plotH = H - top - bottom;
  const y = (v) => top + plotH * (1 - (Math.log10(v) - lo) / (hi - lo));
  const groupW = plotW / labels.length, barW = (groupW * 0.84) / rows.length;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  out.push(`<text x="${left}" y="22" font-size="15" font-weight="600">Time per delivery ÷ node:crypto HMAC + JSON.parse (log scale; lower is faster)</text>`);
  out.push(`<text x="${left}" y="39" fill="#555">median of ${res.config.rounds} interleaved rounds · Node ${res.machine.node} · ${esc(res.machine.cpuModel)} · ${res.date.slice(0, 10)}</text>`);

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

  labels.forEach((l, g) => {
    const x0 = left + g * groupW + groupW * 0.08;
    rows.forEach((r, i) => {
      const v = ratio(r.id, l);
      const [ya, yb] = [y(Math.max(v, 1)), y(Math.min(v, 1))]; // bars grow from the 1× line
      out.push(
        `<rect x="${(x0 + i * barW).toFixed(1)}" y="${ya.toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${Math.max(yb - ya, 1).toFixed(1)}" fill="${COLOURS[r.id] ?? "#888"}"><title>${esc(r.label)}, ${l}: ${v.toFixed(2)}×</title></rect>`,
      );
    });
    out.push(`<text x="${(left + g * groupW + groupW / 2).toFixed(1)}" y="${top + plotH + 18}" text-anchor="middle" font-weight="600">${l}</text>`);
  });

  rows.forEach((r, i) => {
    const lx = left, ly = top + plotH + 36 + i * 20;
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
