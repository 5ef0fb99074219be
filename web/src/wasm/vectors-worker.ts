// The Ordvektorer worker: owns the word vectors in wasm, so that loading 40 000 words and searching
// them never holds up the page. Loads the default vectors or a file (gunzipped here), then answers
// questions through QueryEngine.
import type { Vectors, Word2VecCoreModule } from '@wasm/word2vec_core.mjs';
import { loadWord2VecCore } from './word2vec-loader.ts';
import { QueryEngine } from '../vectors/query-engine.ts';
import type { FromVectorsWorker, LoadProblem, ToVectorsWorker, VectorsInfo } from './vectors-protocol.ts';

import { MAX_FILE_BYTES } from '../vectors/limits.ts';

const post = (message: FromVectorsWorker) => (self as unknown as Worker).postMessage(message);

let core: Word2VecCoreModule | null = null;
let vectors: Vectors | null = null;
let info: VectorsInfo | null = null;
let engine: QueryEngine | null = null;

const ready = loadWord2VecCore().then((module) => {
  core = module;
  vectors = new module.Vectors();
}).catch((error: unknown) => {
  post({ id: -1, type: 'fatal', message: String(error) });
  throw error;
});

let queue: Promise<void> = ready;
self.onmessage = (event: MessageEvent<ToVectorsWorker>) => {
  queue = queue.then(() => handle(event.data)).catch((error: unknown) => post({ id: -1, type: 'fatal', message: String(error) }));
};

async function handle(message: ToVectorsWorker): Promise<void> {
  if (!core || !vectors) return;
  switch (message.type) {
    case 'load-default': {
      const bytes = await fetchBytes(message.url);
      if (!bytes) return fail(message.id, { kind: 'fetch_failed', line: -1, vector: -1 });
      return load(message.id, bytes, { source: 'default', name: '', size: 0, dim: 0 });
    }
    case 'load-file': {
      const bytes = await gunzipIfNeeded(new Uint8Array(message.bytes));
      if (bytes === 'broken') return fail(message.id, { kind: 'gzip_broken', line: -1, vector: -1 });
      if (bytes === 'too_large') return fail(message.id, { kind: 'file_too_large', line: -1, vector: -1 });
      return load(message.id, bytes, { source: 'own', name: message.name, size: 0, dim: 0 });
    }
    case 'query':
      if (!engine) return;
      post({ id: message.id, type: 'answer', answer: engine.answer(message.query) });
      return;
  }
}

function load(id: number, bytes: Uint8Array, next: VectorsInfo): void {
  const result = vectors!.load(bytes);
  if (!result.ok) return fail(id, { kind: result.status, line: result.line, vector: result.vector });
  const words = vectors!.words();
  info = { ...next, size: vectors!.size(), dim: vectors!.dim() };
  engine = new QueryEngine(vectors!, words.split('\n').slice(0, -1));
  post({ id, type: 'loaded', info, words });
}

function fail(id: number, problem: LoadProblem): void {
  post({ id, type: 'load-failed', problem, info });  // info: the vectors still in use
}

async function fetchBytes(url: string): Promise<Uint8Array | null> {
  try {
    const response = await fetch(url);
    return response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

// A .gz file (by its magic bytes, whatever its name) is unpacked with the browser's own gunzip.
async function gunzipIfNeeded(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array | 'broken' | 'too_large'> {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes.length > MAX_FILE_BYTES ? 'too_large' : bytes;
  try {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    const reader = stream.getReader();
    const parts: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_FILE_BYTES) {
        await reader.cancel();
        return 'too_large';
      }
      parts.push(value);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  } catch {
    return 'broken';
  }
}
