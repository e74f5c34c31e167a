import { test, expect } from "@playwright/test";
import { cardCount, expectAccessible, LARGE_QUARTER, listedSlugs, shownSlugs, waitForHydration, watchConsole } from "./helpers";

// A board shows the first 50 matching offers; "show all" brings the rest (domain::filter::shown).
const FIRST_SHOWN = 50;
const SHOW_ALL = "Alle passenden Angebote zeigen";

test("a large board shows the first 50 matches, and all of them on request", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(`/de/${LARGE_QUARTER}`);
  await waitForHydration(page);
  const total = await cardCount(page);
  expect(total).toBeGreaterThan(FIRST_SHOWN);
  const firstShown = await listedSlugs(page);
  expect(firstShown.length).toBe(FIRST_SHOWN);
  await expect(page.locator(".match-count")).toHaveText(new RegExp(`^${total} passende`));
  await expectAccessible(page);

  // Cards the filter takes out and brings back return to their place: a weekday on and off again
  // gives the same first 50 in the same order, and the cards shown meanwhile keep the board's order.
  await page.getByText("Mi", { exact: true }).click();
  await expect(page).toHaveURL(/\?day=3$/);
  const wednesdayFirst = await listedSlugs(page);
  expect(wednesdayFirst.length).toBeGreaterThan(0);
  await page.getByText("Mi", { exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/de/${LARGE_QUARTER}$`));
  expect(await listedSlugs(page)).toEqual(firstShown);

  // By keyboard: the link, then Enter; the focus goes on to the first card that came into view.
  const showAll = page.getByRole("link", { name: SHOW_ALL });
  await showAll.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/de/${LARGE_QUARTER}\\?all=1$`));
  await expect(page.locator("ul.offers > li.offer")).toHaveCount(total);
  await expect(page.locator("ul.offers > li.offer h3 a").nth(FIRST_SHOWN)).toBeFocused();
  await expect(showAll).toBeHidden();
  const board = await listedSlugs(page);
  expect(board.slice(0, FIRST_SHOWN)).toEqual(firstShown);
  // The Wednesday cards seen before came in the board's order.
  const position = new Map(board.map((slug, i) => [slug, i]));
  const places = wednesdayFirst.map((slug) => position.get(slug)!);
  expect(places).toEqual([...places].sort((a, b) => a - b));

  // Filtering keeps "all": every match is shown, however many.
  await page.getByText("Mi", { exact: true }).click();
  await expect(page).toHaveURL(/\?day=3&all=1$/);
  const wednesday = (await shownSlugs(page)).length;
  expect(wednesday).toBeGreaterThan(0);
  await expect(page.locator(".match-count")).toHaveText(new RegExp(`^${wednesday} passende`));
  // …and taking the weekday off again shows every offer, not the first 50.
  await page.getByText("Mi", { exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/de/${LARGE_QUARTER}\\?all=1$`));
  await expect(page.locator("ul.offers > li.offer")).toHaveCount(total);
  expect(await listedSlugs(page)).toEqual(board);

  // Reset starts again from the first 50.
  await page.getByText("Mehr Filter").click();
  await page.getByRole("link", { name: "Alle Filter löschen" }).click();
  await expect(page).toHaveURL(new RegExp(`/de/${LARGE_QUARTER}$`));
  await expect(page.locator("ul.offers > li.offer")).toHaveCount(FIRST_SHOWN);
  expect(await listedSlugs(page)).toEqual(firstShown);
  await expect(showAll).toBeVisible();
  console.check();
});

// A board of more than 100 offers sends the first 50 cards with the page; the island fetches the
// others after the page has loaded (an uncached page renders only the cards on show, issue #11).
test("the cards not on show come after the page, and a filter set meanwhile waits for them", async ({ page, request }) => {
  const console = watchConsole(page);
  const html = await (await request.get(`/de/${LARGE_QUARTER}`)).text();
  expect(html.match(/<li class="offer"/g)?.length).toBe(FIRST_SHOWN);
  expect(html).toContain(`data-src="/de/${LARGE_QUARTER}/cards"`);
  // What the server shows for Wednesday, without JavaScript (the reference).
  const wednesdayPage = await (await request.get(`/de/${LARGE_QUARTER}?day=3`)).text();
  const wednesday = [...wednesdayPage.split('<template class="offers-waiting"')[0].matchAll(/<li class="offer" data-slug="([^"]+)"/g)].map((m) => m[1]);
  expect(wednesday.length).toBeGreaterThan(0);

  // The rest of the cards are held back until the resident has picked a weekday.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(`**/de/${LARGE_QUARTER}/cards*`, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/de/${LARGE_QUARTER}`);
  await expect(page.locator("form.filter-form[data-live='1']")).toBeAttached();
  await page.getByText("Mi", { exact: true }).click();
  await expect(page).toHaveURL(/\?day=3$/);
  release();
  await expect(page.locator("template.offers-waiting[data-src]")).toHaveCount(0);
  await expect.poll(() => listedSlugs(page)).toEqual(wednesday);
  await expect(page.locator(".match-count")).toHaveText(new RegExp(`^${wednesday.length} passende`));
  // All of them arrived: "show all" without a filter shows every card.
  await page.getByText("Mi", { exact: true }).click();
  await page.getByRole("link", { name: SHOW_ALL }).click();
  const total = await cardCount(page);
  await expect(page.locator("ul.offers > li.offer")).toHaveCount(total);
  expect(total).toBeGreaterThan(2 * FIRST_SHOWN);
  console.check();
});

test("when the cards not on show cannot be fetched, filtering asks the server", async ({ page, request }) => {
  const wednesdayPage = await (await request.get(`/de/${LARGE_QUARTER}?day=3`)).text();
  const wednesday = [...wednesdayPage.split('<template class="offers-waiting"')[0].matchAll(/<li class="offer" data-slug="([^"]+)"/g)].map((m) => m[1]);
  await page.route(`**/de/${LARGE_QUARTER}/cards*`, (route) => route.abort());
  await page.goto(`/de/${LARGE_QUARTER}`);
  await expect(page.locator("form.filter-form[data-live='1']")).toBeAttached();
  const loaded = page.waitForEvent("load");
  await page.getByText("Mi", { exact: true }).click();
  await loaded;
  await expect(page).toHaveURL(/\?day=3$/);
  await expect(page.locator('input[name="day"][value="3"]')).toBeChecked();
  expect(await listedSlugs(page)).toEqual(wednesday);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the first 50, then all of them, by a plain link", async ({ page }) => {
    await page.goto(`/de/${LARGE_QUARTER}`);
    // Only the cards on show come with the page; the count says how many there are.
    const total = Number((await page.locator(".match-count").textContent())!.match(/\d+/)![0]);
    expect(total).toBeGreaterThan(FIRST_SHOWN);
    expect(await cardCount(page)).toBe(FIRST_SHOWN);
    await expect(page.locator("ul.offers > li.offer")).toHaveCount(FIRST_SHOWN);
    await page.getByRole("link", { name: SHOW_ALL }).click();
    await expect(page).toHaveURL(/\?all=1#offers$/);
    await expect(page.locator("ul.offers > li.offer")).toHaveCount(total);
    await expect(page.getByRole("link", { name: SHOW_ALL })).toBeHidden();
    // The filter form carries "all" on.
    await page.getByText("Mi", { exact: true }).click();
    await page.getByRole("button", { name: "Anzeigen" }).click();
    await expect(page).toHaveURL(/day=3/);
    await expect(page).toHaveURL(/all=1/);
  });
});
