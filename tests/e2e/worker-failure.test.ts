// A worker that dies is reported on the page in Danish, every request still waiting is answered,
// and the rest of the page stays usable. Two real ways to die, without test-only code in the app:
// the wasm file does not arrive, and an uncaught error inside a running worker.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { browserSuite, screenshot } from './harness.ts';

const suite = browserSuite();
const STOPPED = /^Beregningerne stoppede: .+\. Genindlæs siden for at regne videre\.$/;

describe('a dying worker', () => {
  test('the word-vector worker\'s wasm does not load: the waiting load is answered with the message', async () => {
    const session = await suite.open();
    const { page } = session;
    await page.route(/word2vec_core.*\.wasm$/, (route) => route.abort());
    await page.goto(`${suite.server.url}?page=vectors`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.locator('p').textContent())!.trim(), STOPPED);
    // The default vectors' load was waiting for the worker: it was rejected, not left hanging.
    await page.locator('.vectors-info', { hasText: 'Ordvektorerne blev ikke indlæst, fordi beregningerne stoppede.' }).waitFor();
    // The rest of the page still works: the language toggle, and the message is there once.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('h1', { hasText: 'Word vectors' }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 1);
    await screenshot(page, 'worker-failed-vectors');
    session.consoleErrors.length = 0;  // the aborted .wasm request is this test's own doing
  });

  test('the neuron worker throws while the page is in use: the message, and no request hangs', async () => {
    const session = await suite.open();
    const { page } = session;
    await page.goto(`${suite.server.url}?page=neuron&speed=1`);
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    // The neuron worker (a spare table worker may be waiting beside it, made once the page is idle).
    const neuron = page.workers().find((worker) => /neuron-worker/.test(worker.url()));
    assert.ok(neuron, `the neuron worker among ${page.workers().map((w) => w.url()).join(', ')}`);
    // An uncaught error inside the worker, as a wasm trap or a bug would give.
    await neuron.evaluate(() => { setTimeout(() => { throw new Error('prøvefejl'); }); });
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.locator('p').textContent())!.trim(), STOPPED);
    assert.match((await alert.textContent())!, /prøvefejl/);
    // A request after the death is refused at once (a new η asks the worker): the page does not wait.
    await page.locator('input[name="eta"]').fill('0.05');
    await page.locator('input[name="eta"]').press('Enter');
    await page.waitForFunction(() => location.search.includes('eta=0.05'));
    await page.getByRole('button', { name: 'Start' }).click();
    assert.equal(await page.getByRole('alert').count(), 1, 'said once');
    await page.getByRole('button', { name: 'Genindlæs siden' }).click();
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'a reload starts afresh');
    assert.match(page.url(), /eta=0\.05/);
  });
});
