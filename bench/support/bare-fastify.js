// The floor for the service's start-up (bench/startup.ts): a Fastify app with nothing but GET /health, started the
// way `tracker serve` starts (PORT and HOST from the environment, the address on standard output).
import Fastify from 'fastify';

const app = Fastify();
app.get('/health', async () => ({ status: 'ok' }));
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
const address = app.server.address();
process.stdout.write(`Bare Fastify is running at http://127.0.0.1:${typeof address === 'object' && address ? address.port : ''}\n`);
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
