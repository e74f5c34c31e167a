import { test, expect, type Page, type BrowserContext } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { execFileSync } from "node:child_process";
import { binary, waitForHydration } from "./helpers";
import { ADMIN, DESK, signIn } from "./staff-helpers";

/** Values for the router's parameters, all from the demo city. */
const VALUES: Record<string, string> = {
  offer: "krabbelcafe-sonnenblume",
  quarter: "welheim",
  week: "2026-W50",
  token: "no-such-link",
  id: "1",
  kind: "offers",
  product: "flyer",
};

/** Every page address the router knows (`quartiersboard routes`), filled in for `lang`. */
function routes(lang: string): string[] {
  const patterns = execFileSync(binary(), ["routes"], { env: { ...process.env, RUST_LOG: "warn" } })
    .toString()
    .split("\n")
    .filter((l) => l.startsWith("/"));
  expect(patterns.length, "the router's route list").toBeGreaterThan(20);
  return [...new Set(patterns)].map((p) =>
    p.replace(/[:{]([a-z_]+)\}?/g, (_, name: string) => {
      if (name === "lang") return lang;
      expect(VALUES[name], `a value for the route parameter ${name}`).toBeDefined();
      return VALUES[name];
    }),
  );
}

const isStaff = (path: string) => path.includes("/staff");

/** What one visit found wrong. */
type Findings = { csp: string[]; console: string[]; foreign: string[]; axe: string[] };

/**
 * Visits `path` and reports CSP violations (the browser's own events and its console), console
 * errors, requests to other origins and axe violations at WCAG 2.1 A/AA; waits for hydration.
 */
async function visit(page: Page, path: string): Promise<Findings> {
  const found: Findings = { csp: [], console: [], foreign: [], axe: [] };
  const origin = new URL(page.url() === "about:blank" ? test.info().project.use.baseURL! : page.url()).origin;
  const onConsole = (m: any) => m.type() === "error" && found.console.push(m.text());
  const onError = (e: Error) => found.console.push(e.message);
  const onRequest = (r: any) => {
    const url = new URL(r.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) found.foreign.push(r.url());
  };
  page.on("console", onConsole);
  page.on("pageerror", onError);
  page.on("request", onRequest);
  const res = await page.goto(path);
  expect(res!.status(), `${path} answers`).toBeLessThan(500);
  await expect(page.locator("html[data-hydrated]"), `${path} hydrates`).toBeAttached();
  await page.waitForLoadState("networkidle");
  found.csp = await page.evaluate(() => (window as any).__csp ?? []);
  if (res!.status() >= 400) {
    // The document's own 404 is reported by the browser as a failed resource; nothing else may be.
    found.console = found.console.filter((m) => !m.startsWith("Failed to load resource"));
  }
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  found.axe = axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`);
  page.off("console", onConsole);
  page.off("pageerror", onError);
  page.off("request", onRequest);
  return found;
}

/** Records CSP violations in the page, from its very start. */
async function watchCsp(context: BrowserContext) {
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      ((window as any).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

for (const lang of ["de", "ar"]) {
  test(`every route in ${lang}: no CSP violation, no console error, only our origin, hydrates, passes axe`, async ({ browser }) => {
    test.setTimeout(240_000);
    const all = routes(lang);
    const problems: string[] = [];
    const resident = await browser.newContext({ locale: "de-DE", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await watchCsp(resident);
    const staff = await browser.newContext({ ...DESK, locale: "de-DE" });
    await watchCsp(staff);
    const staffPage = await staff.newPage();
    await signIn(staffPage, ADMIN);
    const residentPage = await resident.newPage();
    for (const path of all) {
      // Staff pages signed in (sign-in pages also signed out); everything else as a resident.
      const visits: [string, Page][] = isStaff(path) ? [[`staff`, staffPage]] : [[`resident`, residentPage]];
      if (/sign-in|two-factor|link\//.test(path)) visits.push(["signed out", residentPage]);
      for (const [who, page] of visits) {
        const f = await visit(page, path);
        for (const [kind, list] of Object.entries(f)) {
          for (const item of list) problems.push(`${path} (${who}) ${kind}: ${item}`);
        }
      }
    }
    expect(problems).toEqual([]);
    await resident.close();
    await staff.close();
  });
}

test("a resident's plain visit to every public page stores nothing: no cookie, no storage", async ({ browser }) => {
  test.setTimeout(120_000);
  // Kiosk screens are devices, not residents: they keep their page in a service worker on purpose.
  for (const path of routes("de").filter((p) => !isStaff(p) && !p.startsWith("/kiosk/"))) {
    const context = await browser.newContext({ locale: "de-DE", viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(path);
    await waitHydrated(page);
    // Use the page a little: filters, search and the shortlist stay in the URL.
    const day = page.getByText("Mi", { exact: true });
    if (await day.count()) {
      await day.first().click();
      await page.waitForLoadState("networkidle");
    }
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
      workers: (await navigator.serviceWorker?.getRegistrations())?.length ?? 0,
      cookie: document.cookie,
    }));
    expect(stored, path).toEqual({ local: 0, session: 0, databases: 0, workers: 0, cookie: "" });
    expect(await context.cookies(), path).toEqual([]);
    await context.close();
  }
});

async function waitHydrated(page: Page) {
  await expect(page.locator("html[data-hydrated]")).toBeAttached();
}

/** Fails unless the focused element shows a focus indicator (outline or shadow) — polled,
 * since a date field passes focus between its parts asynchronously. */
async function expectVisibleFocus(page: Page) {
  const probe = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body || !el.matches(":focus, :focus-within")) return "nothing focused";
      const own = getComputedStyle(el);
      const chip = el.closest(".chip");
      const s = chip && own.outlineStyle === "none" ? getComputedStyle(chip) : own;
      const visible = (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== "none";
      return visible ? "visible" : `no indicator on ${el.tagName.toLowerCase()}#${el.id}.${[...el.classList].join(".")}`;
    });
  await expect.poll(probe, { timeout: 2000 }).toBe("visible");
}

/** Presses Tab (checking each stop shows focus) until `target` has focus. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    await expectVisibleFocus(page);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test("keyboard only: a resident skips to the content, filters by age and weekday and opens an offer", async ({ page }) => {
  await page.goto("/de/welheim");
  await waitForHydration(page);
  await page.keyboard.press("Tab");
  await expect(page.locator(".skip-link")).toBeFocused();
  await expect(page.locator(".skip-link")).toBeInViewport();
  await expectVisibleFocus(page);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest("main")), "the skip link leads into the main content").toBe(true);

  await tabTo(page, page.getByLabel("Alter des Kindes (Jahre)"));
  await page.keyboard.type("3");
  await tabTo(page, page.getByRole("checkbox", { name: "Mi" }));
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/age=3/);
  await expect(page).toHaveURL(/day=3/);
  const first = page.locator("ul.offers > li.offer h3 a").first();
  const title = (await first.textContent())!.trim();
  await tabTo(page, first, 120);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/de\/offers\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});

test.describe("staff at a desk", () => {
  test.use(DESK);

  test("keyboard only: a staff member signs in, opens an offer and saves a change", async ({ page }) => {
    await page.goto("/de/staff/sign-in");
    await tabTo(page, page.getByLabel("E-Mail-Adresse"));
    await page.keyboard.type(ADMIN);
    await tabTo(page, page.getByLabel("Passwort", { exact: true }));
    await page.keyboard.type("Kaffee mit Milch 7");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/de\/staff$/);
    const edit = page.locator('tr[data-offer="hausaufgabenhilfe-lindenschule"] a[href*="/staff/offers/"]').first();
    await tabTo(page, edit, 200);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/de\/staff\/offers\/\d+$/);
    const title = page.locator("#f-texts-de-title");
    await tabTo(page, title);
    await page.keyboard.press("End");
    await page.keyboard.type(" (mit Tastatur)");
    await tabTo(page, page.getByRole("button", { name: "Speichern" }), 200);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toHaveText("Gespeichert.");
    await expect(title).toHaveValue(/\(mit Tastatur\)$/);
  });
});

/** Fails if the page scrolls sideways or an element sticks out of the viewport. */
async function expectReflow(page: Page, path: string) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        // Inside a scroll container of its own (a data table, the plan grid) is allowed.
        let scroller = false;
        for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
          if (["auto", "scroll", "hidden"].includes(getComputedStyle(p).overflowX)) scroller = true;
        }
        // What a closed disclosure holds is not shown.
        if (!el.checkVisibility()) return false;
        return r.width > 0 && s.visibility !== "hidden" && (r.right > width + 1 || r.left < -1) && !scroller && !el.closest(".skip-link, .visually-hidden, [hidden]");
      })
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`);
    return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5) };
  });
  expect(overflow, `${path} reflows`).toEqual({ scroll: 0, wide: [] });
}

for (const [name, options] of [
  ["320 px wide", { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 }],
  ["200 % zoom of a 1280 px window", { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }],
] as const) {
  test(`reflow at ${name}: no sideways scrolling on public and staff pages, in German and Arabic`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ ...options, locale: "de-DE" });
    const page = await context.newPage();
    await signIn(page, ADMIN);
    for (const lang of ["de", "ar"]) {
      for (const path of routes(lang).filter((p) => !/two-factor|link\//.test(p))) {
        await page.goto(path);
        await waitHydrated(page);
        await expectReflow(page, path);
      }
    }
    await context.close();
  });
}
