// The app around the pages: the overview, embedding (URL flags, the Indlejr dialog, a real iframe
// on another origin), and serving from a sub-path.
import assert from 'node:assert/strict';
import { createServer, type Server as HttpServer } from 'node:http';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildXlsx } from '../fixtures/xlsx-writer.ts';
import { launch, openSession, screenshot, startServer, type Server, type Session } from './harness.ts';

let browser: Browser;
let server: Server;
let session: Session | null = null;

before(async () => {
  server = await startServer();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => {
  if (!session) return;
  assert.deepEqual(session.consoleErrors, [], 'no console errors');
  assert.deepEqual(session.foreignRequests(), [], 'no request outside the page\'s origin');
  await session.context.close();
  session = null;
});

describe('the app', () => {
  test('the overview lists the pages and leads to the neuron page', async () => {
    session = await openSession(browser, server);
    const { page } = session;
    await page.goto(server.url);
    assert.equal(await page.title(), 'AI-værkstedet');
    const link = page.getByRole('link', { name: /Kunstig neuron/ });
    await link.click();
    await page.waitForURL(/page=neuron/);
    assert.ok(page.url().startsWith(server.url), 'stays under the sub-path');
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    await screenshot(page, 'landing-then-neuron');
  });

  test('embed mode shows the plots and only the chosen controls', async () => {
    session = await openSession(browser, server, { width: 900, height: 700 });
    const { page } = session;
    await page.goto(server.url + '?page=neuron&embed=1&hide=data,loss,activation,gradient,iterations,start,standardize,speed,predict');
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    assert.equal(await page.locator('header.top').count(), 0, 'no header in an embedding');
    assert.equal(await page.locator('input[name="eta"]').isVisible(), true);
    assert.equal(await page.locator('[data-control="buttons"]').isVisible(), true);
    for (const hidden of ['data', 'loss', 'start', 'predict'])
      assert.equal(await page.locator(`[data-control="${hidden}"]`).first().isVisible(), false, hidden);
    assert.equal(await page.locator('canvas').count(), 2);
    await screenshot(page, 'neuron-embedded');
  });

  test('the Indlejr dialog writes iframe code for the current state', async () => {
    session = await openSession(browser, server);
    const { page } = session;
    await page.goto(server.url + '?page=neuron&eta=0.01&loss=ce');
    await page.getByRole('button', { name: 'Indlejr' }).click();
    const code = await page.locator('textarea.embed-code').inputValue();
    assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/skole\/ai-vaerkstedet\/\?page=neuron&amp;/);
    assert.match(code, /eta=0\.01/);
    assert.match(code, /loss=ce/);
    assert.match(code, /embed=1/);
    const hidden = async () => {
      const src = /src="([^"]+)"/.exec(await page.locator('textarea.embed-code').inputValue())![1];
      return new URL(src.replace(/&amp;/g, '&')).searchParams.get('hide')!.split(',');
    };
    assert.ok((await hidden()).includes('start'));
    await page.getByRole('checkbox', { name: 'Startvægte og seed' }).check();
    assert.ok(!(await hidden()).includes('start'));
    await page.getByRole('button', { name: 'Luk' }).click();
  });

  test('after one visit it keeps working, and reloads, with the network gone', async () => {
    session = await openSession(browser, server);
    const { page, context } = session;
    await page.goto(server.url + '?page=neuron&speed=max&iter=100');
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    await page.waitForLoadState('networkidle');
    // The service worker has copied every file of the build once it controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    await context.setOffline(true);
    await page.reload();
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('[data-stat="iteration"]').filter({ hasText: '100' }).waitFor();
    // The XLSX reader is loaded on demand: offline it must come from the copy too.
    await page.locator('input[type="file"]').setInputFiles({ name: 'tre.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(buildXlsx([['Alder', 'Aktiveret'], [25, 'Nej'], [40, 'Nej'], [60, 'Ja']])) });
    await page.locator('.data-summary').filter({ hasText: /^3 eksempler/ }).waitFor();
    await context.setOffline(false);
  });

  test('inside an iframe on another origin (as in Lectio or Moodle) it trains', async () => {
    const host: HttpServer = createServer((_, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>Lektion</title><link rel="icon" href="data:,"><h1>Lektion om neuroner</h1>
        <iframe src="${server.url}?page=neuron&embed=1&speed=max&iter=500" width="1000" height="800"></iframe>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    const port = (host.address() as { port: number }).port;
    try {
      session = await openSession(browser, server);
      const { page } = session;
      await page.goto(`http://127.0.0.1:${port}/`);
      const frame = page.frameLocator('iframe');
      await frame.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
      await frame.getByRole('button', { name: 'Start' }).click();
      await frame.locator('[data-stat="iteration"]').filter({ hasText: '500' }).waitFor();
      const foreign = session.foreignRequests().filter((url) => !url.startsWith(`http://127.0.0.1:${port}/`));
      assert.deepEqual(foreign, []);
      session.requests.length = 0;  // the host page itself is on another origin by design
    } finally {
      host.closeAllConnections();
      await new Promise((resolve) => host.close(resolve));
    }
  });
});
