import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ADMIN, PASSWORD } from "./tests/staff-helpers";
import { binary, LARGE_QUARTER } from "./tests/helpers";

/**
 * The first administrator is made the way an operator makes one: with the binary's
 * `create-admin` subcommand, against the database the test server uses (DATA_DIR).
 */
export default async function globalSetup() {
  const bin = binary();
  if (!process.env.DATA_DIR) throw new Error("DATA_DIR must name the test server's data directory");
  try {
    execFileSync(bin, ["create-admin", "--email", ADMIN, "--name", "Ada Admin"], {
      input: `${PASSWORD}\n`,
      env: { ...process.env, RUST_LOG: "warn" },
      stdio: ["pipe", "pipe", "pipe"],
    });
  } catch (e: any) {
    if (!String(e.stderr).includes("exists already")) throw e;
  }
  await loadLargeQuarter(bin);
}

/**
 * A quarter of 130 offers (more than 100: the page carries the first 50 cards, the filter island
 * fetches the other 80) (the demo city's published offers under titles of their own, with one
 * organisation and one place of its own), loaded with the binary's `load-document` like any city document.
 */
async function loadLargeQuarter(bin: string) {
  const addr = process.env.LEPTOS_SITE_ADDR ?? "127.0.0.1:3000";
  if ((await fetch(`http://${addr}/de/${LARGE_QUARTER}`)).status !== 404) return;
  const demo = JSON.parse(readFileSync(`${__dirname}/../src/demo/demo_city.json`, "utf8"));
  const place = { ...demo.places[0], slug: `${LARGE_QUARTER}-treff`, quarter: LARGE_QUARTER };
  const organisation = { ...demo.organisations[0], slug: `${LARGE_QUARTER}-verein` };
  const published = demo.offers.filter((o: any) => o.status === "published");
  const offers = Array.from({ length: 130 }, (_, i) => {
    const o = JSON.parse(JSON.stringify(published[i % published.length]));
    o.slug = `t${i}-${o.slug.slice(0, 40)}`;
    // Titles of their own: tests that find a demo offer by its title must not find these.
    o.title = `Testangebot ${i + 1}`;
    o.translations = {};
    o.quarters = [LARGE_QUARTER];
    o.place = place.slug;
    o.organisation = organisation.slug;
    for (const s of o.schedules ?? []) {
      if (s.place) s.place = place.slug;
      for (const e of s.exceptions ?? []) if (e.place) e.place = place.slug;
    }
    return o;
  });
  const quarter = { ...demo.quarters[0], slug: LARGE_QUARTER, name: "Testviertel", translations: {} };
  const file = join(mkdtempSync(join(tmpdir(), "qb-e2e-")), "large-quarter.json");
  writeFileSync(file, JSON.stringify({ quarters: [quarter], organisations: [organisation], places: [place], offers }));
  execFileSync(bin, ["load-document", file], { env: { ...process.env, RUST_LOG: "warn" }, stdio: ["ignore", "pipe", "pipe"] });
}
