import { test, expect, Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { expectAccessible } from "./helpers";

// Print products from the live data: Chromium prints each to PDF; poppler checks pages, page size
// and the text layer; the rendered page goes through zbarimg and must decode to the short link.
// The PNGs stay in the test output for a person to look at.

const SIZES: Record<string, [number, number]> = { A4: [595, 842], A4L: [842, 595], A5: [420, 595], A3: [842, 1191] };

async function printed(page: Page, path: string, file: string) {
  await page.goto(path);
  await expect(page.locator(".print-sheet").first()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: "screen" });
  const info = execFileSync("pdfinfo", [file]).toString();
  const pages = Number(info.match(/Pages:\s+(\d+)/)![1]);
  const [w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+)/)!.slice(1).map((n) => Math.round(Number(n)));
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString().normalize("NFKC");
  // A long link may wrap after a slash on paper.
  const joined = text.replace(/\/\s+/g, "/");
  execFileSync("pdftoppm", ["-r", "150", "-png", "-f", "1", "-l", "1", file, file.replace(/\.pdf$/, "")]);
  const png = file.replace(/\.pdf$/, "-1.png");
  const decoded = execFileSync("zbarimg", ["--quiet", "--raw", png]).toString().trim().split("\n");
  return { pages, size: [w, h], text: joined, decoded };
}

for (const lang of ["de", "ar"]) {
  test(`flyers, sticker and boards of Welheim in ${lang} print as expected`, async ({ page, baseURL }, testInfo) => {
    const quarter = lang === "de" ? "Welheim" : "فيلهايم";
    const base = `/${lang}/print/welheim`;
    const short = `${baseURL}/q/welheim/${lang}`;
    const host = new URL(baseURL!).host;

    await page.goto(`${base}/flyer?langs=${lang}`);
    await expect(page.locator("html")).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
    await expect(page.locator(".flyer h1")).toContainText(quarter);
    await expectAccessible(page);

    const flyer = await printed(page, `${base}/flyer?langs=${lang}`, testInfo.outputPath(`flyer-a4-${lang}.pdf`));
    expect(flyer.pages).toBe(1);
    expect(flyer.size).toEqual(SIZES.A4);
    expect(flyer.text).toContain(`${host}/q/welheim/${lang}`);
    // Text pulled out of a PDF may split Arabic words where glyphs join: compare without spaces.
    expect(flyer.text.replace(/\s/g, "")).toContain(quarter.replace(/\s/g, ""));
    expect(flyer.decoded).toEqual([short]);

    const a5 = await printed(page, `${base}/flyer?langs=${lang}&size=a5`, testInfo.outputPath(`flyer-a5-${lang}.pdf`));
    expect(a5.pages).toBe(1);
    expect(a5.size).toEqual(SIZES.A4L);
    expect(a5.decoded).toEqual([short, short]);

    const sticker = await printed(page, `${base}/sticker?langs=${lang},de,ru`, testInfo.outputPath(`sticker-${lang}.pdf`));
    expect(sticker.pages).toBe(1);
    expect(sticker.size).toEqual(SIZES.A5);
    expect(sticker.text).toContain(`${host}/q/welheim`);
    expect(sticker.decoded).toEqual([`${baseURL}/q/welheim`]);

    const board = await printed(page, `${base}/board?langs=${lang}`, testInfo.outputPath(`board-a4-${lang}.pdf`));
    expect(board.pages).toBeGreaterThanOrEqual(1);
    expect(board.size).toEqual(SIZES.A4L);
    expect(board.decoded).toEqual([short]);
    const poster = await printed(page, `${base}/board?langs=${lang}&size=a3&week=this`, testInfo.outputPath(`board-a3-${lang}.pdf`));
    expect(poster.size).toEqual(SIZES.A3);
    expect(poster.decoded).toEqual([short]);
    // Every offer of the typical week is on the printed board: nothing cut off.
    const titles = await page.locator(".board-day strong").allTextContents();
    expect(titles.length).toBeGreaterThan(5);
    if (lang === "de") {
      // Offers without a weekday (a day of the month, dates, by arrangement) are listed below the
      // week, on both boards; a monthly line says it is monthly.
      const others = ["Hebammensprechstunde im Familienzentrum", "Elternabend: Handy, Tablet und Co.", "Bücherzelle Welheim", "Schuldnerberatung", "Sommerfest im Quartier Welheim"];
      for (const path of [`${base}/board?langs=de`, `${base}/board?langs=de&size=a3&week=this`]) {
        const sheet = await printed(page, path, testInfo.outputPath("board-others.pdf"));
        const listed = await page.locator(".board-others strong").allTextContents();
        expect(listed).toEqual(expect.arrayContaining(others));
        // On paper a long title may wrap: its first word must be there.
        for (const title of others) expect(sheet.text).toContain(title.split(" ")[0]);
      }
      await expect(page.locator(".board-others li", { hasText: "Bücherzelle Welheim" })).toContainText("Termine nach Absprache");
      await page.goto(`${base}/board?langs=de`);
      await expect(page.locator(".board-day li", { hasText: "Müttercafé Welheim" })).toContainText("jeden 1. Mittwoch im Monat");
    }
  });
}

test("the short link without a language lands in the phone's language", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ locale: "ar" });
  const page = await context.newPage();
  await page.goto(`${baseURL}/q/welheim`);
  await expect(page).toHaveURL(/\/ar\/welheim$/);
  await context.close();
});
