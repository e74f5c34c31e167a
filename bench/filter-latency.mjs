// Issue #4's interaction budget: applying a filter after hydration on a 500-offer board with
// Chromium's CPU throttled 4×, p95 ≤ 50 ms. Each sample is the time from a click on a weekday
// chip to the next frame after the board updated (handler, DOM changes, style and layout).
// Usage: node bench/filter-latency.mjs http://127.0.0.1:PORT/de/bench [samples]
import { createRequire } from "node:module";
const require = createRequire(new URL("../end2end/package.json", import.meta.url));
const { chromium } = require("playwright-core");

const url = process.argv[2];
const samples = Number(process.argv[3] ?? 40);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: "de-DE" });
await page.goto(url);
await page.waitForSelector("form.filter-form[data-live='1']");
const cdp = await page.context().newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
const times = await page.evaluate(async (n) => {
  const boxes = [...document.querySelectorAll(".days input[type=checkbox]")];
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const out = [];
  for (let i = 0; i < n; i++) {
    await frame();
    const t0 = performance.now();
    boxes[i % boxes.length].click();
    await frame();
    out.push(performance.now() - t0);
  }
  return out;
}, samples);
await browser.close();
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
const shown = { samples: times.length, p50_ms: +q(0.5).toFixed(1), p95_ms: +q(0.95).toFixed(1), max_ms: +times.at(-1).toFixed(1), budget_p95_ms: 50 };
console.log(JSON.stringify(shown));
