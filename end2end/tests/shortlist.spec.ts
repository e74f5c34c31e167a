import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expectAccessible } from "./helpers";

test("a shortlist of three offers prints on one A4 page and its QR code reopens it", async ({ page }, testInfo) => {
  await page.goto("/de/welheim");
  for (let i = 0; i < 3; i++) {
    await page.locator("ul.offers > li.offer a.save:not([aria-current])").first().click();
    // Each tap lands before the next (a tap before hydration reloads the page with the list).
    await expect(page.locator(".shortlist-link .shortlist-count")).toHaveText(String(i + 1));
    await expect(page).toHaveURL(/list=/);
  }
  await expect(page.locator(".shortlist-link .shortlist-count")).toHaveText("3");
  await page.locator(".shortlist-link").click();
  await expect(page).toHaveURL(/\/de\/list\?list=[a-z0-9-]+,[a-z0-9-]+,[a-z0-9-]+$/);
  await expect(page.locator(".shortlist-item")).toHaveCount(3);
  await expectAccessible(page);

  // No cookie and no storage: the list is only in the URL.
  expect(await page.context().cookies()).toEqual([]);
  expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);

  const pdfPath = testInfo.outputPath("shortlist.pdf");
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: pdfPath, format: "A4", printBackground: true });
  const pdf = readFileSync(pdfPath, "latin1");
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBe(1);

  const png = testInfo.outputPath("shortlist-qr.png");
  await page.locator(".shortlist .qr svg").screenshot({ path: png });
  const decoded = execFileSync("zbarimg", ["--quiet", "--raw", png]).toString().trim();
  const shownUrl = (await page.locator(".shortlist .share-url").textContent())!.trim();
  expect(decoded).toBe(shownUrl);
  expect(new URL(decoded).pathname + new URL(decoded).search).toBe(new URL(page.url()).pathname + new URL(page.url()).search);
});
