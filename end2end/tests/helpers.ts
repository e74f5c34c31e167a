import { expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** The server binary the tests run against (the same build `cargo leptos end-to-end` started). */
export function binary(): string {
  const target = process.env.CARGO_TARGET_DIR ?? `${__dirname}/../../target`;
  return process.env.QB_BIN ?? `${target}/debug/quartiersboard`;
}

/** A quarter with more offers than a board shows before "show all" (loaded by global-setup.ts). */
export const LARGE_QUARTER = "testviertel";

/** Collects console errors and uncaught exceptions of a page; call `check()` at the end. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (err) => errors.push(err.message));
  return {
    check: () => expect(errors, "console errors").toEqual([]),
  };
}

/** Fails with the list of accessibility violations axe finds on the page. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
  expect(summary, "axe violations").toEqual([]);
}

/** Waits until the board's filter island has hydrated (it marks its form as live). */
export async function waitForHydration(page: Page) {
  await expect(page.locator("form.filter-form[data-live='1']")).toBeAttached();
  // On a large board, the cards not on show arrive after the page (the template loses its `data-src`).
  await expect(page.locator("template.offers-waiting[data-src]")).toHaveCount(0);
}

/** How many offer cards the board carries: those on show and those waiting in its template for the
 * filter (count before filtering: cards the filter takes out are no longer in the document). */
export async function cardCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const waiting = document.querySelector<HTMLTemplateElement>("template.offers-waiting");
    return document.querySelectorAll("ul.offers > li.offer").length + (waiting?.content.querySelectorAll("li.offer").length ?? 0);
  });
}

/** Slugs of the offers the board shows, in the order the list shows them. */
export async function listedSlugs(page: Page): Promise<string[]> {
  return page.locator("ul.offers > li.offer").evaluateAll((els) => els.map((e) => e.getAttribute("data-slug")!));
}

/** Slugs of the offers the board shows, sorted. */
export async function shownSlugs(page: Page): Promise<string[]> {
  return (await listedSlugs(page)).sort();
}
