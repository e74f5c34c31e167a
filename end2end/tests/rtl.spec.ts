import { test, expect, type Page } from "@playwright/test";
import { expectAccessible, waitForHydration } from "./helpers";

/** Fails when the page scrolls sideways or a card's text overflows it. */
async function expectNoOverflow(page: Page) {
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(sideways, "horizontal scroll in px").toBeLessThanOrEqual(0);
  // Text for screen readers only is clipped on purpose.
  const overflowing = await page.$$eval("article, .day, .office, dd, h1, h2, h3, li", (els) =>
    els.filter((el) => !el.closest(".visually-hidden") && el.scrollWidth > el.clientWidth + 1).map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(overflowing, "elements whose text overflows").toEqual([]);
}

async function nextWeekPath(page: Page, locale: string) {
  await page.goto(`/${locale}/welheim/week`);
  return page.locator('.week-nav a[rel="next"]').getAttribute("href");
}

for (const locale of ["ar", "fa"]) {
  test(`board, week plan and offer page in ${locale} are right-to-left`, async ({ page }, testInfo) => {
    await page.goto(`/${locale}/welheim`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await waitForHydration(page);
    // The first filter control sits at the right edge of the screen.
    const first = await page.locator(".days .chip").first().boundingBox();
    const viewport = page.viewportSize()!;
    expect(first!.x + first!.width).toBeGreaterThan(viewport.width - 40);
    expect(first!.x).toBeGreaterThan(viewport.width / 2);
    await expectNoOverflow(page);
    await expectAccessible(page);
    await testInfo.attach(`board-${locale}`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

    const week = await nextWeekPath(page, locale);
    await page.goto(week!);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator(".week-days:not(.typical) li.entry.cancelled").first()).toBeVisible();
    await expectNoOverflow(page);
    await expectAccessible(page);
    await testInfo.attach(`week-${locale}`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

    await page.goto(`/${locale}/offers/muettercafe-welheim`);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expectNoOverflow(page);
    await expectAccessible(page);
    await testInfo.attach(`offer-${locale}`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  });
}

test("the German board is the mirror image: first filter control at the left edge", async ({ page }) => {
  await page.goto("/de/welheim");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  await waitForHydration(page);
  const first = await page.locator(".days .chip").first().boundingBox();
  expect(first!.x).toBeLessThan(40);
  await expectNoOverflow(page);
});

test("content without a translation shows German with a note, never an empty field", async ({ page }) => {
  await page.goto("/ru/welheim");
  const cards = page.locator("li.offer");
  const count = await cards.count();
  for (let i = 0; i < count; i++) {
    await expect(cards.nth(i).locator("h3 a")).not.toHaveText("");
  }
  // The Babymassage has no Russian text: German title, marked.
  const german = page.locator('li.offer:has(h3 a[lang="de"])').first();
  await expect(german.locator(".untranslated")).toHaveText("только на немецком");
  // Translated offers carry no note.
  const translated = page.locator('li.offer:has(h3 a[lang="ru"])').first();
  await expect(translated.locator(".untranslated")).toHaveCount(0);
});

test("choosing a language is remembered, and only then", async ({ page, context }) => {
  await page.goto("/");
  expect(await context.cookies()).toEqual([]);
  await page.goto("/de/welheim");
  await page.locator("details.lang-menu summary").click();
  await page.getByRole("link", { name: "Українська" }).click();
  await expect(page).toHaveURL(/\/uk\/welheim$/);
  const cookies = await context.cookies();
  expect(cookies.map((c) => `${c.name}=${c.value}`)).toEqual(["qb_lang=uk"]);
  await page.goto("/");
  await expect(page).toHaveURL(/\/uk$/);
});

test("the start page speaks the language the phone asks for most strongly", async ({ browser }) => {
  // Listed first but weighted low: Russian must not win over Arabic.
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  // Chromium sends its own Accept-Language (from the locale); this phone's is put in its place.
  await context.route("**/*", (route) =>
    route.continue({ headers: { ...route.request().headers(), "accept-language": "ru;q=0.2, fr, ar;q=0.9" } }),
  );
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("link", { name: /^فيلهايم/ })).toHaveAttribute("href", "/ar/welheim");
  expect(await context.cookies()).toEqual([]);
  // A shared start page previews with its own code.
  const image = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(image).toMatch(/\/qr\/start\/ar\.png$/);
  const png = await page.request.get(new URL(image!).pathname);
  expect(png.headers()["content-type"]).toBe("image/png");
  await expectAccessible(page);
  await context.close();
});

test("an unknown locale in the URL redirects to the negotiated one", async ({ page }) => {
  const response = await page.goto("/xx/welheim");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/de\/welheim$/);
});
