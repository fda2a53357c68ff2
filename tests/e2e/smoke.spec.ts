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
