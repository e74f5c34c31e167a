import { test, expect, type Page } from "@playwright/test";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expectAccessible, watchConsole } from "./helpers";
import { ADMIN, DESK, coordinatorOf, staffContext } from "./staff-helpers";

test.use(DESK);

/** Fills the "Kalender einrichten" form and saves it. */
async function setUp(page: Page, address: string) {
  const form = page.locator("form").filter({ has: page.getByLabel("Adresse des Kalenders (.ics)") });
  await form.getByLabel("Organisation").selectOption({ label: "TV Welheim 1912 e. V." });
  await form.getByLabel("Adresse des Kalenders (.ics)").fill(address);
  await form.getByLabel("Ort der Angebote").selectOption({ index: 1 });
  await form.getByLabel("Art der Angebote").selectOption("sport");
  await form.getByRole("button", { name: "Speichern" }).click();
}

test("an administrator sets up a club's calendar address, checks it, and sees a broken file's problems by event", async ({ browser, baseURL }) => {
  const [context, page] = await staffContext(browser, ADMIN);
  const console = watchConsole(page);
  await page.getByRole("link", { name: "Kalender", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kalender der Organisationen");
  await expectAccessible(page);

  // Not a web address (the browser takes any URL; the server wants http or https): named at the
  // field, what was typed stays.
  await setUp(page, "ftp://verein.example/kalender.ics");
  const address = page.getByLabel("Adresse des Kalenders (.ics)");
  await expect(address).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Bitte eine Webadresse mit https:// eingeben.").first()).toBeVisible();
  await expect(address).toHaveValue("ftp://verein.example/kalender.ics");
  await expectAccessible(page);

  // The address of a calendar (here this board's own feed of another organisation), then checked.
  await setUp(page, `${baseURL}/feeds/de/organisations/familienzentrum-sonnenblume.ics`);
  await expect(page.getByRole("status").first()).toContainText("Gespeichert.");
  const row = page.getByRole("row").filter({ hasText: "TV Welheim 1912 e. V." });
  await expect(row).toContainText("noch nie");
  await row.getByRole("button", { name: "Prüfen: TV Welheim 1912 e. V." }).click();
  const result = page.locator("section.import-report");
  await expect(result.getByRole("heading")).toHaveText("Ergebnis: TV Welheim 1912 e. V.");
  await expect(result).toContainText("Geprüft, keine Fehler. Noch nichts gespeichert.");
  await expect(result).toContainText(/Neu: [1-9]\d*, geändert: 0, unverändert: 0\./);
  await expect(page.getByRole("row").filter({ hasText: "TV Welheim 1912 e. V." })).not.toContainText("noch nie");
  await expectAccessible(page);

  // A file with an event without a time zone the board knows: the event and property named.
  const file = join(mkdtempSync(join(tmpdir(), "qb-calendar-")), "verein.ics");
  writeFileSync(
    file,
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:lauf@tv.example\r\nSUMMARY:Lauftreff\r\n" +
      "DTSTART;TZID=Mars/Olympus:20270109T100000\r\nDURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
  );
  const uploadForm = page.locator("form").filter({ has: page.getByLabel("Kalenderdatei (.ics)") });
  await uploadForm.getByLabel("Organisation").selectOption({ label: "TV Welheim 1912 e. V." });
  await uploadForm.getByLabel("Ort der Angebote").selectOption({ index: 1 });
  await uploadForm.getByLabel("Art der Angebote").selectOption("sport");
  await uploadForm.getByLabel("Kalenderdatei (.ics)").setInputFiles(file);
  await uploadForm.getByRole("button", { name: "Hochladen" }).click();
  await expect(page).toHaveURL(/\/de\/staff\/calendars$/);
  await expect(page.getByRole("alert")).toContainText("Es wurde nichts übernommen.");
  const problem = page.getByRole("row").filter({ hasText: "#1 (Lauftreff)" });
  await expect(problem).toContainText("DTSTART");
  await expect(problem).toContainText("Diese Zeitzone kennen wir nicht: Mars/Olympus");
  await expectAccessible(page);

  await page.getByRole("button", { name: "Entfernen: TV Welheim 1912 e. V." }).click();
  await expect(page.getByText("Noch ist kein Kalender eingerichtet.")).toBeVisible();
  console.check();
  await context.close();
});

test("calendars are for administrators only", async ({ page, browser }) => {
  await page.goto("/de/staff/calendars");
  await expect(page).toHaveURL(/\/de\/staff\/sign-in/);
  const [context, coordinator] = await coordinatorOf(browser, "Welheim", "Clara Kalender");
  await expect(coordinator.getByRole("link", { name: "Kalender", exact: true })).toHaveCount(0);
  await coordinator.goto("/de/staff/calendars");
  await expect(coordinator.getByRole("alert")).toBeVisible();
  await expect(coordinator.getByLabel("Adresse des Kalenders (.ics)")).toHaveCount(0);
  await context.close();
});
