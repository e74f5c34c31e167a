import { test, expect, type Page } from "@playwright/test";
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { binary, expectAccessible } from "./helpers";

// Kiosk screens hang in quarter offices: big, landscape or portrait, nobody touching them.
test.use({ viewport: { width: 1920, height: 1080 }, isMobile: false, hasTouch: false });

const hydrated = (page: Page) => expect(page.locator("html[data-hydrated]")).toBeAttached({ timeout: 20_000 });

/** Nothing sticks out of the screen: no scrolling, the QR code and the clock are visible. */
async function expectFits(page: Page) {
  const overflow = await page.evaluate(() => [
    document.documentElement.scrollWidth - window.innerWidth,
    document.documentElement.scrollHeight - window.innerHeight,
  ]);
  expect(overflow, "overflow [x, y]").toEqual([0, 0]);
  await expect(page.locator(".kiosk-qr svg")).toBeInViewport();
  await expect(page.locator(".kiosk-clock")).toBeInViewport();
}

test("rotates pages and languages on its timer, mirrored for Arabic, and has no way out", async ({ page }) => {
  await page.goto("/kiosk/welheim?langs=de,ar&views=today,week&rotate=2");
  await hydrated(page);
  const screen = page.locator(".kiosk");
  await expect(screen).toHaveAttribute("lang", "de");
  await expect(page.locator(".kiosk-now h2")).toHaveText("Jetzt");
  await expect(page.locator(".kiosk-week h2")).toHaveText("Diese Woche", { timeout: 5_000 });
  await expect(screen).toHaveAttribute("lang", "ar", { timeout: 5_000 });
  await expect(screen).toHaveAttribute("dir", "rtl");
  await expect(page.locator(".kiosk-head h1")).not.toBeEmpty();
  // Right-to-left mirrors: the clock sits at the left edge, the quarter's name at the right.
  const [name, clock] = [await page.locator(".kiosk-head h1").boundingBox(), await page.locator(".kiosk-clock").boundingBox()];
  expect(clock!.x).toBeLessThan(name!.x);
  await expectAccessible(page);
  await expect(screen).toHaveAttribute("lang", "de", { timeout: 10_000 });
  expect(await page.locator("a[href], button, input, select, textarea").count(), "controls a passer-by could use").toBe(0);
  await expectFits(page);
});

for (const [width, height, name] of [
  [1080, 1920, "portrait"],
  [1280, 800, "tablet"],
] as const) {
  test(`fits a ${name} screen of ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const view of ["today", "week"]) {
      await page.goto(`/kiosk/welheim?langs=ru&views=${view}`);
      await hydrated(page);
      await expectFits(page);
      await expectAccessible(page);
    }
  });
}

test("outside its hours the screen rests", async ({ page }) => {
  // 23:30 in Berlin.
  await page.clock.install({ time: new Date("2026-11-25T22:30:00Z") });
  await page.goto("/kiosk/welheim?awake=07:00-19:00");
  await hydrated(page);
  await expect(page.locator(".kiosk.quiet .kiosk-quiet")).toHaveText("Das Quartiersbüro ist geschlossen.", { timeout: 5_000 });
  await expectAccessible(page);
});

test("a refresh with unchanged data costs at most 400 bytes on the wire", async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  // The page sees the browser's cached 200; the wire status (304) is in the raw response info.
  const data = new Set<string>();
  const wire = new Map<string, number>();
  const sizes: { status: number; bytes: number }[] = [];
  cdp.on("Network.requestWillBeSent", (e: any) => {
    if (e.request.url.includes("/kiosk/welheim/data")) data.add(e.requestId);
  });
  cdp.on("Network.responseReceivedExtraInfo", (e: any) => wire.set(e.requestId, e.statusCode));
  cdp.on("Network.loadingFinished", (e: any) => {
    if (data.has(e.requestId)) sizes.push({ status: wire.get(e.requestId) ?? 0, bytes: e.encodedDataLength });
  });
  await page.goto("/kiosk/welheim?langs=de,ar&poll=1");
  await hydrated(page);
  await expect.poll(() => sizes.filter((s) => s.status === 304).length, { timeout: 15_000 }).toBeGreaterThan(1);
  const first = sizes.find((s) => s.status === 200);
  const revalidated = sizes.filter((s) => s.status === 304);
  expect(first, "the first refresh brings the data").toBeDefined();
  for (const r of revalidated) expect(r.bytes, "bytes of a 304 refresh").toBeLessThanOrEqual(400);
  console.log(`kiosk data refresh: 200 ${first!.bytes} B, 304 ${revalidated.map((r) => r.bytes).join(", ")} B`);
});

test.describe("time passes right", () => {
  // The device itself is set to another time zone: every time must come from the server's (Berlin).
  test.use({ timezoneId: "America/New_York" });

  test("across midnight, into a new week and across the end of summer time on 25 October 2026", async ({ page }) => {
    // Saturday 24 October 2026, 23:59:30 in Berlin (summer time, UTC+2).
    await page.clock.install({ time: new Date("2026-10-24T21:59:30Z") });
    await page.goto("/kiosk/welheim?views=today&rotate=3600");
    await hydrated(page);
    const day = page.locator(".kiosk-day");
    const clock = page.locator(".kiosk-clock");
    await page.clock.runFor(2_000);
    await expect(day).toHaveText("Samstag 24.10.", { timeout: 10_000 });
    await expect(clock).toHaveText("23:59");
    // Midnight: "today" is Sunday.
    await page.clock.runFor(61_000);
    await expect(clock).toHaveText("00:00");
    await expect(day).toHaveText("Sonntag 25.10.");
    // 02:59 summer time, then one minute later the clocks go back to 02:00 winter time.
    await page.clock.fastForward("02:59:00");
    await page.clock.runFor(1_000);
    await expect(clock).toHaveText("02:59");
    await page.clock.runFor(60_000);
    await expect(clock).toHaveText("02:00");
    await expect(day).toHaveText("Sonntag 25.10.");
    // Monday 26 October, 00:00:30 winter time (UTC+1): a new day and a new week.
    await page.clock.setSystemTime(new Date("2026-10-25T23:00:30Z"));
    await page.clock.runFor(2_000);
    await expect(day).toHaveText("Montag 26.10.", { timeout: 10_000 });
    await expect(clock).toHaveText("00:00");
    await page.goto("/kiosk/welheim?views=week&rotate=3600");
    await hydrated(page);
    await page.clock.runFor(3_000);
    await expect(page.locator(".kiosk-weekday.today h3")).toHaveText("Montag 26.10.", { timeout: 10_000 });
    await expect(page.locator(".kiosk-weekday h3").last()).toHaveText("Sonntag 01.11.");
  });
});

test.describe("when the server goes away", () => {
  let server: ChildProcess | undefined;
  const port = 3187;
  const dataDir = mkdtempSync(path.join(tmpdir(), "qb-kiosk-"));
  const root = path.resolve(__dirname, "../..");
  // A copy of the built site, so a "new version" can be deployed by changing a file.
  const siteDir = mkdtempSync(path.join(tmpdir(), "qb-kiosk-site-"));
  cpSync(path.resolve(root, process.env.LEPTOS_SITE_ROOT ?? "target/site"), siteDir, { recursive: true });

  async function start(seed: boolean) {
    server = spawn(binary(), [], {
      cwd: root,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        SEED_DEMO: seed ? "true" : "false",
        LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
        LEPTOS_SITE_ROOT: siteDir,
        RUST_LOG: "warn",
      },
      stdio: "ignore",
    });
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.status, { timeout: 20_000 })
      .toBe(200);
  }

  async function stop() {
    const s = server!;
    const gone = new Promise((done) => s.once("exit", done));
    s.kill("SIGTERM");
    await gone;
  }

  test.afterAll(() => {
    server?.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(siteDir, { recursive: true, force: true });
  });

  test("keeps the last data, says since when it is offline, and catches up by itself", async ({ page }) => {
    test.setTimeout(120_000);
    await start(true);
    const url = `http://127.0.0.1:${port}/kiosk/welheim?views=week&poll=2`;
    await page.goto(url);
    await hydrated(page);
    const titles = page.locator(".kiosk-week .kiosk-title");
    await expect(titles.filter({ hasText: "Krabbelcafé" }).first()).toBeVisible();
    const offline = page.locator(".kiosk-offline");
    await expect(offline).toHaveCount(0);
    // Let the page keep its files for a start without the server.
    await page.waitForTimeout(1_500);

    await stop();
    await expect(offline).toContainText("Keine Verbindung seit", { timeout: 60_000 });
    await expect(titles.filter({ hasText: "Krabbelcafé" }).first()).toBeVisible();
    // A restart of the screen while the server is away still shows the screen, not an error page.
    await page.reload();
    await expect(page.locator(".kiosk-head h1")).toContainText("Welheim");
    await hydrated(page);
    await expect(offline).toContainText("Keine Verbindung seit", { timeout: 60_000 });

    // Meanwhile somebody changes an offer directly in the database.
    execFileSync("sqlite3", [
      path.join(dataDir, "quartiersboard.db"),
      "UPDATE offer_texts SET title = 'Krabbelcafé – jetzt mit Frühstück' WHERE locale = 'de' AND offer_id = (SELECT id FROM offers WHERE slug = 'krabbelcafe-sonnenblume');",
    ]);
    await page.evaluate(() => ((window as any).__notReloaded = true));
    await start(false);
    await expect(offline).toHaveCount(0, { timeout: 60_000 });
    await expect(titles.filter({ hasText: "Krabbelcafé – jetzt mit Frühstück" }).first()).toBeVisible();
    expect(await page.evaluate(() => (window as any).__notReloaded), "caught up without a reload").toBe(true);

    // A new version is deployed: the screen reloads itself and shows the new version's page.
    await stop();
    appendFileSync(path.join(siteDir, "pkg", "quartiersboard.css"), "\n/* next version */\n");
    await start(false);
    await expect.poll(() => page.evaluate(() => (window as any).__notReloaded ?? "reloaded").catch(() => "navigating"), { timeout: 60_000 }).toBe("reloaded");
    await expect(page.locator(".kiosk-head h1")).toContainText("Welheim");
    await hydrated(page);
    await expect(offline).toHaveCount(0);
  });
});
