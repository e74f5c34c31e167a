import { defineConfig } from "@playwright/test";

// The server is started by `cargo leptos end-to-end` (see .ci/test) on LEPTOS_SITE_ADDR.
const addr = process.env.LEPTOS_SITE_ADDR ?? "127.0.0.1:3000";

export default defineConfig({
  testDir: "./tests",
  globalSetup: "./global-setup.ts",
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: `http://${addr}`,
    // Headless Chromium would send en-US; residents here mostly browse in German.
    locale: "de-DE",
    // Residents use cheap phones: every test runs at a small phone's size.
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
