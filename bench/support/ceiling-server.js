// The ceiling for the page benchmark (bench/pages.ts): a bare Fastify app serving, from memory, the very bytes the
// service answered for each page. Nothing can serve those pages faster on this machine with this HTTP stack.
// BENCH_CEILING_PAGES names a JSON file of { "/path": "file with the page's HTML" }; the address goes to stdout.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const pages = JSON.parse(readFileSync(process.env.BENCH_CEILING_PAGES ?? '', 'utf8'));
const app = Fastify();
for (const [path, file] of Object.entries(pages)) {
  const body = readFileSync(file);
  app.get(path, async (_request, reply) => reply.type('text/html; charset=utf-8').send(body));
}
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`Ceiling is running at http://127.0.0.1:${typeof address === 'object' && address ? address.port : ''}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
