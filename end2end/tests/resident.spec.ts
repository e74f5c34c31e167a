import { test, expect } from "@playwright/test";
import { cardCount, expectAccessible, shownSlugs, waitForHydration, watchConsole } from "./helpers";

test("a resident picks a quarter, then an offer", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wählen Sie Ihr Quartier");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expectAccessible(page);

  await page.getByRole("link", { name: /^Welheim/ }).click();
  await expect(page).toHaveURL(/\/de\/welheim$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welheim");
  const offers = page.locator("li.offer");
  expect(await offers.count()).toBeGreaterThan(9);
  await waitForHydration(page);
  await expectAccessible(page);

  const first = offers.first().locator("h3 a");
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/de\/offers\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("heading", { name: "Wo" })).toBeVisible();
  await expectAccessible(page);
  console.check();
});

test("filters apply at once, live in the URL, survive reload and the back button", async ({ page, browser }) => {
  const console = watchConsole(page);
  await page.goto("/de/welheim");
  await waitForHydration(page);
  const all = (await shownSlugs(page)).length;

  await page.getByText("Mi", { exact: true }).click();
  await expect(page).toHaveURL(/\/de\/welheim\?day=3$/);
  const wednesday = await shownSlugs(page);
  expect(wednesday.length).toBeGreaterThan(0);
  expect(wednesday.length).toBeLessThan(all);
  await expect(page.locator(".match-count")).toHaveText(new RegExp(`^${wednesday.length} passende`));

  await page.getByLabel("Alter des Kindes (Jahre)").fill("7");
  await expect(page).toHaveURL(/\?age=7&day=3$/);
  const age7wed = await shownSlugs(page);

  // Back and forward within the page: the board and the form follow the address.
  await page.goBack();
  await expect(page).toHaveURL(/\?day=3$/);
  await expect(page.getByLabel("Alter des Kindes (Jahre)")).toHaveValue("");
  await expect(page.getByRole("checkbox", { name: "Mi", exact: true })).toBeChecked();
  expect(await shownSlugs(page)).toEqual(wednesday);
  await page.goForward();
  await expect(page).toHaveURL(/\?age=7&day=3$/);
  await expect(page.getByLabel("Alter des Kindes (Jahre)")).toHaveValue("7");
  expect(await shownSlugs(page)).toEqual(age7wed);

  // The same URL rendered by the server without JavaScript gives the same offers.
  const noJs = await browser.newContext({ javaScriptEnabled: false, locale: "de-DE", viewport: { width: 360, height: 740 } });
  const plain = await noJs.newPage();
  await plain.goto("/de/welheim?age=7&day=3");
  expect(await shownSlugs(plain)).toEqual(age7wed);
  await noJs.close();

  await page.reload();
  await waitForHydration(page);
  expect(await shownSlugs(page)).toEqual(age7wed);
  await expect(page.getByLabel("Alter des Kindes (Jahre)")).toHaveValue("7");

  await page.goBack();
  await expect(page).toHaveURL(/\?day=3$/);
  expect(await shownSlugs(page)).toEqual(wednesday);
  await expect(page.getByLabel("Alter des Kindes (Jahre)")).toHaveValue("");
  await expectAccessible(page);
  console.check();
});

test("every filter control gives what the server gives for the same address", async ({ page, browser }) => {
  const console = watchConsole(page);
  await page.goto("/de/welheim");
  await waitForHydration(page);
  const noJs = await browser.newContext({ javaScriptEnabled: false, locale: "de-DE", viewport: { width: 360, height: 740 } });
  const plain = await noJs.newPage();
  const sameAsServer = async (url: RegExp) => {
    await expect(page).toHaveURL(url);
    await plain.goto(page.url());
    expect(await shownSlugs(page)).toEqual(await shownSlugs(plain));
    await expect(page.locator(".match-count")).toHaveText((await plain.locator(".match-count").textContent())!);
  };
  await page.getByText("Mehr Filter").click();
  const today = page.getByRole("link", { name: "Heute", exact: true });
  await today.click();
  await expect(today).toHaveAttribute("aria-current", "true");
  await sameAsServer(/\?quick=today$/);
  await today.click();
  await expect(today).not.toHaveAttribute("aria-current", "true");
  await expect(page).toHaveURL(/\/de\/welheim$/);
  await page.getByLabel("oder Altersgruppe").selectOption("6-10");
  await sameAsServer(/band=6-10/);
  await page.getByLabel("Tageszeit").selectOption({ label: "nachmittags" });
  await sameAsServer(/time=/);
  await page.getByLabel("nur kostenlose").check();
  await sameAsServer(/free=1/);
  await page.getByLabel("Tageszeit").selectOption("");
  await page.getByLabel("oder Altersgruppe").selectOption("");
  await sameAsServer(/\?free=1$/);
  await noJs.close();
  console.check();
});

test("text search finds a word of the description, typed with or without umlauts", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/de/welheim");
  await waitForHydration(page);
  await page.getByText("Mehr Filter").click();
  for (const word of ["Mütter", "Mutter"]) {
    await page.getByLabel("Suchwort").fill(word);
    await page.getByLabel("Suchwort").press("Enter");
    await expect(page.locator('li.offer[data-slug="muettercafe-welheim"]')).toBeVisible();
    await expect(page).toHaveURL(/\?q=M/);
  }
  // German typed without ß and umlauts, as on a phone keyboard without them.
  for (const [word, slug] of [["Fussball", "kinderfussball-tv-welheim"], ["Gespraech", "krabbelcafe-sonnenblume"]]) {
    await page.getByLabel("Suchwort").fill(word);
    await page.getByLabel("Suchwort").press("Enter");
    await expect(page).toHaveURL(new RegExp(`\\?q=${word}`));
    await expect(page.locator(`li.offer[data-slug="${slug}"]`)).toBeVisible();
  }
  console.check();
});

test("an empty result says so and offers to widen the filter", async ({ page }) => {
  await page.goto("/de/welheim?q=xylophonorchester");
  await waitForHydration(page);
  await expect(page.getByText("Leider passt kein Angebot zu dieser Suche.")).toBeVisible();
  await page.getByRole("link", { name: "ohne Suchwort" }).click();
  expect((await shownSlugs(page)).length).toBeGreaterThan(5);
});

test("the widening offers also come when the board empties in place", async ({ page }) => {
  await page.goto("/de/welheim");
  await waitForHydration(page);
  await expect(page.getByText("Leider passt kein Angebot zu dieser Suche.")).toBeHidden();
  await page.getByText("Mehr Filter").click();
  await page.getByLabel("Suchwort").fill("xylophonorchester");
  await page.getByLabel("Suchwort").press("Enter");
  await expect(page.getByText("Leider passt kein Angebot zu dieser Suche.")).toBeVisible();
  await expect(page).toHaveURL(/q=xylophonorchester/);
  await page.getByRole("link", { name: "ohne Suchwort" }).click();
  await expect(page.getByText("Leider passt kein Angebot zu dieser Suche.")).toBeHidden();
  expect((await shownSlugs(page)).length).toBeGreaterThan(5);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the board still lists every offer, and the filter form works", async ({ page }) => {
    await page.goto("/de/welheim");
    const offers = page.locator("ul.offers > li.offer");
    expect(await offers.count()).toBeGreaterThan(9);
    await expect(offers.first()).toBeVisible();
    await page.getByText("Mi", { exact: true }).click();
    await page.getByLabel("Alter des Kindes (Jahre)").fill("7");
    await page.getByRole("button", { name: "Anzeigen" }).click();
    // Only the fields filled in, and the results in view.
    await expect(page).toHaveURL(/\/de\/welheim\?age=7&day=3#offers$/);
    await expect(page).toHaveURL(/day=3/);
    const shown = await shownSlugs(page);
    expect(shown.length).toBeLessThan(await cardCount(page));
  });
});

test("an unknown quarter is a 404 page with the real quarters", async ({ page }) => {
  const response = await page.goto("/de/atlantis");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seite nicht gefunden");
  await page.getByRole("link", { name: "Altstadt" }).click();
  await expect(page).toHaveURL(/\/de\/altstadt$/);
});

test("switching to English keeps the page", async ({ page }) => {
  await page.goto("/de/welheim");
  await page.locator("details.lang-menu summary").click();
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/welheim$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Activities", exact: true })).toBeVisible();
});

test("the monthly café reads 'first Wednesday' with the right grammatical gender in Russian and Ukrainian", async ({ page }) => {
  for (const [lang, words] of [["ru", "1-я среда"], ["uk", "1-а середа"], ["de", "jeden 1. Mittwoch im Monat"]]) {
    await page.goto(`/${lang}/offers/muettercafe-welheim`);
    await expect(page.locator("main")).toContainText(words);
  }
});

test("a card at a place in the next quarter names that quarter, on the board and on the shortlist", async ({ page }) => {
  for (const [lang, quarter] of [["de", "Batenbrock-Süd"], ["ar", "باتنبروك-زود"]]) {
    await page.goto(`/${lang}/welheim`);
    // The play bus serves Welheim but stops on Batenbrock's meadow.
    const bus = page.locator('li.offer[data-slug="spielbus-batenbrocker-wiese"]');
    await expect(bus.locator(".place-quarter")).toHaveText(quarter);
    await expect(bus.locator(".place-quarter")).toBeVisible();
    // Places in Welheim itself don't repeat the quarter.
    await expect(page.locator('li.offer[data-slug="muettercafe-welheim"] .place-quarter')).toHaveCount(0);
    await expectAccessible(page);
  }
  await page.goto("/de/list?list=spielbus-batenbrocker-wiese,deutschkurs-muetter-altstadt");
  const items = page.locator("li.shortlist-item .item-quarters");
  await expect(items).toHaveText(["Batenbrock-Süd, Welheim", "Altstadt"]);
  await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
    "content",
    /\/qr\/list\/de\.png\?list=spielbus-batenbrocker-wiese,deutschkurs-muetter-altstadt$/,
  );
  await page.goto("/ar/welheim/network");
  const preview = await page.locator('meta[property="og:image"]').getAttribute("content");
  expect(preview).toMatch(/\/qr\/q\/welheim\/network\/ar\.png$/);
  expect((await page.request.get(new URL(preview!).pathname)).status()).toBe(200);
});
