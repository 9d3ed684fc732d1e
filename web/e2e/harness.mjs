// A small test runner for the end-to-end suite: one browser, tests in order, a line per test, and a summary.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/** Polls {@code check} until it returns a truthy value; fails with {@code what} after {@code ms}. */
export async function until(what, check, ms = 10000) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function assert(condition, message) {
  if (!condition) throw new Error(`Assertion failed: ${message}`);
}

export function equal(actual, expected, message) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page; fails on any serious or critical violation. */
export async function axe(page, screen) {
  // Injected through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of result) {
    if (!bad.includes(v)) console.log(`    axe (${screen}): ${v.impact} ${v.id}: ${v.help}`);
  }
  if (bad.length > 0) {
    throw new Error(`axe found ${bad.length} serious or critical violations on ${screen}:\n${bad.map((v) => `  ${v.impact} ${v.id}: ${v.help} at ${v.nodes.join(', ')}`).join('\n')}`);
  }
}

/** Runs the tests in order; stops at the first failure, since later tests build on earlier ones. */
export async function run(tests, onFailure = async () => {}) {
  const started = Date.now();
  let passed = 0;
  let skipped = 0;
  for (const [name, body] of tests) {
    const t0 = Date.now();
    try {
      const outcome = await body();
      if (outcome && outcome.skipped) {
        skipped++;
        console.log(`  - ${name} (skipped: ${outcome.skipped})`);
      } else {
        passed++;
        console.log(`  ✓ ${name} (${Date.now() - t0} ms)`);
      }
    } catch (e) {
      console.log(`  ✗ ${name} (${Date.now() - t0} ms)`);
      await onFailure().catch(() => {});
      console.log(String(e && e.stack ? e.stack : e).split('\n').map((l) => `    ${l}`).join('\n'));
      console.log(`e2e: ${passed} passed, 1 failed, ${tests.length - passed - 1 - skipped} not run, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return false;
    }
  }
  console.log(`e2e: ${passed} passed, ${skipped} skipped, 0 failed, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}
