// One protocol for every worker: the page sends named requests and gets a promise of each reply;
// the worker pushes named events (training states) in between. A worker that fails — its wasm does
// not load, a handler throws, it fires `error` or `messageerror` — is dead: every request still
// waiting is rejected with a WorkerFailure, later ones at once, and the page is told once.

// The requests a worker answers: name → what goes in, what comes back.
export type RequestMap = Record<string, { request: unknown; reply: unknown }>;
// The events a worker pushes: name → payload.
export type EventMap = Record<string, unknown>;

// What travels. Every request gets exactly one reply; `fatal` ends the worker's usefulness.
export type PageMessage = { id: number; name: string; payload: unknown };
export type WorkerMessage =
  | { kind: 'reply'; id: number; value: unknown }
  | { kind: 'event'; name: string; payload: unknown }
  | { kind: 'fatal'; message: string };

// The ends a message channel needs: a Worker and a worker's global scope, or a MessagePort in tests.
export interface PageEnd {
  postMessage(message: PageMessage, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (event: Event) => void): void;
}
export interface WorkerEnd {
  postMessage(message: WorkerMessage, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: Event) => void): void;
}

export class WorkerFailure extends Error {
  override readonly name = 'WorkerFailure';
}

type EventHandlers<E extends EventMap> = { [K in keyof E]: (payload: E[K]) => void };

export class WorkerClient<R extends RequestMap, E extends EventMap> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private failure: WorkerFailure | null = null;

  // onFatal is called once, with what went wrong, when the worker dies.
  constructor(private readonly end: PageEnd, private readonly events: EventHandlers<E>,
    private readonly onFatal: (message: string) => void) {
    end.addEventListener('message', (event) => this.receive((event as MessageEvent<WorkerMessage>).data));
    end.addEventListener('messageerror', () => this.fail('messageerror'));
    end.addEventListener('error', (event) => {
      event.preventDefault?.();  // reported on the page instead of as an uncaught error
      this.fail((event as ErrorEvent).message || 'error');
    });
  }

  get dead(): boolean {
    return this.failure !== null;
  }

  request<K extends keyof R & string>(name: K, payload: R[K]['request'], transfer: Transferable[] = []): Promise<R[K]['reply']> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        this.end.postMessage({ id, name, payload }, transfer);
      } catch (error) {  // a value that cannot be cloned
        this.pending.delete(id);
        reject(error);
      }
    });
  }

  // A request whose reply nobody waits for (run, pause, …): a failure still reaches onFatal.
  send<K extends keyof R & string>(name: K, payload: R[K]['request'], transfer: Transferable[] = []): void {
    this.request(name, payload, transfer).catch(() => undefined);
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'reply') {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      waiting?.resolve(message.value);
    } else if (message.kind === 'event') {
      if (!this.failure) this.events[message.name as keyof E]?.(message.payload as E[keyof E]);
    } else {
      this.fail(message.message);
    }
  }

  private fail(message: string): void {
    if (this.failure) return;
    this.failure = new WorkerFailure(message);
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
    this.onFatal(message);
  }
}

// A reply that hands its buffers over instead of copying them.
export class Transfer<T> {
  constructor(readonly value: T, readonly transfer: Transferable[]) {}
}

export type Handlers<R extends RequestMap> = {
  [K in keyof R]: (payload: R[K]['request']) => R[K]['reply'] | Transfer<R[K]['reply']>
    | Promise<R[K]['reply'] | Transfer<R[K]['reply']>>;
};

export interface Served<E extends EventMap> {
  emit<K extends keyof E & string>(name: K, payload: E[K], transfer?: Transferable[]): void;
  fail(message: string): void;  // the worker cannot go on: the page is told, its requests rejected
}

// The worker's side: `load` builds the handlers once (after the wasm module has loaded); requests
// are handled one at a time in the order sent. A failed load or a handler that throws is reported
// as fatal, never swallowed.
export function serve<R extends RequestMap, E extends EventMap>(scope: WorkerEnd,
  load: (served: Served<E>) => Promise<Handlers<R>>): Served<E> {
  let dead = false;
  const post = (message: WorkerMessage, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
  const served: Served<E> = {
    emit: (name, payload, transfer = []) => { if (!dead) post({ kind: 'event', name, payload }, transfer); },
    fail: (message) => {
      if (dead) return;
      dead = true;
      post({ kind: 'fatal', message });
    },
  };
  const loaded = load(served);
  let queue: Promise<unknown> = loaded.catch((error: unknown) => served.fail(describe(error)));
  scope.addEventListener('message', (event) => {
    const { id, name, payload } = (event as MessageEvent<PageMessage>).data;
    queue = queue.then(async () => {
      if (dead) return;
      const handler = (await loaded)[name as keyof R];
      if (!handler) throw new Error(`unknown request ${name}`);
      const result = await handler(payload as R[keyof R]['request']);
      if (result instanceof Transfer) post({ kind: 'reply', id, value: result.value }, result.transfer);
      else post({ kind: 'reply', id, value: result });
    }).catch((error: unknown) => served.fail(describe(error)));
  });
  return served;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message || error.name : String(error);
}
