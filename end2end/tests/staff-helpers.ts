import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

/** The administrator made by global-setup.ts with `quartiersboard create-admin`. */
export const ADMIN = "admin@example.de";
export const PASSWORD = "Kaffee mit Milch 7";

/** Staff work at a desk: a laptop-sized window. */
export const DESK = { viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false };

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/de/staff/sign-in");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(/\/de\/staff$/);
}

/** A new browser context (its own cookies) at desk size, signed in as `email`. */
export async function staffContext(browser: Browser, email: string, password = PASSWORD): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext({ ...DESK, locale: "de-DE" });
  const page = await context.newPage();
  await signIn(page, email, password);
  return [context, page];
}

/** The id of an offer, from its "edit" link in the staff list of a page signed in with rights. */
export async function offerId(page: Page, slug: string): Promise<string> {
  await page.goto("/de/staff");
  const href = await page.locator(`tr[data-offer="${slug}"] a[href*="/staff/offers/"]`).first().getAttribute("href");
  return href!.split("/").pop()!;
}

/** Invites `email` with `role` (and organisation) as the signed-in administrator; returns the link. */
export async function invite(admin: Page, email: string, role: string, organisation?: string): Promise<string> {
  await admin.goto("/de/staff/users");
  await admin.getByLabel("E-Mail-Adresse").fill(email);
  await admin.getByLabel("Rolle", { exact: true }).selectOption(role);
  if (organisation) await admin.getByLabel("Organisation (für Redaktion)").selectOption(organisation);
  await admin.getByRole("button", { name: "Einladungslink erstellen" }).click();
  const link = (await admin.locator(".link-to-hand-over").textContent())!.trim();
  expect(link).toMatch(/\/de\/staff\/link\/[0-9a-f]{64}$/);
  return new URL(link).pathname;
}

/** Uses an invitation link in a fresh context and signs in; returns the signed-in page. */
export async function acceptInvite(browser: Browser, path: string, email: string, name: string): Promise<[BrowserContext, Page]> {
  const context = await browser.newContext({ ...DESK, locale: "de-DE" });
  const page = await context.newPage();
  await page.goto(path);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Neues Passwort").fill(PASSWORD);
  await page.getByLabel("Passwort wiederholen").fill(PASSWORD);
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page).toHaveURL(/sign-in\?welcome=1/);
  await signIn(page, email);
  return [context, page];
}

/** Monday of the ISO week containing `d`, and the ISO week label (`2026-W49`). */
export function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((t.getTime() - yearStart.getTime()) / 86400000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** The first Wednesday of a month on or after `from` (local date). */
export function nextFirstWednesday(from: Date): Date {
  for (let m = 0; m < 3; m++) {
    const first = new Date(from.getFullYear(), from.getMonth() + m, 1);
    const wed = new Date(first);
    wed.setDate(1 + ((3 - first.getDay() + 7) % 7));
    if (wed >= new Date(from.getFullYear(), from.getMonth(), from.getDate())) return wed;
  }
  throw new Error("unreachable");
}

export function isoDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Creates and publishes a weekly offer of `organisation` in Welheim through the staff form. */
export async function createWeeklyOffer(
  page: Page,
  o: { title: string; slug: string; organisation: string; place: string; weekday: number; start: string; end: string; fromWeek?: number },
) {
  await page.goto("/de/staff/offers/new");
  await page.locator("#f-texts-de-title").fill(o.title);
  await page.locator("#f-slug").fill(o.slug);
  await page.locator("#f-organisation").selectOption(o.organisation);
  await page.locator("#f-place").selectOption(o.place);
  await page.getByRole("checkbox", { name: "Welheim" }).check();
  await page.locator("#f-category").selectOption("learning");
  await page.locator("#f-texts-de-description").fill("Ein Angebot für den Test des Wochenplans.");
  const monday = new Date();
  // The rule starts on the Monday `fromWeek` weeks from now (two weeks back unless told).
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7) + 7 * (o.fromWeek ?? -2));
  await page.locator("#f-schedules-0-freq").selectOption("weekly");
  await page.locator("#f-schedules-0-start_date").fill(isoDate(monday));
  await page.locator("#f-schedules-0-start").fill(o.start);
  await page.locator("#f-schedules-0-end").fill(o.end);
  await page.getByRole("checkbox", { name: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"][o.weekday - 1] }).first().check();
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Das Angebot ist angelegt (als Entwurf).");
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page.getByRole("status")).toHaveText("Das Angebot ist veröffentlicht.");
}

/** The ISO week label `weeks` weeks from now. */
export function weekFromNow(weeks: number): string {
  const d = new Date();
  d.setDate(d.getDate() + 7 * weeks);
  return isoWeek(d);
}

/** An administrator invites a coordinator of `quarter`, who accepts and signs in in a fresh context. */
export async function coordinatorOf(browser: Browser, quarter: string, name: string): Promise<[BrowserContext, Page]> {
  const [adminContext, admin] = await staffContext(browser, ADMIN);
  const email = `koordination-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@example.de`;
  await admin.goto("/de/staff/users");
  await admin.getByLabel("E-Mail-Adresse").fill(email);
  await admin.getByLabel("Rolle", { exact: true }).selectOption("coordinator");
  await admin.getByRole("checkbox", { name: quarter }).check();
  await admin.getByRole("button", { name: "Einladungslink erstellen" }).click();
  const link = new URL((await admin.locator(".link-to-hand-over").textContent())!.trim()).pathname;
  await adminContext.close();
  return acceptInvite(browser, link, email, name);
}
