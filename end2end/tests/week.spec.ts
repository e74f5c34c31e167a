import { test, expect } from "@playwright/test";
import { expectAccessible, watchConsole } from "./helpers";

test("the week plan shows next week's cancelled toddler café, in German", async ({ page }) => {
  const console = watchConsole(page);
  await page.goto("/de/welheim");
  await page.getByRole("link", { name: "Wochenplan ansehen" }).click();
  await expect(page).toHaveURL(/\/de\/welheim\/week$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wochenplan Welheim");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Nächste Woche" }).click();
  await expect(page).toHaveURL(/\/de\/welheim\/week\/\d{4}-W\d{2}$/);
  const cancelled = page.locator(".week-days:not(.typical) li.entry.cancelled");
  await expect(cancelled.first()).toBeVisible();
  await expect(cancelled.first()).toContainText("Krabbelcafé");
  await expect(cancelled.first()).toContainText("Fällt aus");
  await expect(cancelled.first()).toContainText("Der Raum ist in dieser Woche belegt.");
  await expectAccessible(page);
  console.check();
});

test("the week plan shows the cancellation in English too", async ({ page }) => {
  await page.goto("/en/welheim/week");
  await page.getByRole("link", { name: "Next week" }).click();
  const cancelled = page.locator(".week-days:not(.typical) li.entry.cancelled");
  await expect(cancelled.first()).toContainText("Cancelled");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("an offer page lists its next dates", async ({ page }) => {
  await page.goto("/de/offers/muettercafe-welheim");
  await expect(page.getByText("jeden 1. Mittwoch im Monat")).toBeVisible();
  const dates = page.locator(".occurrences li");
  expect(await dates.count()).toBeGreaterThan(3);
  await expect(dates.first()).toContainText("Mi ");
  await expectAccessible(page);
});

test("the offer's QR code decodes to its public address", async ({ page }, testInfo) => {
  const { execFileSync } = await import("node:child_process");
  await page.goto("/de/offers/muettercafe-welheim");
  // The share button comes with hydration and moves the code down: wait for the final layout.
  await expect(page.getByRole("button", { name: "Teilen" })).toBeVisible();
  const qr = page.locator(".qr svg");
  await expect(qr).toBeVisible();
  const file = testInfo.outputPath("qr.png");
  await qr.screenshot({ path: file });
  const decoded = execFileSync("zbarimg", ["--quiet", "--raw", file]).toString().trim();
  const shown = (await page.locator(".share-url").textContent())!.trim();
  expect(decoded).toBe(shown);
  expect(decoded).toMatch(/\/o\/muettercafe-welheim\/de$/);
  await page.goto(decoded);
  await expect(page).toHaveURL(/\/de\/offers\/muettercafe-welheim$/);
});

test("the network page shows places and organisations with their offers", async ({ page }) => {
  await page.goto("/de/welheim");
  await page.getByRole("link", { name: "Alle Orte und Träger im Quartier" }).click();
  await expect(page).toHaveURL(/\/de\/welheim\/network$/);
  await expect(page.getByRole("heading", { name: "Wer hier etwas anbietet" })).toBeVisible();
  expect(await page.locator(".offer-links a").count()).toBeGreaterThan(10);
  await expectAccessible(page);
});

test("sharing an offer copies its link where the browser has no share sheet", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/de/offers/muettercafe-welheim");
  const hasShare = await page.evaluate(() => "share" in navigator);
  test.skip(hasShare, "this Chromium has a share sheet; the copy fallback is not reachable");
  await page.getByRole("button", { name: "Teilen" }).click();
  await expect(page.getByText("Link kopiert")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The share sheet gets the page's address; the printed short link is shown under it.
  expect(copied).toMatch(/^http:\/\/[^/]+\/de\/offers\/muettercafe-welheim$/);
});
