// Service worker of the kiosk screens only (registered by /kiosk/ pages, never by public pages).
// The kiosk page and the files it needs are fetched from the network first and kept, so a screen
// that restarts while the server or network is away shows its last page instead of an error page.
// The screen's data requests (/kiosk/<quarter>/data) pass through untouched: the screen itself
// notices failures, says since when it is offline and catches up.
// The page puts itself and its files in the same cache (src/ui/kiosk_screen/browser.rs).
const CACHE = "quartiersboard-kiosk-1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith("/data")) return;
  const kept = ["/kiosk/", "/pkg/", "/v/", "/assets/", "/styles/", "/media/"].some((prefix) => url.pathname.startsWith(prefix));
  if (!kept) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreVary: true }).then((kept) => kept || Response.error())),
  );
});
