import { test, expect, type Page } from "@playwright/test";
import { expectAccessible, watchConsole } from "./helpers";
import { ADMIN, DESK, acceptInvite, createWeeklyOffer, invite, signIn, staffContext, weekFromNow } from "./staff-helpers";

test.use(DESK);

/** Opens the Welheim plan of the week `weeks` from now and waits for the editor. */
async function openPlan(page: Page, weeks: number) {
  await page.goto(`/de/staff/plan?quarter=welheim&week=${weekFromNow(weeks)}`);
  await expect(page.locator(".plan-editor[data-ready='1']")).toBeAttached({ timeout: 15000 });
}

function block(page: Page, title: string) {
  return page.locator(".plan-block", { hasText: title }).first();
}

/** Drags a block by its top edge onto the grid cell of `day` (0 = Monday) and minute of day. */
async function drag(page: Page, title: string, day: number, minute: number) {
  const source = block(page, title).locator(".plan-move");
  const target = page.locator(`.plan-cell[data-day="${day}"][data-min="${minute}"]`);
  // Forced: the target cell may lie under another block; the editor finds the cell under the pointer.
  await source.dragTo(target, { sourcePosition: { x: 8, y: 2 }, force: true });
}

/** The public week plan of Welheim for the week `weeks` from now: day heading → entry text. */
async function publicEntry(page: Page, weeks: number, title: string): Promise<string | null> {
  await page.goto(`/de/welheim/week/${weekFromNow(weeks)}`);
  const entry = page.locator(".week-days:not(.typical) li.day", { has: page.getByRole("link", { name: title }) });
  if ((await entry.count()) === 0) return null;
  // Today's heading starts with "Heute" before the weekday.
  const day = (await entry.locator("h3").textContent())!.replace(/^Heute\s*/, "").split(" ")[0];
  const time = (await entry.locator("li.entry", { hasText: title }).locator(".entry-time").textContent())!.trim();
  return `${day} ${time.replace(/ Uhr$/, "")}`;
}

test("dragging a block with the mouse from Tuesday 15:00 to Thursday 16:30 changes the rule from then on", async ({ page }) => {
  const console = watchConsole(page);
  const title = `Lernwerkstatt ${Date.now().toString(36)}`;
  await signIn(page, ADMIN);
  await createWeeklyOffer(page, { title, slug: `lernwerkstatt-${Date.now().toString(36)}`, organisation: "lindenschule", place: "lindenschule-welheim", weekday: 2, start: "15:00", end: "16:30" });
  await openPlan(page, 1);
  await expectAccessible(page);
  await drag(page, title, 3, 16 * 60 + 30);
  await expect(page.locator(".plan-editor .notice.ok")).toHaveText("Gespeichert.");
  await expect(page.getByTestId("plan-live")).toHaveText(`${title} verschoben auf Donnerstag 16:30.`);
  await page.reload();
  await expect(page.locator(".plan-editor[data-ready='1']")).toBeAttached();
  await expect(block(page, title).locator(".plan-move")).toHaveAccessibleName(new RegExp(`^Donnerstag 16:30–18:00 ${title} ?, Lindenschule mit Turnhalle$`));
  expect(await publicEntry(page, 1, title)).toBe("Donnerstag 16:30–18:00");
  expect(await publicEntry(page, 2, title)).toBe("Donnerstag 16:30–18:00");
  expect(await publicEntry(page, 0, title)).toBe("Dienstag 15:00–16:30");
  // The audit log records who changed it in the plan.
  await page.goto("/de/staff?q=" + encodeURIComponent(title));
  const edit = await page.locator("tr a[href*='/staff/offers/']").first().getAttribute("href");
  await page.goto(`${edit}/audit`);
  await expect(page.locator("table.audit tbody tr").first()).toContainText("im Wochenplan geändert");
  await expect(page.locator("table.audit tbody tr").first()).toContainText(ADMIN);
  console.check();
});

test("the same move with the keyboard only, announced in the live region", async ({ page }) => {
  const title = `Tastatur-Treff ${Date.now().toString(36)}`;
  await signIn(page, ADMIN);
  await createWeeklyOffer(page, { title, slug: `tastatur-${Date.now().toString(36)}`, organisation: "lindenschule", place: "quartiersbuero-welheim", weekday: 2, start: "15:00", end: "16:30" });
  await openPlan(page, 1);
  const button = block(page, title).locator(".plan-move");
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("plan-live")).toContainText(`${title} ist aufgenommen.`);
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("plan-live")).toHaveText("Donnerstag 16:30 bis 18:00");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("plan-live")).toHaveText(`${title} verschoben auf Donnerstag 16:30.`);
  await expect(page.locator(".plan-editor .notice.ok")).toHaveText("Gespeichert.");
  expect(await publicEntry(page, 1, title)).toBe("Donnerstag 16:30–18:15");
});

test("'this week only' changes that week and leaves the regular time the week after", async ({ page }) => {
  const title = `Einmal anders ${Date.now().toString(36)}`;
  await signIn(page, ADMIN);
  await createWeeklyOffer(page, { title, slug: `einmal-${Date.now().toString(36)}`, organisation: "lindenschule", place: "sportplatz-welheim", weekday: 2, start: "15:00", end: "16:30" });
  await openPlan(page, 1);
  await page.getByLabel("nur in dieser Woche").check();
  await drag(page, title, 3, 19 * 60);
  await expect(page.locator(".plan-editor .notice.ok")).toHaveText("Gespeichert.");
  expect(await publicEntry(page, 1, title)).toBe("Donnerstag 19:00–20:30");
  expect(await publicEntry(page, 2, title)).toBe("Dienstag 15:00–16:30");
});

test("two editors move the same block: the second gets the conflict message and the first change survives", async ({ browser }) => {
  const title = `Gleichzeitig ${Date.now().toString(36)}`;
  const [c1, first] = await staffContext(browser, ADMIN);
  await createWeeklyOffer(first, { title, slug: `gleichzeitig-${Date.now().toString(36)}`, organisation: "lindenschule", place: "gemeindehaus-st-barbara", weekday: 2, start: "15:00", end: "16:30" });
  const [c2, second] = await staffContext(browser, ADMIN);
  await openPlan(first, 1);
  await openPlan(second, 1);
  await drag(first, title, 3, 16 * 60 + 30);
  await expect(first.locator(".plan-editor .notice.ok")).toHaveText("Gespeichert.");
  await drag(second, title, 4, 10 * 60);
  await expect(second.locator(".plan-editor .notice.problem")).toContainText("Jemand anderes hat dieses Angebot inzwischen geändert");
  await expect(block(second, title).locator(".plan-move")).toHaveAccessibleName(new RegExp(`^Donnerstag 16:30`));
  expect(await publicEntry(second, 1, title)).toBe("Donnerstag 16:30–18:00");
  await c1.close();
  await c2.close();
});

test("an organisation editor cannot drag another organisation's block, and the server refuses a forged save", async ({ browser, page }) => {
  const run = Date.now().toString(36);
  const own = `Eigenes ${run}`;
  await signIn(page, ADMIN);
  await createWeeklyOffer(page, { title: own, slug: `eigenes-${run}`, organisation: "familienzentrum-sonnenblume", place: "buecherzelle-welheim", weekday: 2, start: "15:00", end: "16:30" });
  const foreign = `Fremdes ${run}`;
  await createWeeklyOffer(page, { title: foreign, slug: `fremdes-${run}`, organisation: "lindenschule", place: "kita-sonnenblume", weekday: 3, start: "10:00", end: "11:00" });
  const email = `plan-${run}@example.de`;
  const link = await invite(page, email, "editor", "familienzentrum-sonnenblume");
  const [context, editor] = await acceptInvite(browser, link, email, "Eda Editor");
  await openPlan(editor, 1);
  const locked = block(editor, foreign);
  await expect(locked).toHaveClass(/locked/);
  await expect(locked.locator(".plan-move")).toHaveAttribute("aria-disabled", "true");
  await drag(editor, foreign, 5, 12 * 60);
  await expect(locked.locator(".plan-move")).toHaveAccessibleName(new RegExp("^Mittwoch 10:00"));
  // A legitimate save shows the server function's address; a forged one for the other offer is refused.
  const saving = editor.waitForRequest((r) => r.url().includes("/api/save_plan"));
  await drag(editor, own, 3, 15 * 60);
  const request = await saving;
  await expect(editor.locator(".plan-editor .notice.ok")).toHaveText("Gespeichert.");
  const payload = JSON.parse(request.postData()!);
  const foreignId = Number(await locked.getAttribute("data-offer"));
  const forged = await editor.request.post(request.url(), {
    data: { ...payload, id: foreignId, version: 1 },
    headers: { "content-type": "application/json" },
  });
  expect(await forged.json()).toBe("Forbidden");
  expect(await publicEntry(editor, 1, foreign)).toBe("Mittwoch 10:00–11:00");
  await context.close();
});

test("an overlap in the same place needs confirmation; undo and redo; leaving asks first", async ({ page }) => {
  const run = Date.now().toString(36);
  const a = `Turnen A ${run}`;
  const b = `Turnen B ${run}`;
  await signIn(page, ADMIN);
  for (const [title, weekday] of [[a, 1], [b, 3]] as const) {
    await createWeeklyOffer(page, { title, slug: `turnen-${weekday}-${run}`, organisation: "tv-welheim", place: "sportplatz-welheim", weekday, start: "10:00", end: "11:00" });
  }
  await openPlan(page, 3);
  await drag(page, b, 0, 10 * 60 + 30);
  const pending = page.locator(".plan-pending");
  await expect(pending).toContainText(a);
  await expect(pending).toContainText(b);
  await expect(pending).toContainText("überschneiden sich am Montag um 10:30 im Ort Sportplatz Welheim");
  await expect(block(page, b)).toHaveClass(/conflict/);
  // Not saved yet: leaving the page would ask first (the editor cancels "beforeunload").
  const leaving = () =>
    page.evaluate(() => {
      const ev = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(ev);
      return ev.defaultPrevented;
    });
  expect(await leaving()).toBe(true);
  await page.getByRole("button", { name: "Trotzdem speichern" }).click();
  await expect(page.locator(".plan-editor .notice.ok")).toHaveText("Gespeichert.");
  expect(await leaving()).toBe(false);
  await expect(page.locator(".plan-conflicts li", { hasText: a })).toContainText("überschneiden sich am Montag um 10:30");
  await page.getByRole("button", { name: "Rückgängig" }).click();
  await expect(page.locator(".plan-editor .notice.ok")).toHaveText("Gespeichert.");
  await expect(block(page, b).locator(".plan-move")).toHaveAccessibleName(new RegExp("^Mittwoch 10:00"));
  await page.getByRole("button", { name: "Wiederholen" }).click();
  await expect(block(page, b).locator(".plan-move")).toHaveAccessibleName(new RegExp("^Montag 10:30"));
  expect(await publicEntry(page, 3, b)).toBe("Montag 10:30–11:30");
});
