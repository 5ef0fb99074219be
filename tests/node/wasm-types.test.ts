// web/src/wasm/wasm-modules.d.ts describes the built modules: every class, method and function it
// declares exists in the module, and each status union is exactly the list the core can return.
// Read with the TypeScript compiler's parser, so the check follows the file as it is written.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import ts from 'typescript';
import { loadNeuronCore, loadWord2VecCore } from './wasm-module.ts';

const DTS = new URL('../../web/src/wasm/wasm-modules.d.ts', import.meta.url);
const source = ts.createSourceFile('wasm-modules.d.ts', readFileSync(DTS, 'utf8'), ts.ScriptTarget.ES2022, true);

// The declarations inside `declare module '<name>' { … }`.
function moduleBody(name: string): ts.ModuleBlock {
  const found = source.statements.find((s): s is ts.ModuleDeclaration =>
    ts.isModuleDeclaration(s) && ts.isStringLiteral(s.name) && s.name.text === name);
  assert.ok(found?.body && ts.isModuleBlock(found.body), `declare module '${name}'`);
  return found.body;
}

function interfaceIn(body: ts.ModuleBlock, name: string): ts.InterfaceDeclaration {
  const found = body.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name);
  assert.ok(found, `interface ${name}`);
  return found;
}

// The string literals of a union type alias, e.g. StatusName = 'ok' | 'no_examples' | ….
export function unionIn(body: ts.ModuleBlock, name: string): string[] {
  const alias = body.statements.find((s): s is ts.TypeAliasDeclaration => ts.isTypeAliasDeclaration(s) && s.name.text === name);
  assert.ok(alias && ts.isUnionTypeNode(alias.type), `type ${name} is a union`);
  return alias.type.types.map((t) => {
    assert.ok(ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal), `${name}: only string literals`);
    return t.literal.text;
  });
}

const memberName = (m: ts.TypeElement) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : '');

// Checks the module object against its interface: a `new () => X` member is an Embind class whose
// prototype has X's methods (delete included), a method is a function, any other member a value.
function checkModule(module: Record<string, unknown>, body: ts.ModuleBlock, moduleInterface: string): string[] {
  const missing: string[] = [];
  for (const member of interfaceIn(body, moduleInterface).members) {
    const name = memberName(member);
    const value = module[name];
    if (ts.isPropertySignature(member) && member.type && ts.isConstructorTypeNode(member.type)) {
      if (typeof value !== 'function') { missing.push(`class ${name}`); continue; }
      const instance = member.type.type;
      assert.ok(ts.isTypeReferenceNode(instance) && ts.isIdentifier(instance.typeName), `${name}: new () => Interface`);
      const prototype = (value as { prototype: Record<string, unknown> }).prototype;
      for (const method of interfaceIn(body, instance.typeName.text).members) {
        if (ts.isMethodSignature(method) && typeof prototype[memberName(method)] !== 'function')
          missing.push(`${name}.${memberName(method)}`);
      }
    } else if (ts.isMethodSignature(member)) {
      if (typeof value !== 'function') missing.push(`function ${name}`);
    } else if (value === undefined) {
      missing.push(`value ${name}`);
    }
  }
  return missing;
}

test('the neuron module has every class, method and function the .d.ts declares', async () => {
  const core = await loadNeuronCore();
  const body = moduleBody('@wasm/neuron_core.mjs');
  assert.deepEqual(checkModule(core as unknown as Record<string, unknown>, body, 'NeuronCoreModule'), []);
});

test('the neuron .d.ts names exactly the statuses the core can return', async () => {
  const core = await loadNeuronCore();
  const declared = unionIn(moduleBody('@wasm/neuron_core.mjs'), 'StatusName');
  assert.deepEqual([...declared].sort(), [...core.statusNames()].sort());
});

test('the word2vec modules have every class, method and function the .d.ts declares', async () => {
  const body = moduleBody('@wasm/word2vec_core.mjs');
  for (const build of ['plain', 'simd'] as const) {
    const core = await loadWord2VecCore(build);
    assert.deepEqual(checkModule(core as unknown as Record<string, unknown>, body, 'Word2VecCoreModule'), [], build);
  }
});

test('the word2vec .d.ts names exactly the statuses the core can return', async () => {
  const names = (await loadWord2VecCore()).statusNames();
  const body = moduleBody('@wasm/word2vec_core.mjs');
  const sorted = (list: readonly string[]) => [...list].sort();
  assert.deepEqual(sorted(unionIn(body, 'TrainStatusName')), sorted(names.train));
  assert.deepEqual(sorted(unionIn(body, 'VectorStatusName')), sorted(names.vectors));
  assert.deepEqual(sorted(unionIn(body, 'PairChoiceName')), sorted(names.pair));
});

test('the checker notices what is missing', () => {
  const body = moduleBody('@wasm/neuron_core.mjs');
  const fake = { Neuron: class { setup() { /* only one method */ } }, maxIterationsPerCall: 1 };
  const missing = checkModule(fake, body, 'NeuronCoreModule');
  assert.ok(missing.includes('Neuron.train'), missing.join(', '));
  assert.ok(missing.includes('function statusNames'), missing.join(', '));
});
