import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectAccessible, watchConsole } from "./helpers";
import { DESK, coordinatorOf } from "./staff-helpers";

test.use(DESK);

test("a coordinator finds the gaps of a quarter, downloads the CSV and prints the one-page report", async ({ browser }) => {
  const [context, page] = await coordinatorOf(browser, "Welheim", "Lena Lückenblick");
  const console = watchConsole(page);

  await page.getByRole("link", { name: "Abdeckung" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Abdeckung: Wo sind Lücken?");
  await expectAccessible(page);
  const welheim = page.getByRole("region", { name: "Welheim" });
  await expect(welheim.getByRole("table", { name: "Angebotsstunden pro Woche in Welheim" })).toBeAttached();
  await expect(welheim.getByRole("listitem").filter({ hasText: GAP })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Altstadt" })).toBeVisible();

  // A period the wrong way round is named at its field, in German.
  await page.getByLabel("Von").fill("2026-12-31");
  await page.getByLabel("Bis").fill("2026-12-01");
  await page.getByRole("button", { name: "Anzeigen" }).click();
  await expect(page.getByLabel("Bis")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Das Enddatum liegt vor dem Anfang.")).toBeVisible();
  await expectAccessible(page);

  await page.goto("/de/staff/coverage?category=learning");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Als CSV herunterladen" }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^coverage-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await file.path())!, "utf8");
  expect(csv.split("\n")[1]).toContain("Quartier;Altersgruppe;Montag");
  expect(csv).toMatch(/\nWelheim;6–10;/);

  await page.getByRole("region", { name: "Welheim" }).getByRole("link", { name: "Bericht zum Drucken" }).click();
  await expect(page).toHaveURL(/\/de\/staff\/coverage\/welheim\?category=learning$/);
  await expect(page.getByRole("region", { name: "Altstadt" })).toHaveCount(0);
  await expect(page.getByText(/^Stand:/)).toBeVisible();
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  const pdf = (await page.pdf({ format: "A4", printBackground: true })).toString("latin1");
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
  console.check();
  await context.close();
});

test("people who are not coordinators see no coverage", async ({ browser, page }) => {
  await page.goto("/de/staff/coverage");
  await expect(page).toHaveURL(/\/de\/staff\/sign-in/);
  expect((await page.request.get("/de/staff/coverage.csv")).status()).toBe(401);
});

const GAP = "Welheim, Sonntag: kein Angebot für 6–10.";
