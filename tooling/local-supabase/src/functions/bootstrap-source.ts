// The Deno-side entry of every function worker, written to the worker's private folder at start
// (outside the repository, so Deno discovers no package.json or deno.json on its own).
// It makes the function's own `Deno.serve(...)` listen on the worker's unix socket instead of a
// port, then imports the function. A function that exports `default { fetch }` is served too.

/** Printed on stdout once the socket listens; the supervisor strips it from the function's logs. */
export const READY_MARKER = '\u0001local-supabase:ready';

export const BOOTSTRAP_SOURCE = `
const [socketPath, entryUrl] = Deno.args;
const realServe = Deno.serve.bind(Deno);
const encoder = new TextEncoder();
let serving = false;

function announceReady() {
  Deno.stdout.writeSync(encoder.encode(${JSON.stringify(READY_MARKER + '\n')}));
}

Deno.serve = function serveOnWorkerSocket(first, second) {
  if (serving) throw new Error('Deno.serve() may be called only once per edge function');
  serving = true;
  const handler = typeof first === 'function' ? first : (second ?? first?.handler);
  const options = typeof first === 'function' ? {} : { ...first };
  delete options.port;
  delete options.hostname;
  delete options.handler;
  delete options.cert;
  delete options.key;
  const userOnListen = options.onListen;
  return realServe(
    {
      ...options,
      path: socketPath,
      onListen(addr) {
        announceReady();
        if (typeof userOnListen === 'function') userOnListen(addr);
      },
    },
    handler,
  );
};

const mod = await import(entryUrl);
if (!serving && typeof mod.default?.fetch === 'function') {
  Deno.serve((request, info) => mod.default.fetch(request, info));
}
if (!serving) {
  console.error('edge function did not call Deno.serve() and has no default export with fetch()');
  Deno.exit(70);
}
`;
