// Smoke test of the harness itself: the server is up, seeding works, a signed-in page loads.
import { test, expect, createCase, paths } from './fixtures';

test('server answers and a signed-in page loads the SPA', async ({ api, loggedInPage: page }) => {
  const c = await createCase(api, { title: 'Harness smoke case' });
  expect(c.id).toBeTruthy();
  const res = await page.goto(paths.list());
  expect(res?.status()).toBe(200);
  await expect(page.locator('body')).not.toBeEmpty();
  await expect(page).toHaveTitle(/Casebook/);
});

test('the case list loads without the other pages; a page fetches its chunk when opened', async ({
  api,
  loggedInPage: page,
}) => {
  await createCase(api, { title: 'Lazy routes smoke case' });
  const wasm: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.wasm')) wasm.push(path);
  });
  await page.goto(paths.list());
  await expect(page.getByTestId('case-row').first()).toBeVisible();
  // The main module, then (after the rows) the case and create-case pages in the background.
  await expect.poll(() => wasm.some((w) => w.includes('case_detail_route'))).toBe(true);
  expect(wasm.filter((w) => w.includes('connectors_route'))).toHaveLength(0);

  // The connectors page comes in its own chunk, once it is opened.
  await page.goto('/app/management/insightsAndAlerting/triggersActionsConnectors/connectors');
  await expect(page.getByRole('heading', { name: 'Connectors', level: 1 })).toBeVisible();
  expect(wasm.filter((w) => w.includes('connectors_route'))).toHaveLength(1);
});
