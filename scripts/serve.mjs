// A small static file server for dist/: used by `npm start`, and by the e2e tests to serve the
// app under a sub-path (as a school's web server or an LMS would).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json', '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
  '.woff': 'font/woff', '.ttf': 'font/ttf', '.csv': 'text/csv; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

// Serves dir at http://host:port/prefix; port 0 picks a free port, a busy port tries the next one.
export async function serveStatic(dir, { port = 0, host = '127.0.0.1', prefix = '/' } = {}) {
  const base = prefix.endsWith('/') ? prefix : prefix + '/';
  const root = normalize(dir);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(base)) return send(res, 404, 'Not found');
    let file = normalize(join(root, path.slice(base.length)));
    if (file !== root && !file.startsWith(root + sep)) return send(res, 403, 'Forbidden');
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      send(res, 404, 'Not found');
    }
  });
  const actualPort = await listen(server, port, host);
  return {
    url: `http://${host}:${actualPort}${base}`,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

function send(res, code, text) {
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function listen(server, port, host, attemptsLeft = 20) {
  return new Promise((resolve, reject) => {
    server.once('error', (err) => {
      if (err.code === 'EADDRINUSE' && port !== 0 && attemptsLeft > 0)
        resolve(listen(server, port + 1, host, attemptsLeft - 1));
      else reject(err);
    });
    server.listen(port, host, () => resolve(server.address().port));
  });
}
