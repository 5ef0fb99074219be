// The app around the pages: the overview, embedding (URL flags, the Indlejr dialog, a real iframe
// on another origin), and serving from a sub-path.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildXlsx } from '../fixtures/xlsx-writer.ts';
import { browserSuite, inHostPage, screenshot } from './harness.ts';

const suite = browserSuite();

describe('the app', () => {
  test('the overview lists the pages and leads to the neuron page', async () => {
    const { page } = await suite.open();
    await page.goto(suite.server.url);
    assert.equal(await page.title(), 'AI-værkstedet');
    const link = page.getByRole('link', { name: /Kunstig neuron/ });
    await link.click();
    await page.waitForURL(/page=neuron/);
    assert.ok(page.url().startsWith(suite.server.url), 'stays under the sub-path');
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    await screenshot(page, 'landing-then-neuron');
  });

  test('links carry what changed after the page was drawn (language, η)', async () => {
    const { page } = await suite.open();
    await page.goto(suite.server.url);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: /Artificial neuron/ }).click();
    await page.locator('h1', { hasText: 'Artificial neuron' }).waitFor();
    assert.match(page.url(), /page=neuron.*lang=en|lang=en.*page=neuron/);
    await page.locator('input[name="eta"]').fill('0.05');
    await page.locator('input[name="eta"]').press('Enter');
    await page.waitForFunction(() => location.search.includes('eta=0.05'));
    assert.equal(await page.locator('input[name="eta"]').inputValue(), '0.05');
    await page.getByRole('link', { name: 'AI-værkstedet' }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === null);
    assert.match(page.url(), /lang=en/);
  });

  test('embed mode shows the plots and only the chosen controls', async () => {
    const { page } = await suite.open({ viewport: { width: 900, height: 700 } });
    await page.goto(suite.server.url + '?page=neuron&embed=1&hide=data,loss,activation,gradient,iterations,start,standardize,speed,predict');
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    assert.equal(await page.locator('header.top').count(), 0, 'no header in an embedding');
    assert.equal(await page.locator('input[name="eta"]').isVisible(), true);
    assert.equal(await page.locator('[data-control="buttons"]').isVisible(), true);
    for (const hidden of ['data', 'loss', 'start', 'predict'])
      assert.equal(await page.locator(`[data-control="${hidden}"]`).first().isVisible(), false, hidden);
    assert.equal(await page.locator('canvas').count(), 2);
    await screenshot(page, 'neuron-embedded');
  });

  test('a Content-Security-Policy lets the page run but refuses an inline script; no referrer', async () => {
    const session = await suite.open();
    const { page } = session;
    await page.goto(suite.server.url + '?page=neuron');
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(policy ?? '', /script-src 'self' 'wasm-unsafe-eval';/);
    assert.equal(await page.locator('meta[name="referrer"]').getAttribute('content'), 'no-referrer');
    const refused = await page.evaluate(() => new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';  // what an XSS would try
      document.body.append(script);
    }));
    assert.match(refused, /^script-src/);
    assert.equal(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected), undefined);
    // Chromium logs the refusal as an error: expected here, and the only one.
    const expected = session.consoleErrors.filter((e) => /Content Security Policy/.test(e));
    assert.equal(expected.length, 1, session.consoleErrors.join('\n'));
    session.consoleErrors.splice(0, session.consoleErrors.length, ...session.consoleErrors.filter((e) => !expected.includes(e)));
  });

  test('installable: a manifest with a Danish name, standalone display and 192/512-px icons that Chromium accepts', async () => {
    const { page, context } = await suite.open();
    await page.goto(suite.server.url + '?page=neuron');
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifestUrl = new URL(href!, page.url()).href;
    const manifest = await (await page.request.get(manifestUrl)).json() as {
      name: string; lang: string; display: string; start_url: string; icons: { src: string; sizes: string; purpose: string }[] };
    assert.equal(manifest.name, 'AI-værkstedet');
    assert.equal(manifest.lang, 'da');
    assert.equal(manifest.display, 'standalone');
    assert.equal(new URL(manifest.start_url, manifestUrl).href, suite.server.url, 'starts at the overview, under the sub-path');
    for (const icon of manifest.icons) {
      const png = await (await page.request.get(new URL(icon.src, manifestUrl).href)).body();
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];  // IHDR
      assert.equal(`${width}x${height}`, icon.sizes, icon.src);
    }
    assert.ok(manifest.icons.some((i) => i.sizes === '192x192') && manifest.icons.some((i) => i.sizes === '512x512'));
    // Chromium's own verdict, once the service worker controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // Playwright's contexts are off the record, from which Chromium never installs: every other check must pass.
    assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
  });

  test('the Indlejr dialog writes iframe code for the current state', async () => {
    const { page } = await suite.open();
    await page.goto(suite.server.url + '?page=neuron&eta=0.01&loss=ce');
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
    const { page, context } = await suite.open();
    await page.goto(suite.server.url + '?page=neuron&speed=max&iter=100');
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

  test('without a service worker, an open page keeps working when the network goes, XLSX included', async () => {
    const { page, context } = await suite.open({ serviceWorkers: 'block' });
    await page.goto(suite.server.url + '?page=neuron&speed=max&iter=100');
    await page.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
    await page.waitForLoadState('networkidle');  // the XLSX reader is fetched once the page is ready
    await context.setOffline(true);
    await page.locator('input[type="file"]').setInputFiles({ name: 'tre.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(buildXlsx([['Alder', 'Aktiveret'], [25, 'Nej'], [40, 'Nej'], [60, 'Ja']])) });
    await page.locator('.data-summary').filter({ hasText: /^3 eksempler/ }).waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('[data-stat="iteration"]').filter({ hasText: '100' }).waitFor();
    await context.setOffline(false);
  });

  test('inside an iframe on another origin (as in Lectio or Moodle) it trains', async () => {
    await inHostPage(suite, '?page=neuron&embed=1&speed=max&iter=500', async (_, frame) => {
      await frame.locator('[data-stat="iteration"]').filter({ hasText: '0' }).waitFor();
      await frame.getByRole('button', { name: 'Start' }).click();
      await frame.locator('[data-stat="iteration"]').filter({ hasText: '500' }).waitFor();
    });
  });
});
