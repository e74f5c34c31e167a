import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectAccessible, watchConsole } from "./helpers";
import { ADMIN, DESK, coordinatorOf, staffContext } from "./staff-helpers";

test.use(DESK);

test("an administrator downloads all data and checks the file: what exists already is named, nothing written", async ({ browser }) => {
  const [context, page] = await staffContext(browser, ADMIN);
  const console = watchConsole(page);
  await page.getByRole("link", { name: "Daten", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alle Daten als Datei");
  await expectAccessible(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Alle Daten herunterladen (JSON)" }).click();
  const download = await downloading;
  const file = (await download.path())!;
  const doc = JSON.parse(readFileSync(file, "utf8"));
  expect(doc.format).toBe("quartiersboard/1");
  expect(doc.offers.length).toBeGreaterThan(10);

  await page.getByLabel("Datei (Quartiersboard-JSON)").setInputFiles(file);
  await expect(page.getByLabel("Nur prüfen, nichts speichern")).toBeChecked();
  await page.getByRole("button", { name: "Hochladen" }).click();
  await expect(page).toHaveURL(/\/de\/staff\/data$/);
  await expect(page.getByRole("alert")).toContainText("Es wurde nichts gespeichert.");
  await expect(page.getByRole("row").filter({ hasText: "quarters/welheim" })).toContainText("Das ist schon vergeben.");
  await expectAccessible(page);
  console.check();
  await context.close();
});

test("all data is for administrators only", async ({ page, browser }) => {
  await page.goto("/de/staff/data");
  await expect(page).toHaveURL(/\/de\/staff\/sign-in/);
  const [context, coordinator] = await coordinatorOf(browser, "Welheim", "Dora Daten");
  await expect(coordinator.getByRole("link", { name: "Daten", exact: true })).toHaveCount(0);
  await coordinator.goto("/de/staff/data");
  await expect(coordinator.getByRole("alert")).toBeVisible();
  await expect(coordinator.getByLabel("Datei (Quartiersboard-JSON)")).toHaveCount(0);
  expect((await coordinator.request.get("/de/staff/city.json")).status()).toBe(403);
  await context.close();
  expect((await page.request.get("/de/staff/city.json", { maxRedirects: 0 })).status()).toBe(303);
});
