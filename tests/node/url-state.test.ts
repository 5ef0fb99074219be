// Every setting survives the trip into the URL and back; bad values are reported, not used.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultState as defaultFor, formatState as formatFor, parseState as parseFor, type AppState } from '../../web/src/app/url-state.ts';
import { PAGES } from '../../web/src/pages.ts';

const defaultState = () => defaultFor(PAGES);
const formatState = (state: AppState) => formatFor(state, PAGES);
const parseState = (search: string) => parseFor(search, PAGES);
import { parseStart } from '../../web/src/app/url-values.ts';

test('the default state writes an empty query', () => {
  assert.equal(formatState(defaultState()), '');
});

test('a full neuron state round-trips', () => {
  const state = defaultState();
  state.page = 'neuron';
  state.lang = 'en';
  state.embed = true;
  state.hide = ['data', 'eta'];
  Object.assign(state.neuron, {
    data: 'goodfood3', features: ['Alder'], target: 'Aktiveret', loss: 'cross_entropy', activation: 'sigmoid',
    gradient: 'stochastic', eta: 0.15, iterations: 300, start: { kind: 'given', weights: [0.9, 0.6] },
    standardize: false, seed: 42, speed: Infinity, logScale: true, ask: [50, 3500],
  });
  const query = formatState(state);
  assert.match(query, /page=neuron/);
  assert.match(query, /w=0\.9,0\.6/);
  assert.match(query, /speed=max/);
  const { state: back, problems } = parseState(query);
  assert.deepEqual(problems, []);
  assert.deepEqual(back, state);
});

test('the notes\' Good Food demonstration as a link', () => {
  const { state, problems } = parseState('?page=neuron&w=10&iter=200000&eta=0.001');
  assert.deepEqual(problems, []);
  assert.deepEqual(state.neuron.start, { kind: 'constant', value: 10 });
  assert.equal(state.neuron.iterations, 200000);
});

test('bad values are reported and the defaults kept', () => {
  const { state, problems } = parseState('?page=neuron&eta=-1&iter=abc&loss=mse&speed=7&w=1,x&hide=eta,bogus');
  assert.deepEqual(problems.map((p) => p.key).sort(), ['eta', 'hide', 'iter', 'loss', 'speed', 'w']);
  assert.equal(state.neuron.eta, 0.001);
  assert.equal(state.neuron.iterations, 1000);
  assert.equal(state.neuron.loss, 'squared');
  assert.deepEqual(state.hide, ['eta']);
});

test('cross-entropy with another activation than the sigmoid is corrected and reported', () => {
  const { state, problems } = parseState('?page=neuron&loss=ce&act=tanh');
  assert.equal(state.neuron.activation, 'sigmoid');
  assert.deepEqual(problems, [{ key: 'act', value: 'tanh' }]);
});

test('start weights: all equal, random with a spread, or given', () => {
  assert.deepEqual(parseStart('0'), { kind: 'constant', value: 0 });
  assert.deepEqual(parseStart('random'), { kind: 'random', value: 1 });
  assert.deepEqual(parseStart('random:0.5'), { kind: 'random', value: 0.5 });
  assert.deepEqual(parseStart('-0.298,-0.0375,0.000769'), { kind: 'given', weights: [-0.298, -0.0375, 0.000769] });
  assert.equal(parseStart('random:-1'), null);
  // beyond ±10^6 the first E overflows and η would be blamed: refused in the link instead
  assert.equal(parseStart('random:1e308'), null);
  assert.equal(parseStart('1,2,1e7'), null);
  assert.deepEqual(parseStart('random:1000000'), { kind: 'random', value: 1e6 });
  assert.equal(parseStart(''), null);
});

test('a full "Træn word2vec" state round-trips, and bad values are reported', () => {
  const state = defaultState();
  state.page = 'train';
  state.train.eta = 0.2;
  state.train.angles = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100.5];
  Object.assign(state.train.text, {
    source: 'own', sentences: 800, corpusSeed: 9, architecture: 'cbow', output: 'softmax', dim: 3, window: 2, negatives: 7,
    epochs: 40, learningRate: 0.1, decay: 'none', minCount: 2, sample: 0.001, seed: 5, watch: ['kat', 'hund'], pair: ['kat', 'sover'], fast: true,
  });
  const query = formatState(state);
  assert.match(query, /decay=none/);
  assert.match(query, /arch=cbow/);
  const { state: back, problems } = parseState(query);
  assert.deepEqual(problems, []);
  assert.deepEqual(back, state);
  const bad = parseState('?page=train&decay=exp&dim=1&lr=2&arch=glove');
  assert.deepEqual(bad.problems.map((p) => p.key).sort(), ['arch', 'decay', 'dim', 'lr']);
  assert.equal(bad.state.train.text.decay, 'linear');
  assert.equal(bad.state.train.text.dim, 20);
});

test('on/off keys take 1/0 or true/false; anything else is reported and left off', () => {
  assert.equal(parseState('?page=neuron&embed=true&log=0').state.embed, true);
  assert.equal(parseState('?page=race&run=false').state.race.autostart, false);
  const { state, problems } = parseState('?page=race&embed=2&log=yes&run=1');
  assert.equal(state.embed, false);
  assert.equal(state.race.logScale, false);
  assert.equal(state.race.autostart, true);
  assert.deepEqual(problems, [{ key: 'embed', value: '2' }, { key: 'log', value: 'yes' }]);
});
