// The phone page's service worker (scope /driver/): the page itself and its hashed assets are
// kept in a cache, so the page opens in a dead zone. The API is never cached here: tasks are
// kept in IndexedDB by the page, and marks wait in its outbox.
const CACHE = 'marshrut-driver-v1';
const SHELL = ['/driver', '/driver/manifest.webmanifest', '/driver/icon.svg'];
// The few worker types used, declared here: the page's type check runs with the DOM library,
// which can't be mixed with the WebWorker one in one program.
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(r: Promise<Response> | Response): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', fn: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: FetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}
const sw = self as unknown as WorkerScope;

sw.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => sw.skipWaiting()));
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== sw.location.origin || !url.pathname.startsWith('/driver')) return;
  if (url.pathname.startsWith('/driver/assets/')) {
    // Hashed names never change: the cache answers first.
    event.respondWith(
      caches.match(event.request).then(
        (hit) =>
          hit ??
          fetch(event.request).then((res) => {
            if (res.ok) void caches.open(CACHE).then((c) => c.put(event.request, res.clone()));
            return res;
          }),
      ),
    );
    return;
  }
  // The page: the network first (a new version), the cache when there is none. The fragment
  // (a sign-in link) is never part of a request, so nothing secret is cached.
  const key = url.pathname === '/driver/' ? '/driver' : url.pathname;
  event.respondWith(
    fetch(event.request)
      .then((res) => {
        if (res.ok) void caches.open(CACHE).then((c) => c.put(key, res.clone()));
        return res;
      })
      .catch(() => caches.match(key).then((hit) => hit ?? Response.error())),
  );
});
