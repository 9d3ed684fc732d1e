// A manual check, not part of the build: how the web client feels on a large ledger.
// Usage: node e2e/large-ledger.mjs <baseUrl of a fresh server> [rows, default 1000000]
// Loads the rows through the batch endpoint, then times what a person waits for in the browser.
import { launch, until } from './harness.mjs';

const [baseUrl, rowsArg = '1000000'] = process.argv.slice(2);
const ROWS = Number(rowsArg);
const PASSWORD = 'correct horse battery';

async function call(method, path, body, token) {
  const r = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return r.status === 204 ? null : r.json();
}

const fresh = (await call('GET', '/registration')).firstUser; // else: loaded by an earlier run
if (fresh) await call('POST', '/users', { username: 'big', password: PASSWORD });
const { token } = await call('POST', '/tokens', { username: 'big', password: PASSWORD, name: 'load' });
const ledger = (await call('GET', '/ledgers', null, token))[0].id;
const types = ['food', 'rent', 'transport', 'fun', 'health', 'salary', 'utilities', 'gifts'];
const words = ['coffee', 'bread', 'train', 'cinema', 'pharmacy', 'power', 'book', 'market', 'lunch', 'taxi'];
const t0 = Date.now();
for (let done = 0; fresh && done < ROWS; done += 10000) {
  const batch = [];
  for (let i = done; i < Math.min(ROWS, done + 10000); i++) {
    const day = new Date(Date.UTC(2016, 0, 1) + (i % 3650) * 86400000).toISOString().slice(0, 10);
    const cents = (i % 9973) + 100;
    const amount = `-${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    batch.push({ date: day, type: types[i % 8], amount, description: `${words[i % 10]} ${words[(i * 7) % 10]} ${i}` });
  }
  await call('POST', `/ledgers/${ledger}/expenses/batch`, batch, token);
}
if (fresh) console.log(`loaded ${ROWS} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const browser = await launch();
const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })).newPage();
const rows = page.locator('.expense-table tbody tr[id^="expense-"]');
const time = async (what, action, done) => {
  const start = Date.now();
  await action();
  await until(what, done, 60000);
  console.log(`${what}: ${Date.now() - start} ms`);
};
page.on('console', (m) => console.log(`  [page] ${m.text()}`));
await page.goto(baseUrl);
await page.getByLabel('Username').fill('big');
await page.getByLabel('Password').fill(PASSWORD);
await time('sign in to the first rows', () => page.getByRole('button', { name: 'Sign in' }).click(), async () => (await rows.count()) > 0);
await until('the total', async () => (await page.locator('.totals').innerText()).includes('expenses'), 60000);
console.log(`totals: ${await page.locator('.totals').innerText()}`);
for (let i = 1; i <= 10; i++) {
  const before = await rows.last().getAttribute('id');
  await time(`scroll: page ${i + 1}`, () => page.locator('tr.spacer').last().scrollIntoViewIfNeeded(),
    async () => (await rows.last().getAttribute('id')) !== before);
}
console.log(`rows in the document: ${await rows.count()}`);
await page.evaluate(() => window.scrollTo(0, 0));
await time('search "coffee" with a type', async () => {
  await page.locator('.type-filter summary').click();
  await page.getByRole('checkbox', { name: 'food' }).check();
  await page.locator('.type-filter summary').click();
  await page.getByLabel('Search descriptions').fill('coffee');
}, async () => page.url().includes('q=coffee') && (await page.locator('.totals[aria-busy="false"]').count()) > 0 && (await rows.count()) > 0);
console.log(`totals: ${await page.locator('.totals').innerText()}`);
await time('sort by amount', () => page.getByRole('button', { name: /^Amount, sort/ }).click(),
  async () => page.url().includes('sort=-amount') && (await rows.count()) > 0);
await time('the dashboard', () => page.getByRole('link', { name: 'Dashboard' }).click(),
  async () => (await page.getByRole('table', { name: 'Totals by month' }).locator('tbody tr').count()) === 12);
await browser.close();
