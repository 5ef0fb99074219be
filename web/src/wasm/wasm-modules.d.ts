// Types of the Embind module that the Emscripten build writes to build/wasm/neuron_core.mjs
// (from wasm/bindings/neuron_bindings.cpp); Vite resolves @wasm to build/wasm.
// See docs/wasm-api.md for how to load it in node and train a neuron.
declare module '@wasm/neuron_core.mjs' {
  export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'identity';
  export type LossName = 'squared' | 'cross_entropy';
  export type GradientName = 'sum' | 'mean' | 'stochastic';

  export type StartWeights =
    | { kind: 'constant'; value: number }
    | { kind: 'random'; value: number }
    | { kind: 'given'; weights: number[] };

  export interface NeuronSettings {
    activation: ActivationName;
    loss: LossName;
    gradient: GradientName;
    eta: number;
    standardize: boolean;
    start: StartWeights;
    seed: number;
  }

  export type StatusName =
    | 'ok' | 'no_examples' | 'no_features' | 'shape_mismatch' | 'non_finite_input' | 'target_out_of_range'
    | 'unknown_activation' | 'unknown_loss' | 'unknown_gradient_mode' | 'unknown_start_kind'
    | 'cross_entropy_needs_sigmoid' | 'invalid_learning_rate' | 'invalid_iterations'
    | 'invalid_start_weights' | 'diverged' | 'not_ready' | 'invalid_snapshot_interval'
    | 'landscape_needs_one_input' | 'invalid_grid' | 'invalid_seed';

  export interface CoreStatus {
    ok: boolean;
    status: StatusName;
    row: number;     // 0-based example, -1 when not about a cell
    column: number;  // 0-based input column (cols = the target), -1 when not about a cell
  }

  export interface TrainResult extends CoreStatus {
    iteration: number;
    losses: Float64Array;     // E after each iteration done in this call
    snapshots: Float64Array;  // rows of (iteration, w0 … wn), raw scale
  }

  export interface Confusion {
    truePositive: number;
    falseNegative: number;
    falsePositive: number;
    trueNegative: number;
    accuracy: number;
  }

  export interface Neuron {
    setup(x: Float64Array, rows: number, cols: number, t: Float64Array, settings: NeuronSettings): CoreStatus;
    setData(x: Float64Array, rows: number, cols: number, t: Float64Array): CoreStatus;
    configure(settings: NeuronSettings): CoreStatus;
    setLearningRate(eta: number): CoreStatus;
    train(iterations: number, snapshotEvery: number): TrainResult;
    reset(): void;
    ready(): boolean;
    iteration(): number;
    loss(): number;
    boundaryLevel(): number;
    weights(): Float64Array;
    gradient(): Float64Array;
    outputs(): Float64Array;
    trainingWeights(): Float64Array;   // w̃0 … w̃n on the scale training happens on
    trainingGradient(): Float64Array;  // ∂E/∂w̃0 … ∂E/∂w̃n on that scale
    trainingGradientLength(): number;  // |∇E| = √(Σ_i (∂E/∂w̃_i)²)
    nextTrainingWeights(): Float64Array;  // where the next batch step lands; empty for stochastic updates
    scaling(): { mean: Float64Array; sd: Float64Array };
    worstExample(): { index: number; o: number; t: number };  // the largest |t − o|
    landscape(w0Min: number, w0Max: number, nx: number, w1Min: number, w1Max: number, ny: number):
      CoreStatus & { values: Float64Array };
    predict(x: Float64Array, rows: number): Float64Array;
    confusion(): Confusion;
    delete(): void;
  }

  // One example on the scale training happens on (x̃0 = 1), with its share of E and of ∂E/∂w̃.
  export interface ExampleTerms extends CoreStatus {
    scaled: Float64Array;    // x̃0 … x̃n
    z: number;
    o: number;
    slope: number;           // f'(z): o·(1 − o) for the sigmoid
    loss: number;            // E_m
    gradient: Float64Array;  // ∂E_m/∂w̃0 … ∂E_m/∂w̃n
    step: Float64Array;      // w̃_i − η·∂E_m/∂w̃_i: the update this example alone would give
  }

  export interface NeuronCoreModule {
    Neuron: new () => Neuron;
    maxIterationsPerCall: number;
    statusNames(): StatusName[];  // every status the core can return
    // z = w0 + w1·x1 + … and o = f(z) for one input row (raw weights and inputs).
    neuronOutput(activation: ActivationName, weights: ArrayLike<number>, x: ArrayLike<number>): CoreStatus & { z: number; o: number };
    // o of each row of weights (rows × (n+1)) on each example (examples × n), rows × examples, row by row.
    outputTable(activation: ActivationName, weights: ArrayLike<number>, rows: number, x: ArrayLike<number>, examples: number):
      CoreStatus & { values: Float64Array };
    // o(x) = f(w0 + w1·x) at each x.
    outputCurve(activation: ActivationName, w0: number, w1: number, x: ArrayLike<number>): CoreStatus & { values: Float64Array };
    exampleTerms(settings: { loss: LossName; activation: ActivationName; eta: number }, mean: ArrayLike<number>, sd: ArrayLike<number>,
      weights: ArrayLike<number>, x: ArrayLike<number>, t: number): ExampleTerms;
  }

  export interface ModuleOptions {
    wasmBinary?: ArrayBuffer | Uint8Array;
    locateFile?: (path: string, prefix: string) => string;
  }

  export default function createNeuronCore(options?: ModuleOptions): Promise<NeuronCoreModule>;
}

// Types of the word2vec module, build/wasm/word2vec_core.mjs (from wasm/bindings/word2vec_bindings.cpp).
declare module '@wasm/word2vec_core.mjs' {
  export type VectorStatusName =
    | 'ok' | 'empty' | 'bad_header' | 'absurd_size' | 'truncated' | 'wrong_column_count' | 'not_a_number'
    | 'non_finite' | 'duplicate_word' | 'empty_word' | 'bad_compact_file' | 'too_large' | 'extra_vectors';

  export interface LoadResult {
    ok: boolean;
    status: VectorStatusName;
    line: number;    // 1-based line of a text file, −1 when not known
    vector: number;  // 1-based vector, −1 when not about one
  }

  // Best first.
  export interface Matches {
    indices: Int32Array;
    scores: Float32Array;
  }

  export interface Vectors {
    load(bytes: Uint8Array): LoadResult;  // on a problem the vectors loaded before stay
    size(): number;
    dim(): number;
    find(word: string): number;           // −1 when unknown; tried as written, then lower-cased
    word(index: number): string;
    words(): string;                      // all words, most frequent first, each followed by "\n"
    neighbours(index: number, k: number): Matches;
    analogy(a: number, b: number, c: number, k: number, method: 0 | 1): Matches;  // 0 3CosAdd, 1 3CosMul
    similarity(a: number, b: number): number;
    oddOneOut(indices: number[]): { index: number; means: Float32Array };
    vector(index: number): Float32Array;  // the unit vector
    pca(indices: number[], extra: Float32Array | number[]): Float32Array;  // (n × 2); extra: rows of dim, or []
    takeFocus(trainer: Word2VecTrainer): void;  // a copy of the trainer's focus vectors as they are now
    delete(): void;
  }

  // Why setup cannot train (trainStatusName in wasm/core/word2vec/trainer.cpp).
  export type TrainStatusName =
    | 'ok' | 'empty_corpus' | 'invalid_dim' | 'invalid_window' | 'invalid_negatives' | 'invalid_epochs'
    | 'invalid_learning_rate' | 'invalid_sample' | 'softmax_vocabulary_too_large'
    | 'unknown_architecture' | 'unknown_output' | 'unknown_decay' | 'invalid_seed';

  // Which pair choosePair took: the one asked for, the text's first pair instead, or none.
  export type PairChoiceName = 'ok' | 'first_pair' | 'no_pair';

  // A missing field takes the default; a name not listed here or a bad seed is refused with its own status.
  export interface Word2VecSettings {
    architecture?: 'skipgram' | 'cbow';
    output?: 'negative' | 'softmax';
    dim?: number;
    window?: number;
    negatives?: number;
    sample?: number;
    epochs?: number;
    learningRate?: number;
    decay?: 'linear' | 'none';  // η falls linearly to 0 (word2vec), or stays η
    seed?: number;  // a whole number from 0 to 2^53 − 1
    minCount?: number;
    normalise?: boolean;  // ordinary text: made ready as w2v train --normalise does
  }

  export interface Word2VecProgress {
    wordsDone: number;
    wordsTotal: number;
    averageLoss: number;
    learningRate: number;  // η now
    units: number;        // (input, target) units trained so far: averageLoss·units is the summed loss
    vocabulary: number;
    tokens: number;
  }

  // One pair worked out (pair_step.hpp). Entries of scores and slopes: negative sampling the real
  // target then each negative; softmax every word of the vocabulary, in vocabulary order.
  export interface PairWork {
    softmax: boolean;
    targetIndex: number;       // the real target's entry in scores and slopes
    focus: string;
    context: string;
    input: string;       // whose v is the input (skip-gram: focus; CBOW: context)
    target: string;      // whose k is the real target
    negatives: string[];
    eta: number;
    scores: Float64Array;      // v·k
    predicted: Float64Array;   // σ(v·k), or P(o | w)
    slopes: Float64Array;      // σ(v·k) − t, or P(o | w) − [o = c]
    terms: Float64Array;       // negative sampling: each target's share of L, −ln σ(±v·k)
    probability: number;       // σ(v·k_c), or P(c | w)
    logSum: number;            // softmax: ln Σ_o e^(v·k_o)
    expTarget: number;         // softmax: e^(v·k_c)
    expSum: number;            // softmax: Σ_o e^(v·k_o) (Infinity when it overflows)
    loss: number;
    v: Float64Array;
    gradient: Float64Array;    // ∂L/∂v
    vAfter: Float64Array;      // v − η·∂L/∂v
    lossAfter: number;         // the pair's L after the step (same negatives)
  }

  export interface Word2VecTrainer {
    setup(text: string, settings: Word2VecSettings): TrainStatusName;
    // The same in steps, for a file read a piece at a time: begin, count(piece) for every piece,
    // startEncoding, encode(piece) for the same pieces again, finish. Pieces are UTF-8 bytes.
    begin(settings: Word2VecSettings): TrainStatusName;
    count(piece: Uint8Array): void;
    startEncoding(): void;
    encode(piece: Uint8Array): void;
    finish(): TrainStatusName;
    train(): Word2VecProgress;
    advance(words: number): Word2VecProgress & { running: boolean };  // a slice; same result as train()
    progress(): Word2VecProgress;
    focusVectors(): Uint8Array;  // word2vec text format
    matrices(): { focus: Float32Array; context: Float32Array };  // (words × dim) each, as they are now
    probabilities(): Float64Array;  // (words × words) P(c | w) now, row = focus word; empty above 2000 words
    // The pair worked out beside the formulas: 'ok', 'first_pair' (a word is not in the text: its
    // first two neighbouring words instead) or 'no_pair'; draws the pair's negatives.
    choosePair(focus: string, context: string): PairChoiceName;
    pairWork(): PairWork | null;
    pairStep(): PairWork | null;  // one step of gradient descent on the pair, then new negatives
    delete(): void;
  }

  // The course's toy: vectors on the unit circle given by angles (radians), full softmax, counts.
  export interface CircleToy {
    setup(words: number, counts: Float64Array | number[]): boolean;  // (words × words) n(w, c)
    setAngles(focus: Float64Array | number[], context: Float64Array | number[]): boolean;
    focusAngles(): Float64Array;
    contextAngles(): Float64Array;
    loss(): number;                     // L = −Σ n(w, c)·ln P(c | w)
    probabilities(): Float64Array;      // (words × words) P(c | w)
    gradient(): { focus: Float64Array; context: Float64Array; length: number };  // ∂L/∂θ and |∇L|
    descend(eta: number, steps: number): number;  // the new L
    terms(): Float64Array;              // (words × words) n(w, c)·(−ln P(c | w)), 0 where n = 0
    scores(): Float64Array;             // (words × words) v_w·k_o
    stepped(eta: number): { focus: Float64Array; context: Float64Array };  // θ − η·∂L/∂θ, not taken
    delete(): void;
  }

  export interface Word2VecCoreModule {
    CircleToy: new () => CircleToy;
    Vectors: new () => Vectors;
    Word2VecTrainer: new () => Word2VecTrainer;
    generateSentences(seed: number, count: number): string;  // the seeded Danish practice corpus ('' for a bad seed)
    // Every status the core can return, by kind.
    statusNames(): { train: TrainStatusName[]; vectors: VectorStatusName[]; pair: PairChoiceName[] };
  }

  export interface ModuleOptions {
    wasmBinary?: ArrayBuffer | Uint8Array;
    locateFile?: (path: string, prefix: string) => string;
  }

  export default function createWord2VecCore(options?: ModuleOptions): Promise<Word2VecCoreModule>;
}

// The same module built with wasm SIMD (cmake/wasm.cmake): the same API and the same numbers.
declare module '@wasm/word2vec_core_simd.mjs' {
  export * from '@wasm/word2vec_core.mjs';
  export { default } from '@wasm/word2vec_core.mjs';
}

// Types of build/wasm/language_core.mjs (wasm/bindings/language_bindings.cpp): text generation.
declare module '@wasm/language_core.mjs' {
  export type SampleStatusName = 'ok' | 'bad_temperature' | 'bad_top_k' | 'bad_top_p' | 'empty' | 'nothing_possible';
  export type NeuralStatusName =
    | 'ok' | 'invalid_context_words' | 'invalid_hidden' | 'unknown_activation' | 'unknown_optimiser'
    | 'invalid_learning_rate' | 'invalid_moments' | 'invalid_epsilon' | 'invalid_batch_size' | 'invalid_vocabulary'
    | 'invalid_embeddings' | 'too_many_weights' | 'not_ready' | 'invalid_word_id' | 'context_mismatch' | 'no_rows'
    | 'invalid_steps' | 'invalid_weights' | 'non_finite' | 'diverged' | 'too_many_rows';

  // The sampler's settings (a missing field: T = 1, not greedy, no top-k, no top-p).
  export interface SampleSettings {
    temperature?: number;
    greedy?: boolean;
    topK?: number;  // 0: all
    topP?: number;  // 1: all
  }

  export interface NextWords {
    status: SampleStatusName;
    contextLength: number;   // words of context used (fewer than asked after a back-off)
    contextCount: number;    // times the context occurs; 0: never seen
    prunedCount: number;     // further times, followed by a word a pruned model left out (0 for a text)
    words: Int32Array;       // the words after it, most frequent first
    counts: Float64Array;    // count(context word)
    p: Float64Array;         // count(context word) / count(context)
    z: Float64Array;         // after the sampler's settings
    entropyP: number;
    entropyZ: number;
  }

  export interface GeneratedText {
    words: Int32Array;
    probabilities: Float64Array;  // z of each word when drawn
    contextLengths: Int32Array;
    end: 'done' | 'unseen_context' | 'bad_settings';
    status: SampleStatusName | 'bad_seed' | 'bad_count';
  }

  export interface NgramModel {
    build(text: string, sentenceEnds: boolean): { words: number; tokens: number };
    begin(sentenceEnds: boolean): void;
    feed(piece: Uint8Array): void;
    finish(): { words: number; tokens: number };
    words(): string;  // every word in id order, each followed by "\n"
    encode(text: string, sentenceEnds: boolean): { ids: Int32Array; unknown: string[] };
    next(context: Int32Array | number[], order: number, backoff: boolean, sample: SampleSettings): NextWords;
    generate(prompt: Int32Array | number[], order: number, count: number, backoff: boolean, sample: SampleSettings,
      seed: number): GeneratedText;
    table(n: number, limit: number): { different: number; grams: Int32Array; counts: Float64Array };
    score(heldOut: string, order: number, sentenceEnds: boolean): { lossPerWord: number; perplexity: number; words: number;
      unknownWords: number };
    matchLengths(ids: Int32Array | number[]): Int32Array;
    // N = 1 … 5 counted in the first trainShare of the text, scored on the rest or its first maxHeldOut
    // words (0: all); empty arrays when too short.
    ladder(trainShare: number, maxHeldOut: number): { trainWords: number; heldOutWords: number; unknownWords: number; lossPerWord: Float64Array;
      perplexity: Float64Array };
    delete(): void;
  }

  // A finished, pruned model read from a file (data/ngram-da.aing): NgramModel's questions.
  export interface NgramCountsModel {
    load(bytes: Uint8Array): { status: string; offset: number; words?: number; tokens?: number; description?: string;
      sentenceEnds?: boolean };
    words(): string;
    encode(text: string, sentenceEnds: boolean): { ids: Int32Array; unknown: string[] };  // the file's own sentence ends
    next(context: Int32Array | number[], order: number, backoff: boolean, sample: SampleSettings): NextWords;
    generate(prompt: Int32Array | number[], order: number, count: number, backoff: boolean, sample: SampleSettings,
      seed: number): GeneratedText;
    table(n: number, limit: number): { different: number; grams: Int32Array; counts: Float64Array };
    matchLengths(ids: Int32Array | number[]): Int32Array;
    // The ladder measured when the file was written (the arguments are not used).
    ladder(trainShare: number, maxHeldOut: number): { trainWords: number; heldOutWords: number; unknownWords: number; lossPerWord: Float64Array;
      perplexity: Float64Array };
    delete(): void;
  }

  // The notes' neural language model on an NgramModel's text: settings in, statuses out.
  export interface NeuralLmSettings {
    contextWords: number;   // c = N − 1 (1 … 4)
    hidden: number;         // d
    activation: 'sigmoid' | 'tanh' | 'relu';
    optimiser: 'adam' | 'sgd';
    learningRate: number;   // η
    batchSize: number;
    trainVectors: boolean;  // the input vectors learn too
    useVectors: boolean;    // the loaded word2vec vectors (useVectors) for the words they have; else random
    randomDim: number;      // m of random vectors
    maxWords: number;       // V without «ukendt» (0: all)
    trainShare: number;     // the first share trains, the rest is held out (1: all trains)
    maxHeldOut: number;
    seed: number;
  }
  export type NeuralLmSetup =
    | { status: 'ok'; vocabularySize: number; unknownMembers: number; trainRows: number; heldOutRows: number;
      heldOutUnknown: number; dim: number; vectorsFound: number; weights: number }
    | { status: Exclude<NeuralStatusName, 'ok'> };
  export interface NeuralNextWords {
    status: NeuralStatusName;
    sampleStatus: SampleStatusName;
    context: Int32Array;   // the c words read (−1: «ukendt»), first word first
    padded: number;        // of them, from the end of the training part (a short beginning)
    words: Int32Array;     // the most probable, most probable first (−1: «ukendt»)
    p: Float64Array;       // at T = 1
    z: Float64Array;       // with the sampler's settings
    restP: number;
    restZ: number;
    entropyP: number;
    entropyZ: number;
  }
  export interface NeuralLm {
    useVectors(bytes: Uint8Array): string;  // a VectorStatus name ('ok', 'bad_compact_file', …)
    hasVectors(): boolean;
    setup(text: NgramModel, settings: NeuralLmSettings): NeuralLmSetup;
    setLearningRate(eta: number): NeuralStatusName;
    train(steps: number): { status: NeuralStatusName; losses: Float64Array; steps: number; epochs: number };
    evaluate(heldOut: boolean): { status: NeuralStatusName; loss: number; lossPerWord: number; perplexity: number };
    next(prompt: Int32Array | number[], sample: SampleSettings, top: number): NeuralNextWords;
    network(prompt: Int32Array | number[]):
      | { status: 'ok'; context: Int32Array; x: Float64Array; a: Float64Array; h: Float64Array }
      | { status: Exclude<NeuralStatusName, 'ok'> };
    generate(prompt: Int32Array | number[], count: number, sample: SampleSettings, seed: number):
      { status: NeuralStatusName | 'bad_seed'; sampleStatus?: SampleStatusName; words?: Int32Array; probabilities?: Float64Array };
    delete(): void;
  }

  export type NetworkSteps =
    | { status: 'ok'; a: Float64Array; h: Float64Array; y: Float64Array; z: Float64Array }
    | { status: Exclude<NeuralStatusName, 'ok'> };

  export interface LanguageCoreModule {
    NgramModel: new () => NgramModel;
    NeuralLm: new () => NeuralLm;
    NgramCountsModel: new () => NgramCountsModel;
    generateSentences(seed: number, count: number): string;  // the seeded Danish practice sentences ('' for a bad seed)
    // x (n), W (d rows of 1 + n numbers), U (V rows of 1 + d), row by row; column 0 the biases.
    networkForward(x: Float64Array | number[], w: Float64Array | number[], u: Float64Array | number[], hidden: number,
      activation: string): NetworkSteps;
    statusNames(): { sample: SampleStatusName[]; neural: NeuralStatusName[] };
    // d·(1 + c·m + V) + V for context words c, vector size m, words V, hidden neurons d (each 1 … 10⁶; else −1).
    weightCount(c: number, m: number, V: number, d: number): number;
  }

  export interface ModuleOptions {
    wasmBinary?: ArrayBuffer | Uint8Array;
    locateFile?: (path: string, prefix: string) => string;
  }

  export default function createLanguageCore(options?: ModuleOptions): Promise<LanguageCoreModule>;
}

// The same module built with wasm SIMD (cmake/wasm.cmake): the same API; numbers that agree to
// about 1e-15 (the matrix products sum in another order).
declare module '@wasm/language_core_simd.mjs' {
  export * from '@wasm/language_core.mjs';
  export { default } from '@wasm/language_core.mjs';
}
