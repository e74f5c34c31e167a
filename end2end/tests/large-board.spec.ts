import { test, expect } from "@playwright/test";
import { cardCount, expectAccessible, LARGE_QUARTER, shownSlugs, waitForHydration, watchConsole } from "./helpers";

// A board shows the first 50 matching offers; "show all" brings the rest (domain::filter::shown).
const FIRST_SHOWN = 50;
const SHOW_ALL = "Alle passenden Angebote zeigen";

test("a large board shows the first 50 matches, and all of them on request", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto(`/de/${LARGE_QUARTER}`);
  await waitForHydration(page);
  const total = await cardCount(page);
  expect(total).toBeGreaterThan(FIRST_SHOWN);
  expect((await shownSlugs(page)).length).toBe(FIRST_SHOWN);
  await expect(page.locator(".match-count")).toHaveText(new RegExp(`^${total} passende`));
  await expectAccessible(page);

  // By keyboard: the link, then Enter; the focus goes on to the first card that came into view.
  const showAll = page.getByRole("link", { name: SHOW_ALL });
  await showAll.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/de/${LARGE_QUARTER}\\?all=1$`));
  await expect(page.locator("ul.offers > li.offer")).toHaveCount(total);
  await expect(page.locator("ul.offers > li.offer h3 a").nth(FIRST_SHOWN)).toBeFocused();
  await expect(showAll).toBeHidden();

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

  // Reset starts again from the first 50.
  await page.getByRole("link", { name: "Alle Filter löschen" }).click();
  await expect(page).toHaveURL(new RegExp(`/de/${LARGE_QUARTER}$`));
  await expect(page.locator("ul.offers > li.offer")).toHaveCount(FIRST_SHOWN);
  await expect(showAll).toBeVisible();
  console.check();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the first 50, then all of them, by a plain link", async ({ page }) => {
    await page.goto(`/de/${LARGE_QUARTER}`);
    const total = await cardCount(page);
    await expect(page.locator("ul.offers > li.offer")).toHaveCount(FIRST_SHOWN);
    await page.getByRole("link", { name: SHOW_ALL }).click();
    await expect(page).toHaveURL(/\?all=1$/);
    await expect(page.locator("ul.offers > li.offer")).toHaveCount(total);
    await expect(page.getByRole("link", { name: SHOW_ALL })).toBeHidden();
    // The filter form carries "all" on.
    await page.getByText("Mi", { exact: true }).click();
    await page.getByRole("button", { name: "Anzeigen" }).click();
    await expect(page).toHaveURL(/day=3/);
    await expect(page).toHaveURL(/all=1/);
  });
});
