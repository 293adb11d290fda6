#!/usr/bin/env node
// `npm start`: builds the extension, serves the demo pages on 127.0.0.1 and opens Chromium with
// the extension loaded on a demo article. Without a display it says so, prints where the built
// extension is and how to load it, and keeps serving the demo pages until Ctrl-C.
//
//   npm start                       build, serve, open Chromium (or print instructions)
//   npm start -- --no-wait          build, print where the extension is, and exit right away
//                                   (no browser, the demo page server is stopped)
//   npm start -- --no-build         reuse the existing .output/chrome-mv3
//   npm start -- --port N           port for the demo page server (default 8417, or a free one)
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium).

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT as ROOT, startStaticServer } from './serve-demo.mjs';

const EXTENSION = path.join(ROOT, '.output', 'chrome-mv3');
const PROFILE = path.join(ROOT, '.cache', 'chromium-profile');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const args = process.argv.slice(2);
const wait = !args.includes('--no-wait');
const build = !args.includes('--no-build');
let port = 8417;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--port') port = Number(args[++i]);
  else if (args[i].startsWith('--port=')) port = Number(args[i].slice('--port='.length));
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error('--port needs a number between 0 and 65535');
  process.exit(2);
}

function run(cmd, cmdArgs) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', (err) => {
      console.error(`Could not start ${cmd}: ${err.message}`);
      resolve(127);
    });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

// 1. Build.
if (build) {
  console.log('Building the extension (wxt build)...');
  const code = await run(path.join(ROOT, 'node_modules', '.bin', 'wxt'), ['build']);
  if (code !== 0) {
    console.error(`\nThe build failed (exit code ${code}); see the messages above.`);
    process.exit(code || 1);
  }
}
if (!existsSync(path.join(EXTENSION, 'manifest.json'))) {
  console.error(`No built extension at ${EXTENSION}. Run \`npm start\` without --no-build.`);
  process.exit(1);
}

// 2. Demo page server.
const server = await startStaticServer('demo', { port });
const pagesDir = path.join(ROOT, 'demo', 'pages');
let demoPage = 'pages/index.html';
if (!existsSync(path.join(pagesDir, 'index.html'))) {
  const first = existsSync(pagesDir)
    ? readdirSync(pagesDir)
        .filter((f) => f.endsWith('.html'))
        .sort()[0]
    : undefined;
  if (first) demoPage = `pages/${first}`;
  else console.warn(`Warning: no demo pages found in ${pagesDir}.`);
}
const demoUrl = server.url(demoPage);

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const hasChromium = existsSync(CHROMIUM);

function printManualSteps() {
  console.log(`
The built extension is in:
  ${EXTENSION}

To load it in Chrome or Chromium:
  1. open chrome://extensions
  2. switch on "Developer mode" (top right)
  3. click "Load unpacked" and choose the folder above

To load it in Firefox: run \`npm run build:firefox\`, open about:debugging#/runtime/this-firefox,
click "Load Temporary Add-on..." and choose .output/firefox-mv2/manifest.json.

${wait ? 'Demo pages are served at' : 'Demo pages were served at (stopped now because of --no-wait)'}:
  ${server.origin}/pages/
Demo article:
  ${demoUrl}

Crosscheck reads no site until you switch it on: on the demo article, click Crosscheck's toolbar
button, switch it on for 127.0.0.1 and allow it when the browser asks (or press "Check this page
once").`);
}

async function keepServing() {
  if (!wait) {
    await server.close();
    return;
  }
  console.log('\nServing the demo pages until you press Ctrl-C.');
  await new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log('\nStopping the demo page server.');
  await server.close();
}

if (!hasDisplay) {
  console.log('\nNo display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so no browser is opened.');
  printManualSteps();
  await keepServing();
  process.exit(0);
}

if (!hasChromium) {
  console.error(
    `\nChromium was not found at ${CHROMIUM}. Install it (Debian/Ubuntu: \`sudo apt-get install chromium\`)` +
      ' or set CHROMIUM_PATH to a Chromium binary. You can still load the extension by hand.',
  );
  printManualSteps();
  await keepServing();
  process.exit(1);
}

if (!wait) {
  console.log('\n--no-wait: not opening Chromium; the demo page server stops now.');
  printManualSteps();
  await server.close();
  process.exit(0);
}

// 3. Chromium with the extension, on a persistent profile kept between runs.
mkdirSync(PROFILE, { recursive: true });
const chromiumArgs = [
  `--user-data-dir=${PROFILE}`,
  `--disable-extensions-except=${EXTENSION}`,
  `--load-extension=${EXTENSION}`,
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-sync',
  ...(process.getuid?.() === 0 ? ['--no-sandbox', '--test-type'] : []),
  demoUrl,
];
const logFile = path.join(ROOT, '.cache', 'chromium.log');
console.log(`\nOpening Chromium with the extension on ${demoUrl}`);
console.log(
  'Crosscheck reads no site until you switch it on. The first time: open the extensions menu (the\n' +
    'puzzle piece) → Crosscheck, switch it on for 127.0.0.1 and allow it when Chromium asks\n' +
    '(or press "Check this page once"). The profile keeps that choice for the next runs.',
);
console.log(`(extension: ${EXTENSION}; profile: ${PROFILE}; browser messages: ${logFile})`);
const log = createWriteStream(logFile);
const browser = spawn(CHROMIUM, chromiumArgs, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
browser.stdout.pipe(log);
browser.stderr.pipe(log);
const stopBrowser = () => {
  if (browser.exitCode === null) browser.kill('SIGTERM');
};
process.once('SIGINT', stopBrowser);
process.once('SIGTERM', stopBrowser);

const code = await new Promise((resolve) => {
  browser.on('error', (err) => {
    console.error(`Could not start Chromium: ${err.message}`);
    resolve(1);
  });
  browser.on('exit', (c) => resolve(c ?? 0));
});
console.log('Chromium closed; stopping the demo page server.');
await server.close();
if (code !== 0) console.error(`Chromium exited with code ${code}; its messages are in ${logFile}.`);
process.exit(code);
