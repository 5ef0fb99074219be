// The Ordvektorer worker: owns the word vectors in wasm, so that loading 40 000 words and searching
// them never holds up the page. Loads the default vectors or a file (gunzipped here), then answers
// questions through QueryEngine.
import type { Vectors } from '@wasm/word2vec_core.mjs';
import { loadWord2VecCore } from './word2vec-loader.ts';
import { QueryEngine } from '../models/query-engine.ts';
import { MAX_FILE_BYTES } from '../models/vector-limits.ts';
import type { LoadProblem, LoadReply, QueryAnswer, VectorQuery, VectorsInfo, VectorsRequests } from './vectors-protocol.ts';
import { serve, type WorkerEnd } from './worker-protocol.ts';

// The vectors in use and the questions' engine over them; a refused load leaves both as they were.
class VectorsHolder {
  private info: VectorsInfo | null = null;
  private engine: QueryEngine | null = null;

  constructor(private readonly vectors: Vectors) {}

  async loadDefault(url: string): Promise<LoadReply> {
    const bytes = await fetchBytes(url);
    if (!bytes) return this.fail({ kind: 'fetch_failed', line: -1, vector: -1 });
    return this.load(bytes, { source: 'default', name: '', size: 0, dim: 0 });
  }

  async loadFile(name: string, file: Blob): Promise<LoadReply> {
    const bytes = await gunzipIfNeeded(new Uint8Array(await file.arrayBuffer()));
    if (bytes === 'broken') return this.fail({ kind: 'gzip_broken', line: -1, vector: -1 });
    if (bytes === 'too_large') return this.fail({ kind: 'file_too_large', line: -1, vector: -1 });
    return this.load(bytes, { source: 'own', name, size: 0, dim: 0 });
  }

  answer(query: VectorQuery): QueryAnswer {
    // No vectors yet (the default ones did not load, and the page said so): nothing to answer.
    if (!this.engine) return { unknown: [], matches: [], similarity: null, odd: null, plot: null, milliseconds: 0 };
    return this.engine.answer(query);
  }

  private load(bytes: Uint8Array, next: VectorsInfo): LoadReply {
    const result = this.vectors.load(bytes);
    if (!result.ok) return this.fail({ kind: result.status, line: result.line, vector: result.vector });
    const words = this.vectors.words();
    this.info = { ...next, size: this.vectors.size(), dim: this.vectors.dim() };
    this.engine = new QueryEngine(this.vectors, words.split('\n').slice(0, -1));
    return { type: 'loaded', info: this.info, words };
  }

  private fail(problem: LoadProblem): LoadReply {
    return { type: 'load-failed', problem, info: this.info };
  }
}

serve<VectorsRequests, Record<never, never>>(self as unknown as WorkerEnd, async () => {
  const core = await loadWord2VecCore();
  const holder = new VectorsHolder(new core.Vectors());
  return {
    'load-default': ({ url }) => holder.loadDefault(url),
    'load-file': ({ name, file }) => holder.loadFile(name, file),
    query: (query) => holder.answer(query),
  };
});

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
