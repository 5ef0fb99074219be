// Serves the built dist/ under a sub-path (as a school's web server would) and drives Debian's
// Chromium with playwright-core. Records console errors, page errors and every request, so each
// test can assert that nothing failed and nothing left the page's own origin.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
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

export async function openSession(browser: Browser, server: Server,
  viewport = { width: 1280, height: 900 }): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'da-DK' });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleErrors.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => consoleErrors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  context.on('request', (request) => requests.push(request.url()));
  const origin = new URL(server.url).origin;
  return {
    page, context, consoleErrors, requests,
    foreignRequests: () => requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}${name}.png`;
  await page.screenshot({ path, fullPage: true });
  return path;
}
