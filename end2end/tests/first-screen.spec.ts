import { test, expect, type Page } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { expectAccessible, waitForHydration, watchConsole } from "./helpers";
import { staffContext, ADMIN } from "./staff-helpers";

/** Issue #33: what a resident sees first on a 360×740 phone, coming from a flyer's QR code. */

const LOCALES = ["de", "ar", "fa", "ru"];

/** The top and bottom of the board's first cards, once the shipped fonts are in. */
async function cardBoxes(page: Page) {
  await page.evaluate(() => document.fonts.ready);
  return page.locator("ul.offers > li.offer").evaluateAll((cards) =>
    cards.slice(0, 3).map((c) => {
      const r = c.getBoundingClientRect();
      return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, height: r.height };
    }),
  );
}

/** Everything a finger can tap that is smaller than 44×44 CSS pixels (WCAG 2.5.5): links,
 * buttons, summaries, fields and chips on show. A card's title link stands for the whole card,
 * a ticked box for its chip. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && !e.closest(".visually-hidden, [hidden], details:not([open]) > :not(summary)");
    };
    const small: string[] = [];
    for (const e of document.querySelectorAll("a[href], button, summary, input:not([type=hidden]), select, textarea")) {
      if (!visible(e) || e.closest(".skip-link") || e.classList.contains("skip-link")) continue;
      let target: Element = e;
      if (e.matches(".offer-title a")) target = e.closest("article")!;
      if (e.matches("input[type=checkbox]") && e.closest(".chip")) target = e.closest(".chip")!;
      if (e.matches("input[type=checkbox]") && e.closest("label")) target = e.closest("label")!;
      const r = target.getBoundingClientRect();
      if (r.width < 43.5 || r.height < 43.5) small.push(`${e.outerHTML.slice(0, 90)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return small;
  });
}

for (const js of [true, false]) {
  test.describe(`first screen, JavaScript ${js ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled: js });
    for (const locale of LOCALES) {
      test(`${locale}: two whole offer cards on the first screen, one language control, 44 px targets`, async ({ page }) => {
        await page.goto(`/${locale}/welheim`);
        if (js) await waitForHydration(page);
        const [first, second] = await cardBoxes(page);
        expect(first.top, "the first card starts on the first screen").toBeLessThan(740);
        expect(second.bottom, "the second card ends on the first screen").toBeLessThanOrEqual(740);
        expect(first.height).toBeLessThan(200);
        // One language control: a menu, closed; its links appear when it opens.
        await expect(page.locator("header details.lang-menu")).toHaveCount(1);
        await expect(page.locator("header .languages a").first()).toBeHidden();
        await page.locator("header details.lang-menu summary").click();
        await expect(page.locator("header .languages a")).toHaveCount(7);
        await expect(page.locator("header .languages a").first()).toBeVisible();
        await page.locator("header details.lang-menu summary").click();
        expect(await smallTargets(page), "targets under 44×44 px").toEqual([]);
        // The ways to widen an empty result are full targets too.
        await page.goto(`/${locale}/welheim?q=xylophonorchester`);
        await expect(page.locator(".empty .widen a").first()).toBeVisible();
        expect(await smallTargets(page), "targets under 44×44 px with nothing found").toEqual([]);
        // axe runs in the page: with JavaScript on.
        if (js && (locale === "de" || locale === "ar")) await expectAccessible(page);
      });
    }
  });
}

test("the result count stays in view after each tap, and leads to the results", async ({ page }) => {
  await page.goto("/de/welheim");
  await waitForHydration(page);
  await page.getByText("Mehr Filter").click();
  await page.getByLabel("nur kostenlose").check();
  const bar = page.locator(".result-bar");
  await expect(bar).toBeInViewport();
  const count = page.locator(".match-count");
  await expect(count).toHaveText(/passende Angebot/);
  // The live filter needs no button.
  await expect(page.getByRole("button", { name: "Anzeigen" })).toBeHidden();
  await bar.locator(".to-results").click();
  await expect(page).toHaveURL(/#offers$/);
  await expect(page.locator("ul.offers > li.offer").first()).toBeInViewport();
  expect(await page.locator("ul#offers").evaluate((ul) => ul.getBoundingClientRect().top)).toBeLessThan(60);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the filter lands at the results with a clean address", async ({ page }) => {
    await page.goto("/de/welheim");
    await page.getByText("Mi", { exact: true }).click();
    await page.getByRole("button", { name: "Anzeigen" }).click();
    await expect(page).toHaveURL(/\/de\/welheim\?day=3#offers$/);
    // Scrolled to the results: the list starts at the top of the screen.
    const top = await page.locator("ul#offers").evaluate((ul) => ul.getBoundingClientRect().top);
    expect(top).toBeLessThan(60);
  });

  test("Merken reloads the board at the same card", async ({ page }) => {
    await page.goto("/de/welheim");
    const card = page.locator("ul.offers > li.offer").nth(3);
    const slug = await card.getAttribute("data-slug");
    await card.locator("a.save").click();
    await expect(page).toHaveURL(new RegExp(`list=${slug}#o-${slug}$`));
    const saved = page.locator(`li.offer[data-slug="${slug}"]`);
    await expect(saved).toBeInViewport();
    await expect(saved.locator("a.save")).toHaveAttribute("aria-current", "true");
    await expect(page.locator(".shortlist-link .shortlist-count")).toHaveText("1");
  });
});

test("Merken toggles in place: no page load, the place and the list in the address", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/de/welheim");
  await waitForHydration(page);
  await page.evaluate(() => ((window as any).samePage = true));
  const card = page.locator("ul.offers > li.offer").nth(2);
  const slug = (await card.getAttribute("data-slug"))!;
  await card.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  const save = card.locator("a.save");
  await save.click();
  await expect(page).toHaveURL(new RegExp(`\\?list=${slug}$`));
  await expect(save).toHaveAttribute("aria-current", "true");
  await expect(save).toContainText("Gemerkt");
  await expect(page.locator(".shortlist-link")).toBeVisible();
  await expect(page.locator(".shortlist-link .shortlist-count")).toHaveText("1");
  expect(await page.evaluate(() => (window as any).samePage), "no page load").toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
  // Another card's save link adds to the list.
  const other = page.locator("ul.offers > li.offer").nth(0);
  const otherSlug = (await other.getAttribute("data-slug"))!;
  await other.locator("a.save").click();
  await expect(page).toHaveURL(new RegExp(`\\?list=${slug},${otherSlug}$`));
  await expect(page.locator(".shortlist-link .shortlist-count")).toHaveText("2");
  // Filtering keeps the list.
  await page.getByText("Mi", { exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`\\?day=3&list=${slug},${otherSlug}$`));
  await page.getByText("Mi", { exact: true }).click();
  await save.click();
  await expect(page).toHaveURL(new RegExp(`\\?list=${otherSlug}$`));
  await expect(save).not.toHaveAttribute("aria-current", "true");
  // A card's link to its offer carries the list as it is now.
  await card.locator(".offer-title a").click();
  await expect(page).toHaveURL(new RegExp(`/de/offers/${slug}\\?list=${otherSlug}$`));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`\\?list=${otherSlug}$`));
  await page.locator(".shortlist-link").click();
  await expect(page).toHaveURL(new RegExp(`/de/list\\?list=${otherSlug}$`));
  await expect(page.locator(".shortlist-item")).toHaveCount(1);
  console.check();
});

test("the offer page has a back link at the top and Merken", async ({ page }) => {
  await page.goto("/de/offers/muettercafe-welheim");
  const back = page.locator("main .back-link");
  await expect(back).toBeInViewport();
  await expect(back).toHaveAttribute("href", "/de/welheim#o-muettercafe-welheim");
  await page.locator(".offer-actions a.save").click();
  await expect(page).toHaveURL(/\/de\/offers\/muettercafe-welheim\?list=muettercafe-welheim$/);
  await expect(page.locator(".offer-actions a.save")).toHaveAttribute("aria-current", "true");
  await expect(back).toHaveAttribute("href", "/de/welheim?list=muettercafe-welheim#o-muettercafe-welheim");
  await page.locator(".offer-actions .shortlist-link").click();
  await expect(page.locator(".shortlist-item")).toHaveCount(1);
  await expectAccessible(page);
});

test("the shortlist prints cleanly: quarter, office, date, no share or print button", async ({ page }) => {
  await page.goto("/de/list?list=muettercafe-welheim,krabbelcafe-sonnenblume");
  await expect(page.getByRole("button", { name: "Drucken" })).toBeVisible();
  await expect(page.locator(".shortlist-office")).toContainText("Quartiersbüro Welheim");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Drucken" })).toBeHidden();
  await expect(page.locator(".share-actions")).toHaveCount(0);
  await expect(page.locator("h1")).toContainText("Welheim");
  await expect(page.locator(".print-only")).toContainText("Stand:");
  await expect(page.locator(".shortlist-office")).toBeVisible();
  await expect(page.locator(".site-header")).toBeHidden();
});

test("the week plan marks today and speaks its week in words", async ({ page }) => {
  await page.goto("/de/welheim/week");
  await expect(page.locator(".day.today .today-mark")).toHaveText("Heute");
  await expect(page.locator(".week-range")).not.toContainText("-W");
  await expect(page.locator(".week-range")).toContainText(/\d+\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)/);
});

test("printed short links never dead-end: any case, gone quarters and offers", async ({ page }) => {
  await page.goto("/q/WELHEIM/AR");
  await expect(page).toHaveURL(/\/ar\/welheim$/);
  await page.goto("/o/Muettercafe-Welheim/de");
  await expect(page).toHaveURL(/\/de\/offers\/muettercafe-welheim$/);
  const gone = await page.goto("/q/atlantis/fa");
  expect(gone?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "fa");
  await expect(page.getByRole("heading", { level: 1 })).not.toBeEmpty();
  await expect(page.locator('main a[href="/fa/welheim"]')).toBeVisible();
  const offer = await page.goto("/o/gibt-es-nicht/ru");
  expect(offer?.status()).toBe(404);
  await expect(page.locator('main a[href="/ru/altstadt"]')).toBeVisible();
});

test("fonts come from the app, only for the scripts a page uses; nothing from elsewhere", async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto("/de/welheim");
  await page.evaluate(() => document.fonts.ready);
  const fonts = () => requests.filter((u) => u.includes("/assets/fonts/"));
  expect(fonts().some((u) => u.includes("noto-sans-5.3.0-latin-400"))).toBe(true);
  expect(fonts().some((u) => u.includes("arabic")), "no Arabic font on a German page").toBe(false);
  requests.length = 0;
  await page.goto("/fa/welheim");
  await page.evaluate(() => document.fonts.ready);
  expect(fonts().some((u) => u.includes("noto-sans-arabic-5.3.0-arabic-400"))).toBe(true);
  expect(fonts().some((u) => u.includes("cyrillic")), "no Cyrillic font on a Farsi page").toBe(false);
  const origin = new URL(baseURL!).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:"))).toEqual([]);
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain("Noto Sans");
});

test("an administrator gives the pages the city's look; a faint colour is refused by name", async ({ browser }, testInfo) => {
  const [context, page] = await staffContext(browser, ADMIN);
  await page.goto("/de/staff/identity");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Erscheinungsbild der öffentlichen Seiten");
  await expectAccessible(page);
  const accent = page.getByLabel("Akzentfarbe");
  await accent.fill("#ffee00");
  await page.getByRole("button", { name: "Speichern" }).click();
  const summary = page.locator("#form-issues");
  await expect(summary).toContainText("Akzentfarbe: zu hell");
  await summary.getByRole("link").click();
  await expect(page).toHaveURL(/#[a-z_-]*accent$/);
  await expect(accent).toBeInViewport();
  await expect(accent).toHaveValue("#ffee00");
  await accent.fill("#7a1f5c");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.locator(".notice.ok")).toBeVisible();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect width="200" height="100" fill="#7a1f5c"/><circle cx="50" cy="50" r="30" fill="#fff"/></svg>`;
  const file = testInfo.outputPath("logo.svg");
  writeFileSync(file, svg);
  const logoForm = page.locator("form:has(input[name=role][value=logo])");
  await logoForm.getByLabel("Datei (SVG, PNG oder JPEG)").setInputFiles(file);
  // Without a description the server refuses the upload, saying which field (the browser's own
  // check of the required field is taken away to reach it).
  await logoForm.locator("input[name=alt]").evaluate((e) => e.removeAttribute("required"));
  await logoForm.getByRole("button", { name: "Logo hochladen" }).click();
  await expect(page.locator(".notice.problem")).toContainText("Was das Logo zeigt");
  await logoForm.getByLabel("Datei (SVG, PNG oder JPEG)").setInputFiles(file);
  await logoForm.getByLabel("Was das Logo zeigt (für Screenreader)").fill("Teststadt");
  await logoForm.getByRole("button", { name: "Logo hochladen" }).click();
  await expect(page.locator(".notice.ok")).toContainText("Das Logo ist gespeichert");

  const resident = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
  await resident.goto("/de/welheim");
  await expect(resident.locator("html")).toHaveAttribute("style", /--accent: #7a1f5c/);
  const logo = resident.locator(".site-header .brand img");
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalHeight)).toBe(96);
  await expect(resident.locator(".funding .eu img")).toBeVisible();
  await expect(resident.locator(".funding .eu")).toContainText("Kofinanziert von der Europäischen Union");
  await resident.goto("/ar/welheim");
  await expect(resident.locator(".funding .eu")).toContainText("بتمويل مشترك من الاتحاد الأوروبي");
  await resident.close();

  // Back to the demo's look for the other tests.
  await page.goto("/de/staff/identity");
  await page.getByLabel("Akzentfarbe").fill("");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.locator(".notice.ok")).toBeVisible();
  await context.close();
});

test("reading the board loads no code for search or Merken; the first search fetches it, and works", async ({ page }) => {
  const wasm: string[] = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(new URL(r.url()).pathname.split("/").pop()!));
  await page.goto("/de/welheim");
  await waitForHydration(page);
  await page.getByText("Mi", { exact: true }).click();
  await expect(page).toHaveURL(/day=3/);
  expect(wasm.filter((w) => w.startsWith("split_") || w.startsWith("chunk_")), "lazy code on a read board").toEqual([]);
  await page.getByText("Mi", { exact: true }).click();
  await expect(page).toHaveURL(/\/de\/welheim$/);
  await page.getByText("Mehr Filter").click();
  await page.getByLabel("Suchwort").fill("Mütter");
  await page.getByLabel("Suchwort").press("Enter");
  await expect(page.locator('li.offer[data-slug="muettercafe-welheim"]')).toBeVisible();
  expect(wasm.some((w) => w.startsWith("split_ask_server"))).toBe(true);
  await page.locator('li.offer[data-slug="muettercafe-welheim"] a.save').click();
  await expect(page).toHaveURL(/list=muettercafe-welheim/);
  expect(wasm.some((w) => w.startsWith("split_toggle"))).toBe(true);
});
