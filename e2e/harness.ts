// Shared helpers for the end-to-end tests: a static page server on 127.0.0.1, real Chromium
// with the built extension loaded, screenshots for the README, and a polling helper.
//
// Typical use:
//   const server = await startPageServer();            // serves demo/
//   const ext = await launchExtension();               // loads .output/chrome-mv3
//   const page = await ext.context.newPage();
//   await page.goto(server.url('pages/index.html'));
//   const popup = await ext.openExtensionPage('popup.html');
//   ...
//   await ext.close(); await server.close();

import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../scripts/serve-demo.mjs';

/** Absolute path of the project root (the folder holding package.json). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of the built Chrome extension. */
export const DEFAULT_EXTENSION_PATH = path.join(PROJECT_ROOT, '.output', 'chrome-mv3');

/** Where README screenshots are written. */
export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'docs', 'screenshots');

/** The Chromium binary used by the tests: env CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

// ---------------------------------------------------------------------------------------------
// Static page server (the same one `npm start` uses)

export type PageServer = StaticServer;

/**
 * Serves the static files of `root` (relative to the project root unless absolute) on
 * 127.0.0.1 at a free port. A directory request serves its index.html. Anything outside the
 * folder, missing, or not a regular file gives 404. Only GET and HEAD are answered.
 */
export function startPageServer(root = 'demo'): Promise<PageServer> {
  return startStaticServer(root);
}

// ---------------------------------------------------------------------------------------------
// Chromium with the extension loaded

/** Chromium flags that load an unpacked extension in headless Chromium (see BROWSER-TESTING.md). */
export function chromiumArgs(extensionPath: string, { headless = true } = {}): string[] {
  return [
    ...(headless ? ['--headless=new'] : []),
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    // Lets a test press the toolbar button (CDP Extensions.triggerAction), as a reader does.
    '--enable-unsafe-extension-debugging',
  ];
}

export interface ExtensionSession {
  context: BrowserContext;
  /** The extension's id (host of its service worker URL). */
  extensionId: string;
  /** The extension's background service worker. */
  serviceWorker: Worker;
  /** Absolute path of the loaded extension folder. */
  extensionPath: string;
  /** `chrome-extension://<id>/<path>`. */
  extensionUrl(p: string): string;
  /** Opens an extension page (e.g. `popup.html`, `sidepanel.html`, `options.html`) as a tab. */
  openExtensionPage(p: string): Promise<Page>;
  /** Closes the browser and removes its temporary profile. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Built extension folder; default `.output/chrome-mv3` (relative paths are from the project root). */
  extensionPath?: string;
  /** Show the window (needs a display, e.g. under `xvfb-run`). Default: env HEADFUL=1. */
  headful?: boolean;
  /** Browser window viewport; default 1280x900. */
  viewport?: { width: number; height: number };
  /** Profile folder to use and keep (a browser restart); default a fresh one removed on close. */
  userDataDir?: string;
}

/**
 * Launches Chromium (env CHROMIUM_PATH or /usr/bin/chromium) with a fresh temporary profile
 * and the built extension loaded, and waits for the extension's service worker.
 */
export async function launchExtension(opts: LaunchOptions = {}): Promise<ExtensionSession> {
  const extensionPath = path.resolve(PROJECT_ROOT, opts.extensionPath ?? DEFAULT_EXTENSION_PATH);
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(`No built extension at ${extensionPath} (manifest.json missing). Run \`npx wxt build\` first.`);
  }
  const headful = opts.headful ?? process.env.HEADFUL === '1';
  const keepProfile = opts.userDataDir !== undefined;
  const userDataDir = opts.userDataDir ?? (await mkdtemp(path.join(tmpdir(), 'crosscheck-e2e-')));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: false,
      args: chromiumArgs(extensionPath, { headless: !headful }),
      viewport: opts.viewport ?? { width: 1280, height: 900 },
      timeout: 60_000,
    });
  } catch (err) {
    if (!keepProfile) await rm(userDataDir, { recursive: true, force: true, maxRetries: 5 });
    throw err;
  }

  const removeProfile = async () => {
    if (!keepProfile) await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    try {
      await context.close();
    } finally {
      await removeProfile();
    }
  };

  try {
    const isExtensionWorker = (w: Worker) => w.url().startsWith('chrome-extension://');
    const serviceWorker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 30_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    if (!extensionId) throw new Error(`could not read the extension id from ${serviceWorker.url()}`);
    const extensionUrl = (p: string) => `chrome-extension://${extensionId}/${p.replace(/^\/+/, '')}`;
    return {
      context,
      extensionId,
      serviceWorker,
      extensionPath,
      extensionUrl,
      async openExtensionPage(p: string) {
        const page = await context.newPage();
        await page.goto(extensionUrl(p));
        return page;
      },
      close,
    };
  } catch (err) {
    await close().catch(() => {});
    throw new Error(
      `The extension's service worker did not start (extension at ${extensionPath}): ${(err as Error).message}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Screenshots and polling

/** Saves a PNG of the page to docs/screenshots/<name>.png and returns its absolute path. */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean; clip?: { x: number; y: number; width: number; height: number } } = {},
): Promise<string> {
  const safe = name.replace(/\.png$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-');
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${safe}.png`);
  await page.screenshot({ path: file, ...options });
  return file;
}

export interface WaitForOptions {
  /** Give up after this many milliseconds (default 10 000). */
  timeout?: number;
  /** Milliseconds between tries (default 100). */
  interval?: number;
  /** Shown in the timeout error. */
  message?: string;
}

/**
 * Calls `fn` until it returns a truthy value (errors count as "not yet") and returns that value.
 * Throws after `timeout` ms, with the last error thrown by `fn` if any.
 */
export async function waitFor<T>(
  fn: () => T | Promise<T>,
  { timeout = 10_000, interval = 100, message }: WaitForOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await fn();
      if (value) return value as NonNullable<T>;
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? `; last error: ${lastError.message}` : '';
      throw new Error(`waitFor timed out after ${timeout} ms${message ? ` (${message})` : ''}${why}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}
