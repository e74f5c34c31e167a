import { execFileSync } from "node:child_process";
import { ADMIN, PASSWORD } from "./tests/staff-helpers";
import { binary } from "./tests/helpers";

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
}
