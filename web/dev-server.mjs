// For development without the motcua binary serving web/dist: rebuilds on every change (build.mjs --watch),
// serves dist/ on loopback, and passes /api/ to a running `motcua serve`, so that the browser sees one origin.
//   MOTCUA_API=http://127.0.0.1:8099 PORT=5173 npm run dev
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize } from 'node:path';

const api = new URL(process.env.MOTCUA_API ?? 'http://127.0.0.1:8080');
const port = Number(process.env.PORT ?? 5173);
const dist = new URL('./dist/', import.meta.url).pathname;
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

const watcher = spawn(process.execPath, ['build.mjs', '--watch'], { stdio: 'inherit', cwd: new URL('.', import.meta.url).pathname });
// The watcher goes with the server.
process.on('exit', () => watcher.kill());
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));

function proxy(request, response) {
  const upstream = http.request(
    { host: api.hostname, port: api.port, method: request.method, path: request.url, headers: { ...request.headers, host: api.host } },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on('error', () => {
    response.writeHead(502, { 'Content-Type': 'application/json' });
    response.end(
      JSON.stringify({ error: { code: 'unavailable', message: 'motcua không chạy', message_en: 'motcua is not running', field: '' } }),
    );
  });
  request.pipe(upstream);
}

http
  .createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path.startsWith('/api/') || path === '/healthz') return proxy(request, response);
    const file = normalize(join(dist, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dist)) return response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  })
  .listen(port, '127.0.0.1', () => console.log(`http://127.0.0.1:${port}/ → dist/, /api/ → ${api.origin}`));
