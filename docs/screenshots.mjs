// Phone screenshots (360×740, Debian's Chromium) of the residents' pages in German and Arabic:
// start page, board, offer, week plan, shortlist. Run against a running app with the demo city:
//   node docs/screenshots.mjs [http://127.0.0.1:3000] [out-dir]
// (Playwright comes from end2end/node_modules; `.ci/install-tools` installs it.)
// The README shows docs/screenshots/board-de.png and board-ar.png.
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "../end2end/package.json"));
const { chromium } = require("@playwright/test");

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const out = process.argv[3] ?? join(here, "screenshots");
const wide = process.env.WIDE === "1";
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const viewport = wide ? { width: 1366, height: 900 } : { width: 360, height: 740 };
for (const lang of ["de", "ar"]) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: wide ? 1 : 2, isMobile: !wide, hasTouch: !wide, locale: lang });
  const page = await context.newPage();
  const shots = {
    start: `/${lang}`,
    board: `/${lang}/welheim`,
    offer: `/${lang}/offers/muettercafe-welheim`,
    week: `/${lang}/welheim/week`,
    shortlist: `/${lang}/list?list=muettercafe-welheim,krabbelcafe-sonnenblume,hausaufgabenhilfe-lindenschule`,
  };
  for (const [name, path] of Object.entries(shots)) {
    await page.goto(base + path, { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready);
    const suffix = wide ? "-wide" : "";
    await page.screenshot({ path: join(out, `${name}-${lang}${suffix}.png`), fullPage: process.env.FULL === "1" });
  }
  await context.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
