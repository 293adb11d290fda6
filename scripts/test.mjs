#!/usr/bin/env node
// `npm test`: unit tests, then a build of the extension, then the end-to-end tests in real
// Chromium. Ends with one plain line `N passed, N failed` counting every test that ran.
//
//   npm test                         everything
//   npm test -- --project unit       unit tests only (no build, no browser)
//   npm test -- --project e2e        build + end-to-end tests only
//   npm test -- --no-build           reuse the existing .output/chrome-mv3
//   npm test -- popup                any other arguments (file filters, -t NAME, ...) go to vitest
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium); time limits in minutes
// TEST_UNIT_MINUTES (3), TEST_BUILD_MINUTES (2), TEST_E2E_MINUTES (7).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'node_modules', '.bin');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// ---- arguments -------------------------------------------------------------------------------
const projects = [];
let build = true;
const passThrough = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === '--project' && i + 1 < argv.length) projects.push(argv[++i]);
  else if (arg.startsWith('--project=')) projects.push(arg.slice('--project='.length));
  else if (arg === '--no-build') build = false;
  else passThrough.push(arg);
}
for (const p of projects) {
  if (p !== 'unit' && p !== 'e2e') {
    console.error(`Unknown project "${p}": use --project unit or --project e2e.`);
    process.exit(2);
  }
}
const runUnit = projects.length === 0 || projects.includes('unit');
const runE2e = projects.length === 0 || projects.includes('e2e');
// A project with no matching test file (e.g. a file filter for the other project) runs 0 tests;
// that is reported below but is not a failure.
const extra = [...passThrough, '--passWithNoTests'];

// ---- helpers ---------------------------------------------------------------------------------
// Time limits so a hung browser cannot hold up CI (minutes; override with env).
const LIMIT_MINUTES = {
  unit: Number(process.env.TEST_UNIT_MINUTES) || 3,
  build: Number(process.env.TEST_BUILD_MINUTES) || 2,
  e2e: Number(process.env.TEST_E2E_MINUTES) || 7,
};

/** Runs a command in its own process group; kills the group after `minutes`. Resolves to the exit code. */
function run(cmd, args, minutes) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env, detached: true });
    const killGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    const forward = (signal) => () => killGroup(signal);
    const onInt = forward('SIGINT');
    const onTerm = forward('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n${path.basename(cmd)} ${args[0] ?? ''} did not finish within ${minutes} minutes; stopping it.`);
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 5000).unref();
    }, minutes * 60_000);
    const done = (code) => {
      clearTimeout(timer);
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(timedOut ? 124 : code);
    };
    child.on('error', (err) => {
      console.error(`Could not start ${cmd}: ${err.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

const totals = { passed: 0, failed: 0 };
const problems = [];

function heading(text) {
  console.log(`\n=== ${text} ===\n`);
}

/** Runs one vitest project and adds its counts to the totals. */
async function vitestProject(name) {
  const dir = mkdtempSync(path.join(tmpdir(), 'crosscheck-test-'));
  const reportFile = path.join(dir, `${name}.json`);
  const code = await run(path.join(BIN, 'vitest'), [
    'run',
    '--project',
    name,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportFile}`,
    ...extra,
  ], LIMIT_MINUTES[name]);
  let report;
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch (err) {
    report = undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!report) {
    totals.failed += 1;
    problems.push(
      code === 124
        ? `${name}: stopped after ${LIMIT_MINUTES[name]} minutes without finishing (raise TEST_${name.toUpperCase()}_MINUTES if needed)`
        : `${name}: vitest wrote no report (exit code ${code}); it crashed or did not start, see above`,
    );
    return;
  }
  let passed = Number(report.numPassedTests) || 0;
  let failed = Number(report.numFailedTests) || 0;
  // A file that failed without a failing test (import error, failing beforeAll hook) still
  // counts: each of its tests that did not run is a failure, or the file as one failure.
  for (const file of report.testResults ?? []) {
    const results = file.assertionResults ?? [];
    if (file.status === 'failed' && !results.some((a) => a.status === 'failed')) {
      const notRun = results.filter((a) => a.status !== 'passed').length;
      failed += Math.max(1, notRun);
      const rel = path.relative(ROOT, file.name ?? '?');
      problems.push(`${name}: ${rel} failed outside its tests${file.message ? `: ${firstLine(file.message)}` : ''}`);
    }
  }
  if (code === 124) problems.push(`${name}: stopped after ${LIMIT_MINUTES[name]} minutes`);
  if (code !== 0 && failed === 0) {
    failed = 1;
    problems.push(`${name}: vitest exited with code ${code} (errors outside tests, see above)`);
  }
  if (Number(report.numTotalTests) === 0 && failed === 0) {
    console.log(`\nNote: no ${name} tests ${passThrough.length ? 'matched the filter' : 'found'}.`);
  }
  totals.passed += passed;
  totals.failed += failed;
}

function firstLine(s) {
  return String(s).split('\n')[0].slice(0, 200);
}

// ---- run -------------------------------------------------------------------------------------
if (runUnit) {
  heading('Unit tests');
  await vitestProject('unit');
}

if (runE2e) {
  let ready = true;
  if (build) {
    heading('Building the extension (wxt build)');
    const code = await run(path.join(BIN, 'wxt'), ['build'], LIMIT_MINUTES.build);
    if (code !== 0) {
      ready = false;
      totals.failed += 1;
      problems.push(`build: wxt build failed with exit code ${code}; end-to-end tests not run`);
    }
  }
  if (ready && !existsSync(path.join(ROOT, '.output', 'chrome-mv3', 'manifest.json'))) {
    ready = false;
    totals.failed += 1;
    problems.push('e2e: no built extension in .output/chrome-mv3 (run without --no-build); end-to-end tests not run');
  }
  if (ready && !existsSync(CHROMIUM)) {
    ready = false;
    totals.failed += 1;
    problems.push(
      `e2e: Chromium not found at ${CHROMIUM}; end-to-end tests not run. ` +
        'Install it with `apt-get install -y chromium` or set CHROMIUM_PATH.',
    );
  }
  if (ready) {
    heading('End-to-end tests (real Chromium)');
    await vitestProject('e2e');
  }
}

console.log('');
for (const p of problems) console.log(`FAILED ${p}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed > 0 ? 1 : 0;
