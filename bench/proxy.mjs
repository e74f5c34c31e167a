// A minimal round-robin HTTP proxy (no dependencies) for the two-instance benchmark:
// node proxy.mjs LISTEN_PORT UPSTREAM_PORT [UPSTREAM_PORT...]
import http from "node:http";

const [listen, ...upstreams] = process.argv.slice(2).map(Number);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
let next = 0;
http
  .createServer((req, res) => {
    const port = upstreams[next++ % upstreams.length];
    const up = http.request(
      { host: "127.0.0.1", port, path: req.url, method: req.method, headers: req.headers, agent },
      (r) => {
        res.writeHead(r.statusCode, r.headers);
        r.pipe(res);
      },
    );
    up.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  })
  .listen(listen, "127.0.0.1");
