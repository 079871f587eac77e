/**
 * The bare-HTTP baseline of `npm run bench`: one Fastify process (the version the gateway uses,
 * no logger, no hooks, no NestJS, no auth, no validation) answering POST /v1/checkouts with a
 * small JSON body of the checkout response's shape. k6 sends it the peak-hour scenario's
 * requests at the same arrival rates, so the difference to the real checkout is everything the
 * platform does beyond parsing JSON and answering over HTTP on this machine.
 *
 *   node -r @swc-node/register load-tests/bench/bare-fastify.ts --port 18099
 */
import Fastify from 'fastify';

const i = process.argv.indexOf('--port');
const port = i > 0 ? Number(process.argv[i + 1]) : 18099;

const app = Fastify({ logger: false });
app.post('/v1/checkouts', async (req, reply) => {
  const body = req.body as { transactionId?: unknown; amount?: unknown };
  const amount = typeof body.amount === 'number' ? body.amount : 0;
  void reply.code(201);
  return {
    transactionId: typeof body.transactionId === 'string' ? body.transactionId : '',
    memberId: '00000000-0000-4000-8000-000000000000',
    pointsEarned: Math.floor(amount / 10_000),
    pointsRedeemed: 0,
    pending: false,
    balance: { available: 0, pending: 0 },
  };
});

// Leave with the bench if it dies (it also spawns us with a parent-death signal where it can).
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(0);
}, 1000).unref();
for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => void app.close().then(() => process.exit(0)));

app.listen({ port, host: '127.0.0.1' }).then(
  () => process.stdout.write(`bare fastify listening on ${port}\n`),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
