import { test, expect } from "@playwright/test";

// Dates on the offer page come from ICU's CLDR data (server side). Chromium carries its own ICU,
// so the browser's Intl.DateTimeFormat is an independent judge of "the way this language writes
// a date" — Gregorian calendar and Latin digits are the board's choice for every language.
for (const locale of ["de", "en", "ru", "uk", "tr"]) {
  test(`dates on the offer page are written the ${locale} way`, async ({ page }) => {
    await page.goto(`/${locale}/offers/muettercafe-welheim`);
    // Spaces compared as spaces: CLDR versions differ in where they put no-break spaces.
    const plain = (s: string) => s.normalize("NFC").replace(/\s/gu, " ");
    const first = plain(await page.locator(".occurrences li").first().innerText());
    // Every date of the next five months as Chromium writes it in this language.
    const candidates: string[] = await page.evaluate((tag) => {
      const f = new Intl.DateTimeFormat(`${tag}-u-ca-gregory-nu-latn`, { dateStyle: "medium" });
      const start = new Date();
      return Array.from({ length: 150 }, (_, i) =>
        f.format(new Date(start.getFullYear(), start.getMonth(), start.getDate() + i)),
      );
    }, locale);
    expect(candidates.map(plain).some((c) => first.includes(c)), `"${first}" holds none of ${candidates.slice(0, 3)}…`).toBe(true);
  });
}

for (const locale of ["ar", "fa"]) {
  test(`dates in ${locale} keep the Gregorian calendar and Latin digits`, async ({ page }) => {
    await page.goto(`/${locale}/offers/muettercafe-welheim`);
    const first = await page.locator(".occurrences li").first().innerText();
    const year = new Date().getFullYear();
    expect(first.includes(String(year)) || first.includes(String(year + 1)), first).toBe(true);
    expect(first, "Arabic-Indic or Persian digits").not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
    expect(first).toMatch(/\d{1,2}:\d{2}/);
  });
}
