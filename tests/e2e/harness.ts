// Serves the built dist/ under a sub-path (as a school's web server would) and drives Debian's
// Chromium with playwright-core. Records console errors, page errors and every request, so each
// test can assert that nothing failed and nothing left the page's own origin.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, afterEach, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:http';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
// @ts-expect-error: a plain .mjs helper shared with npm start
import { serveStatic } from '../../scripts/serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = `${ROOT}test-results/`;
export const SUB_PATH = '/skole/ai-vaerkstedet/';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Server {
  url: string;
  close(): Promise<void>;
}

export interface Session {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  requests: string[];
  // Requests that went anywhere but the server's own origin.
  foreignRequests(): string[];
}

export async function startServer(prefix = SUB_PATH): Promise<Server> {
  return serveStatic(`${ROOT}dist`, { port: 0, prefix });
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  otherOrigins?: string[];  // origins besides the app's that may be requested (a test's host page)
  serviceWorkers?: 'allow' | 'block';
}

export async function openSession(browser: Browser, server: Server,
  { viewport = { width: 1280, height: 900 }, otherOrigins = [], serviceWorkers = 'allow' }: OpenOptions = {}): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'da-DK', serviceWorkers });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (serviceWorkers === 'block' && message.text().includes('Service Worker registration blocked')) return;  // the test asked for that
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (reason === 'net::ERR_ABORTED') return;  // cut off by leaving the page (a font, a prefetch): not a failure of the page
    // A file's read (a blob: URL, the user's own file) cut short when Annullér ends the worker
    // reading it: the cancel working, not a failure of the page.
    if (request.url().startsWith('blob:') && reason === 'net::ERR_BLOCKED_BY_RESPONSE') return;
    consoleErrors.push(`request failed: ${request.url()} ${reason}`);
  });
  context.on('request', (request) => requests.push(request.url()));
  const allowed = [new URL(server.url).origin, ...otherOrigins];
  return {
    page, context, consoleErrors, requests,
    foreignRequests: () => requests.filter((url) => !allowed.includes(new URL(url).origin) && !/^(data|blob):/.test(url)),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface Suite {
  readonly server: Server;
  open(options?: OpenOptions): Promise<Session>;
}

// One server and one browser for a test file; each test opens a fresh context, and after each test
// there must have been no console error and no request outside the page's origin.
export function browserSuite(): Suite {
  let browser: Browser | null = null;
  let server: Server | null = null;
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
    const finished = session;
    session = null;
    await finished.context.close();
    assert.deepEqual(finished.consoleErrors, [], 'no console errors');
    assert.deepEqual(finished.foreignRequests(), [], 'no request outside the page\'s origin');
  });
  return {
    get server() {
      return server!;
    },
    async open(options) {
      session = await openSession(browser!, server!, options);
      return session;
    },
  };
}

// A lesson page on another site (localhost; the app is on 127.0.0.1) with the app at `query` in an
// iframe, as a teacher embeds it in Lectio or Moodle; run gets the host page, the app's frame and
// the session (for a test that expects a console message).
export async function inHostPage(suite: Suite, query: string,
  run: (page: Page, frame: Frame, session: Session) => Promise<void>): Promise<void> {
  const host = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><title>Lektion</title><link rel="icon" href="data:,"><h1>Lektion</h1>
      <iframe src="${suite.server.url}${query}" width="1000" height="750"></iframe>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  const port = (host.address() as { port: number }).port;
  try {
    const session = await suite.open({ otherOrigins: [`http://localhost:${port}`] });
    const { page } = session;
    await page.goto(`http://localhost:${port}/`);
    await page.frameLocator('iframe').locator('main').waitFor();
    await run(page, page.frames().find((f) => f.url().startsWith(suite.server.url))!, session);
  } finally {
    host.closeAllConnections();
    await new Promise((resolve) => host.close(resolve));
  }
}
