import { test, expect } from "@playwright/test";
import { expectAccessible, waitForHydration, watchConsole } from "./helpers";

test("a resident picks a quarter, then an offer", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wähle dein Quartier");
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

test("the weekday filter works after hydration", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/de/welheim");
  await waitForHydration(page);
  const all = await page.locator("li.offer").count();
  await expect(page.locator(".match-count")).toHaveText(`${all} Angebote`);

  const wednesday = page.getByRole("button", { name: "Mi", exact: true });
  await wednesday.click();
  await expect(wednesday).toHaveAttribute("aria-pressed", "true");
  const onWednesday = page.locator('li.offer[data-days~="2"]');
  const notOnWednesday = page.locator('li.offer:not([data-days~="2"])');
  const expected = await onWednesday.count();
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(all);
  await expect(page.locator(".match-count")).toHaveText(new RegExp(`^${expected} Angebot`));
  await expect(notOnWednesday.first()).toBeHidden();
  await expect(onWednesday.first()).toBeVisible();

  await page.getByRole("button", { name: "Alle Tage" }).click();
  await expect(notOnWednesday.first()).toBeVisible();
  await expectAccessible(page);
  console.check();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the board still lists every offer", async ({ page }) => {
    await page.goto("/de/welheim");
    const offers = page.locator("li.offer");
    expect(await offers.count()).toBeGreaterThan(9);
    await expect(offers.first()).toBeVisible();
    await expect(page.locator(".day-filter")).toBeHidden();
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
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/welheim$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Activities" })).toBeVisible();
});
