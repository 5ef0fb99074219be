// The worker protocol: replies in order, events, and — above all — no request left waiting when
// the worker dies, whichever way it dies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { serve, Transfer, WorkerClient, WorkerFailure, type PageEnd, type WorkerEnd } from '../../web/src/wasm/worker-protocol.ts';

type Requests = {
  add: { request: { a: number; b: number }; reply: number };
  slow: { request: number; reply: number };
  buffer: { request: number; reply: Float64Array };
  explode: { request: null; reply: null };
};
type Events = { tick: number };

// A page end and a worker end joined by a MessageChannel; `errorOnPage` fires the page's `error`.
function pair(ready: Promise<unknown> = Promise.resolve()) {
  const { port1, port2 } = new MessageChannel();
  const pageListeners = new Map<string, ((event: Event) => void)[]>();
  const listen = (port: MessagePort) => (type: string, listener: (event: Event) => void) => {
    if (type === 'message') {
      port.addEventListener('message', listener as never);
      port.start();
    } else pageListeners.set(type, [...(pageListeners.get(type) ?? []), listener]);
  };
  const page: PageEnd = { postMessage: (m, t) => port1.postMessage(m, t as never), addEventListener: listen(port1) };
  const worker: WorkerEnd = { postMessage: (m, t) => port2.postMessage(m, t as never), addEventListener: listen(port2) };
  const fatal: string[] = [];
  const ticks: number[] = [];
  const client = new WorkerClient<Requests, Events>(page, { tick: (n) => ticks.push(n) }, (m) => fatal.push(m));
  const served = serve<Requests, Events>(worker, async (out) => (await ready, {
    add: ({ a, b }) => { out.emit('tick', a); return a + b; },
    slow: (ms) => new Promise((resolve) => setTimeout(() => resolve(ms), ms)),
    buffer: (n) => { const array = new Float64Array(n).fill(2); return new Transfer(array, [array.buffer]); },
    explode: () => { throw new Error('boom'); },
  }));
  const errorOnPage = (message: string) =>
    pageListeners.get('error')?.forEach((l) => l(Object.assign(new Event('error'), { message })));
  const close = () => { port1.close(); port2.close(); };
  return { client, served, fatal, ticks, errorOnPage, close };
}

test('replies come back to their requests, events to their handlers', async () => {
  const { client, ticks, close } = pair();
  const [x, y] = await Promise.all([client.request('add', { a: 2, b: 3 }), client.request('add', { a: 10, b: -4 })]);
  assert.equal(x, 5);
  assert.equal(y, 6);
  assert.deepEqual(ticks, [2, 10]);
  const array = await client.request('buffer', 3);
  assert.deepEqual(Array.from(array), [2, 2, 2]);
  close();
});

test('a handler that throws rejects every waiting request and is reported once', async () => {
  const { client, fatal, close } = pair();
  const waiting = client.request('slow', 50);
  const exploding = client.request('explode', null);
  const after = client.request('add', { a: 1, b: 1 });  // queued behind the explosion
  await assert.rejects(exploding, WorkerFailure);
  await assert.rejects(after, WorkerFailure);
  assert.equal(await waiting, 50);  // answered before the explosion, in order
  await assert.rejects(client.request('add', { a: 1, b: 1 }), /boom/);  // later requests fail at once
  assert.deepEqual(fatal, ['boom']);
  assert.equal(client.dead, true);
  close();
});

test('a module that fails to load rejects the requests waiting for it', async () => {
  const { client, fatal, close } = pair(Promise.reject(new Error('wasm did not load')));
  await assert.rejects(client.request('add', { a: 1, b: 2 }), /wasm did not load/);
  assert.deepEqual(fatal, ['wasm did not load']);
  close();
});

test('an error event on the worker rejects what is waiting', async () => {
  const { client, fatal, errorOnPage, close } = pair();
  const waiting = client.request('slow', 200);
  errorOnPage('Uncaught RuntimeError: unreachable');
  await assert.rejects(waiting, /unreachable/);
  assert.deepEqual(fatal, ['Uncaught RuntimeError: unreachable']);
  close();
});

test('the worker can declare itself dead', async () => {
  const { client, served, fatal, close } = pair();
  const waiting = client.request('slow', 100);
  served.fail('out of memory');
  await assert.rejects(waiting, /out of memory/);
  assert.deepEqual(fatal, ['out of memory']);
  close();
});
