// A lean HTTP client for the benchmarks' load: node:http over kept-alive sockets. The load runs
// on the same cores as the stack, and Node's fetch (undici) spent about 0.8 ms of CPU per
// request there — a quarter of the gateway process's time — which is the client's cost, not the
// system's under test.
import { Agent, request } from 'node:http';

export interface HttpAnswer {
  status: number;
  text: string;
}

/** Sends requests to one origin over at most `sockets` kept-alive connections. */
export function createHttpClient(origin: string, sockets: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const { hostname, port } = new URL(origin);
  return {
    send(
      method: string,
      path: string,
      headers: Record<string, string>,
      body?: string,
    ): Promise<HttpAnswer> {
      return new Promise((resolve, reject) => {
        const outgoing = request(
          {
            agent,
            hostname,
            port,
            method,
            path,
            headers:
              body === undefined
                ? headers
                : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          },
          (incoming) => {
            const chunks: Buffer[] = [];
            incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
            incoming.on('end', () =>
              resolve({
                status: incoming.statusCode ?? 0,
                text: Buffer.concat(chunks).toString('utf8'),
              }),
            );
            incoming.on('error', reject);
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    },
    close(): void {
      agent.destroy();
    },
  };
}
