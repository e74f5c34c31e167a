import { test, expect, type Page } from "@playwright/test";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expectAccessible, watchConsole } from "./helpers";
import { DESK, coordinatorOf } from "./staff-helpers";

test.use(DESK);

/** Splits the downloaded file (`;`, quotes doubled, line breaks inside quotes) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") { rows[rows.length - 1].push(cell); cell = ""; }
    else if (c === "\n") { rows[rows.length - 1].push(cell); cell = ""; rows.push([]); }
    else if (c !== "\r") cell += c;
  }
  if (cell !== "" || rows[rows.length - 1].length > 0) rows[rows.length - 1].push(cell);
  return rows.filter((r) => r.length > 1);
}

function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => `"${c.replaceAll('"', '""')}"`).join(";")).join("\r\n") + "\r\n";
}

async function upload(page: Page, rows: string[][], onlyCheck: boolean) {
  const file = join(mkdtempSync(join(tmpdir(), "qb-import-")), "angebote.csv");
  writeFileSync(file, toCsv(rows));
  await page.getByLabel("CSV-Datei (Trennzeichen Semikolon oder Komma, UTF-8)").setInputFiles(file);
  await page.getByLabel("Nur prüfen, nichts speichern").setChecked(onlyCheck);
  await page.getByRole("button", { name: "Hochladen" }).click();
  await expect(page).toHaveURL(/\/de\/staff\/import$/);
}

test("a coordinator adds an offer from a spreadsheet: mistakes named by line and column, then checked, then saved", async ({ browser }) => {
  const [context, page] = await coordinatorOf(browser, "Welheim", "Tabea Tabelle");
  const console = watchConsole(page);
  await page.getByRole("link", { name: "Tabelle" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Angebote als Tabelle");
  await expectAccessible(page);

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Angebote herunterladen (CSV)" }).click();
  const rows = parseCsv(readFileSync((await (await downloading).path())!, "utf8").replace(/^\uFEFF/, ""));
  const header = rows[0];
  expect(header.slice(0, 3)).toEqual(["Kennung", "Version", "Titel"]);
  const at = (name: string) => header.indexOf(name);
  const line = [...rows[1]];
  const slug = `lesecafe-${Date.now().toString(36)}`;
  line[at("Kennung")] = slug;
  line[at("Version")] = "";
  line[at("Titel")] = "Lesecafé aus der Tabelle";
  line[at("Kostenlos")] = "vielleicht";
  line[at("Termine")] = "2027-01-06T15:00 PT1H30M FREQ=WEEKLY;BYDAY=WE";

  await upload(page, [header, line], true);
  await expect(page.getByRole("alert")).toContainText("Es wurde nichts gespeichert.");
  const problem = page.getByRole("row").filter({ hasText: "Kostenlos" });
  await expect(problem).toContainText("2");
  await expect(problem).toContainText("Bitte „ja“ oder „nein“ eintragen.");
  await expectAccessible(page);

  line[at("Kostenlos")] = "ja";
  await upload(page, [header, line], true);
  await expect(page.getByRole("status")).toContainText("Geprüft, keine Fehler.");
  await expect(page.getByRole("status")).toContainText("Zeilen: 1 – neu: 1, geändert: 0, unverändert: 0.");

  await upload(page, [header, line], false);
  await expect(page.getByRole("status")).toContainText("Gespeichert.");
  await expectAccessible(page);

  await page.goto("/de/staff");
  await expect(page.getByRole("link", { name: "Lesecafé aus der Tabelle" })).toBeVisible();
  console.check();
  await context.close();
});

test("the spreadsheet is for signed-in staff only", async ({ page }) => {
  await page.goto("/de/staff/import");
  await expect(page).toHaveURL(/\/de\/staff\/sign-in/);
  expect((await page.request.get("/de/staff/offers.csv")).status()).toBe(401);
});
