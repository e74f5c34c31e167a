import { test, expect } from "@playwright/test";
import { createServer } from "node:http";
import { expectAccessible, watchConsole } from "./helpers";
import {
  ADMIN, DESK, acceptInvite, coordinatorOf, createWeeklyOffer, invite, isoDate, isoWeek, nextFirstWednesday, offerId, signIn, staffContext,
} from "./staff-helpers";

test.use(DESK);

test("an administrator creates a first-Wednesday offer, publishes it, and it shows in the right week", async ({ page }) => {
  const console = watchConsole(page);
  const run = Date.now().toString(36);
  const title = `Vätercafé am ersten Mittwoch ${run}`;
  await signIn(page, ADMIN);
  await expectAccessible(page);
  await page.getByRole("link", { name: "Neues Angebot" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Neues Angebot");
  await expectAccessible(page);
  await page.locator("#f-texts-de-title").fill(title);
  await page.locator("#f-slug").fill(`vaetercafe-${run}`);
  await page.locator("#f-organisation").selectOption("familienzentrum-sonnenblume");
  await page.locator("#f-place").selectOption("kita-sonnenblume");
  await page.getByRole("checkbox", { name: "Welheim" }).check();
  await page.locator("#f-category").selectOption("meeting");
  await page.locator("#f-texts-de-description").fill("Väter treffen sich bei Kaffee. Kinder sind willkommen.");
  const today = new Date();
  await page.locator("#f-schedules-0-freq").selectOption("monthly_nth");
  await page.locator("#f-schedules-0-start_date").fill(isoDate(today));
  await page.locator("#f-schedules-0-start").fill("15:00");
  await page.locator("#f-schedules-0-end").fill("17:00");
  await page.locator("#f-schedules-0-nth").selectOption("1");
  await page.locator("#f-schedules-0-weekday").selectOption("3");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Das Angebot ist angelegt (als Entwurf).");
  await expect(page).toHaveURL(/\/de\/staff\/offers\/\d+\?done=created$/);
  await page.getByRole("button", { name: "Veröffentlichen" }).click();
  await expect(page.getByRole("status")).toHaveText("Das Angebot ist veröffentlicht.");

  const wednesday = nextFirstWednesday(today);
  await page.goto(`/de/welheim/week/${isoWeek(wednesday)}`);
  const day = page.locator(".week-days:not(.typical) li.day", { hasText: "Mittwoch" });
  await expect(day.getByRole("link", { name: title })).toBeVisible();
  await expect(day.locator(".entry", { hasText: title })).toContainText("15:00");
  const weekAfter = new Date(wednesday);
  weekAfter.setDate(weekAfter.getDate() + 7);
  await page.goto(`/de/welheim/week/${isoWeek(weekAfter)}`);
  await expect(page.locator(".week-days:not(.typical)").getByRole("link", { name: title })).toHaveCount(0);
  await page.goto("/de/welheim");
  await expect(page.getByRole("link", { name: title, exact: true })).toBeVisible();
  console.check();
});

test("an organisation editor cannot edit another organisation's offer, not even by calling the server", async ({ browser, page }) => {
  const email = `redaktion-${Date.now().toString(36)}@example.de`;
  await signIn(page, ADMIN);
  const link = await invite(page, email, "editor", "familienzentrum-sonnenblume");
  const otherId = await offerId(page, "schach-kinder-altstadt");
  const [context, editor] = await acceptInvite(browser, link, email, "Rita Redaktion");
  await expectAccessible(editor);
  const own = editor.locator('tr[data-offer="krabbelcafe-sonnenblume"]');
  const other = editor.locator('tr[data-offer="schach-kinder-altstadt"]');
  await expect(own.getByRole("link", { name: /^Bearbeiten/ })).toBeVisible();
  await expect(other).toBeVisible();
  await expect(other.getByRole("link", { name: /^Bearbeiten/ })).toHaveCount(0);
  await expect(other.getByRole("button")).toHaveCount(0);

  // The status form of the editor's own offer names the server function; aim it at the other offer.
  await own.getByRole("link", { name: /^Bearbeiten/ }).click();
  const action = await editor.locator("form:has(input[name=status])").first().getAttribute("action");
  const forged = await editor.request.post(action!, { form: { id: otherId, version: "1", status: "archived" } });
  expect(forged.status()).toBe(403);
  const direct = await editor.request.get(`/de/staff/offers/${otherId}`);
  expect(await direct.text()).not.toContain("Veröffentlichen");
  await page.goto("/de/offers/schach-kinder-altstadt");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await context.close();
});

test("signing out really ends the session", async ({ browser }) => {
  const [context, page] = await staffContext(browser, ADMIN);
  const cookies = await context.cookies();
  expect(cookies.map((c) => c.name)).toContain("qb_staff");
  expect(cookies.find((c) => c.name === "qb_staff")!.httpOnly).toBe(true);
  await page.getByRole("button", { name: "Abmelden" }).click();
  await expect(page).toHaveURL(/\/de\/staff\/sign-in\?signed_out=1$/);
  await page.goto("/de/staff");
  await expect(page).toHaveURL(/\/de\/staff\/sign-in$/);
  // The old cookie, replayed in a fresh browser, opens nothing.
  const replay = await browser.newContext(DESK);
  await replay.addCookies(cookies);
  const again = await replay.newPage();
  await again.goto("/de/staff");
  await expect(again).toHaveURL(/\/de\/staff\/sign-in$/);
  await context.close();
  await replay.close();
});

test("two people edit the same offer: the second gets the conflict screen and can save their version", async ({ browser }) => {
  const [c1, first] = await staffContext(browser, ADMIN);
  const [c2, second] = await staffContext(browser, ADMIN);
  const id = await offerId(first, "hebammensprechstunde-welheim");
  await first.goto(`/de/staff/offers/${id}`);
  await second.goto(`/de/staff/offers/${id}`);
  const cost = `${Date.now() % 1000} € Spende`;
  await first.locator("#f-texts-de-title").fill(`Hebammensprechstunde (neue Zeit ${cost})`);
  await first.getByRole("button", { name: "Speichern" }).click();
  await expect(first.getByRole("status")).toHaveText("Gespeichert.");

  await second.locator("#f-cost").fill(cost);
  await second.getByRole("button", { name: "Speichern" }).click();
  const conflict = second.locator("section.conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole("heading")).toHaveText("Jemand anderes hat dieses Angebot inzwischen gespeichert");
  // Fields by the form's own labels, not internal names.
  await expect(conflict.locator("tr", { hasText: "Titel (Deutsch)" })).toContainText(`Hebammensprechstunde (neue Zeit ${cost})`);
  await expect(conflict.locator("tr", { hasText: "Kosten (Text)" })).toContainText(cost);
  await expect(conflict).not.toContainText("texts.de");
  await expect(second.locator("#f-cost")).toHaveValue(cost);
  await expectAccessible(second);
  // Opening the offer again the normal way shows it as saved, not the rejected version.
  await second.goto(`/de/staff/offers/${id}`);
  await expect(second.locator("section.conflict")).toHaveCount(0);
  await expect(second.locator("#f-texts-de-title")).toHaveValue(`Hebammensprechstunde (neue Zeit ${cost})`);
  await expect(second.locator("#f-cost")).not.toHaveValue(cost);
  await second.goBack();
  await expect(second.locator("section.conflict")).toBeVisible();
  // The first change is saved; reapplying saves the second person's version on top.
  await second.getByRole("button", { name: "Speichern" }).click();
  await expect(second.getByRole("status")).toHaveText("Gespeichert.");
  await first.reload();
  await expect(first.locator("#f-cost")).toHaveValue(cost);
  await c1.close();
  await c2.close();
});

test("a page on another origin cannot make a signed-in browser change anything", async ({ browser }, testInfo) => {
  const [context, page] = await staffContext(browser, ADMIN);
  const id = await offerId(page, "babymassage-sonnenblume");
  await page.goto(`/de/staff/offers/${id}`);
  const action = await page.locator("form:has(input[name=status])").first().getAttribute("action");
  const version = await page.locator("form:has(input[name=status]) input[name=version]").first().getAttribute("value");
  const target = new URL(action!, page.url()).toString();
  const evil = `<!doctype html><html lang="en"><title>Win a prize</title><body>
    <form id="f" method="post" action="${target}">
      <input name="id" value="${id}"><input name="version" value="${version}"><input name="status" value="archived">
    </form><script>document.getElementById("f").submit()</script></body></html>`;
  const server = createServer((_, res) => res.writeHead(200, { "content-type": "text/html" }).end(evil));
  const port = 4000 + testInfo.workerIndex * 10 + Math.floor(Math.random() * 9);
  await new Promise<void>((ok) => server.listen(port, "127.0.0.1", ok));
  try {
    const response = page.waitForResponse((r) => r.url() === target);
    await page.goto(`http://127.0.0.1:${port}/`);
    expect((await response).status()).toBe(403);
  } finally {
    server.close();
  }
  await page.goto("/de/offers/babymassage-sonnenblume");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Babymassage/);
  await context.close();
});

test("markup and script links typed into a description never run on the public page", async ({ browser }) => {
  const [context, page] = await staffContext(browser, ADMIN);
  const id = await offerId(page, "krabbelcafe-sonnenblume");
  await page.goto(`/de/staff/offers/${id}`);
  await page.locator("#f-texts-de-description").fill(
    'Willkommen!\n<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>\njavascript:window.__xss=3\nhttps://example.org/krabbeln',
  );
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Gespeichert.");
  const visitor = await browser.newPage();
  visitor.on("dialog", () => { throw new Error("a dialog opened"); });
  await visitor.goto("/de/offers/krabbelcafe-sonnenblume");
  await expect(visitor.locator(".description")).toContainText('<img src=x onerror="window.__xss=1">');
  expect(await visitor.evaluate(() => (window as any).__xss)).toBeUndefined();
  await expect(visitor.locator(".description img")).toHaveCount(0);
  await expect(visitor.locator('.description a[href^="javascript:"]')).toHaveCount(0);
  await expect(visitor.locator('.description a[href="https://example.org/krabbeln"]')).toBeVisible();
  await visitor.close();
  await context.close();
});

test("staff pages pass axe: users, account, audit log", async ({ page }) => {
  await signIn(page, ADMIN);
  for (const path of ["/de/staff/users", "/de/staff/account", "/de/staff?status=draft"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
  const id = await offerId(page, "krabbelcafe-sonnenblume");
  await page.goto(`/de/staff/offers/${id}/audit`);
  await expectAccessible(page);
  await page.goto("/de/staff/sign-in");
  await expectAccessible(page);
});

test("a coordinator changes a place's opening hours and residents see them on the quarter's network page", async ({ browser }) => {
  const [context, page] = await coordinatorOf(browser, "Welheim", "Kora Koordination");
  await page.getByRole("link", { name: "Orte und Träger" }).click();
  await expectAccessible(page);
  // Inside Welheim the coordinator may edit; the Altstadt's places are not theirs.
  await expect(page.locator('li[data-slug="nachbarschaftshaus-altstadt"]').getByRole("link")).toHaveCount(0);
  await page.locator('li[data-slug="kita-sonnenblume"]').getByRole("link", { name: /Bearbeiten/ }).click();
  await expectAccessible(page);
  const hours = `Mo–Fr 7:30–16:30 Uhr (${Date.now() % 1000})`;
  await page.getByLabel("Öffnungszeiten").fill(hours);
  await page.getByLabel("Postleitzahl").fill("4623");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.locator("#form-issues")).toContainText("Bitte eine Postleitzahl mit 5 Ziffern eingeben.");
  await expect(page.getByLabel("Öffnungszeiten")).toHaveValue(hours);
  await page.getByLabel("Postleitzahl").fill("46238");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Gespeichert.");
  await page.goto("/de/welheim/network");
  await expect(page.getByText(hours)).toBeVisible();
  await context.close();
});

test("renaming an offer keeps its shared long address, its calendar feed and saved shortlists working", async ({ browser, page }) => {
  const run = Date.now().toString(36);
  const [before, after] = [`alter-name-${run}`, `neuer-name-${run}`];
  const title = `Umbenannt ${run}`;
  await signIn(page, ADMIN);
  await createWeeklyOffer(page, { title, slug: before, organisation: "lindenschule", place: "lindenschule-welheim", weekday: 4, start: "15:00", end: "16:00" });
  const id = new URL(page.url()).pathname.split("/").pop();
  const feedBefore = await page.request.get(`/feeds/de/offers/${before}.ics`);
  const uid = (await feedBefore.text()).match(/^UID:(.*)$/m)![1].trim();
  expect(uid).toBe(`offer-${id}-0@quartiersboard`);
  await page.locator("#f-slug").fill(after);
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Gespeichert.");

  // A resident opens the link shared before the rename, with a shortlist in it.
  const resident = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const phone = await resident.newPage();
  const moved = await phone.request.get(`/de/offers/${before}?list=${before}`, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  await phone.goto(`/de/offers/${before}?list=${before}`);
  await expect(phone).toHaveURL(new RegExp(`/de/offers/${after}\\?list=${before}$`));
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectAccessible(phone);
  await phone.goto(`/de/list?list=${before}`);
  await expect(phone.locator(".shortlist-item")).toHaveCount(1);
  await expect(phone.locator(".shortlist-item")).toContainText(title);
  // The subscribed calendar follows, and its events keep their UID.
  const feed = await phone.request.get(`/feeds/de/offers/${before}.ics`, { maxRedirects: 0 });
  expect(feed.status()).toBe(301);
  expect(feed.headers()["location"]).toBe(`/feeds/de/offers/${after}.ics`);
  const feedAfter = await phone.request.get(`/feeds/de/offers/${after}.ics`);
  expect(await feedAfter.text()).toContain(`UID:${uid}`);
  // An address no offer ever had stays "not found".
  expect((await phone.request.get(`/de/offers/nie-gab-es-${run}`, { maxRedirects: 0 })).status()).toBe(404);
  await resident.close();
});

test("a rule on the 31st of each month saves, and the form says that shorter months have no date", async ({ page }) => {
  const run = Date.now().toString(36);
  await signIn(page, ADMIN);
  await page.goto("/de/staff/offers/new");
  await page.locator("#f-texts-de-title").fill(`Monatsende-Treff ${run}`);
  await page.locator("#f-slug").fill(`monatsende-${run}`);
  await page.locator("#f-organisation").selectOption("lindenschule");
  await page.locator("#f-place").selectOption("lindenschule-welheim");
  await page.getByRole("checkbox", { name: "Welheim" }).check();
  await page.locator("#f-category").selectOption("meeting");
  await page.locator("#f-texts-de-description").fill("Ein Treffen am Monatsende.");
  await page.locator("#f-schedules-0-freq").selectOption("monthly_day");
  await page.locator("#f-schedules-0-start_date").fill(isoDate(new Date()));
  await page.locator("#f-schedules-0-start").fill("17:00");
  await page.locator("#f-schedules-0-end").fill("18:00");
  await page.locator("#f-schedules-0-day").fill("31");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Das Angebot ist angelegt (als Entwurf).");
  const note = page.locator(".form-warnings");
  await expect(note).toContainText("Bitte prüfen:");
  await expect(note.getByRole("listitem")).toHaveText("Termin-Regel 1 · Tag im Monat: Diesen Tag gibt es nicht in jedem Monat. In kürzeren Monaten fällt der Termin weg.");
  await expect(note.getByRole("link")).toHaveAttribute("href", "#f-schedules-0-day");
  await expectAccessible(page);
  // Still there when the offer is opened later; gone once the day fits every month.
  await page.reload();
  await expect(note).toBeVisible();
  await page.locator("#f-schedules-0-day").fill("28");
  await page.getByRole("button", { name: "Speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Gespeichert.");
  await expect(note).toHaveCount(0);
});
