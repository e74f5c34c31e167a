// Drags a block across the weekly-plan editor (40 pointer moves over two days and three hours)
// with the CPU throttled 4× and reports the long tasks (> 50 ms) seen between pointer down and up.
import { chromium } from "../end2end/node_modules/playwright-core/index.mjs";

const base = process.argv[2];
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: "de-DE" });
await page.goto(`${base}/de/staff/sign-in`);
await page.fill("#email", "bench@example.de");
await page.fill("#password", "Kaffee mit Milch 7");
await page.click("button[type=submit]");
await page.waitForURL(/\/de\/staff$/);
await page.goto(`${base}/de/staff/plan?quarter=bench`);
await page.waitForSelector(".plan-editor[data-ready='1']", { timeout: 60000 });
const blocks = await page.locator(".plan-block").count();
const cdp = await page.context().newCDPSession(page);
await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: "longtask", buffered: false });
});
const handle = page.locator(".plan-block:not(.locked) .plan-move").first();
const box = await handle.boundingBox();
const grid = await page.locator(".plan-grid").boundingBox();
await page.mouse.move(box.x + 5, box.y + 3);
const t0 = await page.evaluate(() => performance.now());
await page.mouse.down();
for (let i = 1; i <= 40; i++) {
  await page.mouse.move(box.x + 5 + (grid.width / 4) * (i / 40), box.y + 3 + 150 * Math.sin(i / 6));
}
const t1 = await page.evaluate(() => performance.now());
await page.mouse.up();
await page.waitForTimeout(500);
const long = await page.evaluate(([a, b]) => window.__long.filter((l) => l.start >= a && l.start <= b), [t0, t1]);
const max = long.reduce((m, l) => Math.max(m, l.duration), 0);
console.log(JSON.stringify({ blocks, throttle: 4, moves: 40, drag_ms: Math.round(t1 - t0), long_tasks: long.length, max_long_task_ms: Math.round(max) }));
await browser.close();
