/**
 * The load generator, in its own process (forked by bench/peer.ts with an IPC channel): for each
 * message { id, url, headers, body, expectBody, connections, durationMs } it runs autocannon (closed
 * loop, keep-alive, one request in flight per connection) and answers { id, result }. Latencies in ms.
 */
const autocannon = require('autocannon');

process.on('message', (job) => {
  autocannon(
    {
      url: job.url,
      method: 'POST',
      headers: job.headers,
      body: job.body,
      expectBody: job.expectBody,
      connections: job.connections,
      pipelining: 1,
      duration: job.durationMs / 1000,
      timeout: 30,
    },
    (err, r) => {
      if (err) return process.send({ id: job.id, error: String(err && err.message ? err.message : err) });
      process.send({
        id: job.id,
        result: {
          requests: r.requests.total,
          seconds: r.duration,
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors,
          timeouts: r.timeouts,
          non2xx: r.non2xx,
          mismatches: r.mismatches,
        },
      });
    },
  );
});
process.send({ ready: true });
