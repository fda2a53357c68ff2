// Screenshots of the sign-in page and the shell in light and dark, desktop and phone width
// (tests/e2e/artifacts/screenshots/). They check little; they are there to be looked at.
import { test, expect, createCase, paths, shot, PHONE } from './fixtures';

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', PHONE],
] as const) {
  test.describe(label, () => {
    test.use({ viewport });

    test('login page', async ({ page }) => {
      await page.goto('/login?msg=LOGGED_OUT');
      await expect(page.getByTestId('login-message')).toBeVisible();
      await shot(page, `login-${label}`);
      await page.getByLabel('Username').fill('elastic');
      await page.getByLabel('Password', { exact: true }).fill('wrong');
      await page.getByRole('button', { name: 'Log in' }).click();
      await expect(page.getByTestId('login-error')).toBeVisible();
      await shot(page, `login-error-${label}`);
    });

    test('shell with menus', async ({ api, loggedInPage: page }) => {
      await createCase(api, { title: 'Suspicious login from a new country', severity: 'high', tags: ['phishing'] });
      await page.goto(paths.list());
      await expect(page.getByTestId('user-menu')).toBeVisible();
      await page.waitForLoadState('networkidle');
      await shot(page, `shell-list-${label}`);
      await page.getByTestId('solution-switcher').click();
      await shot(page, `shell-solution-menu-${label}`);
      await page.keyboard.press('Escape');
      await page.getByTestId('space-switcher').click();
      await expect(page.getByTestId('space-default')).toBeVisible();
      await shot(page, `shell-space-menu-${label}`);
      await page.keyboard.press('Escape');
      await page.getByTestId('user-menu').click();
      await shot(page, `shell-user-menu-${label}`);
    });

    test('other pages', async ({ api, loggedInPage: page }) => {
      const c = await createCase(api, { title: 'Ransomware note on file server', severity: 'critical' });
      await page.goto(paths.create());
      await page.waitForLoadState('networkidle');
      await shot(page, `page-create-${label}`);
      await page.goto(paths.detail(c.id));
      await page.waitForLoadState('networkidle');
      await shot(page, `page-detail-${label}`);
      await page.goto('/nowhere');
      await shot(page, `page-not-found-${label}`);
    });
  });
}

// The case list's panels load from their own wasm chunks (src/pages/case_list/lazy.rs): each
// must open with its content, in both themes.
test('case list panels', async ({ api, loggedInPage: page }) => {
  await createCase(api, { title: 'Suspicious login from a new country', severity: 'high', tags: ['phishing'] });
  await page.goto(paths.list());
  await expect(page.getByTestId('case-row').first()).toBeVisible();
  await page.getByTestId('filter-status').click();
  await expect(page.getByTestId('filter-status-option-open')).toBeVisible();
  await shot(page, 'case-list-filter-status');
  await page.keyboard.press('Escape');
  await page.getByTestId('filter-date').click();
  await expect(page.getByTestId('date-apply')).toBeVisible();
  await shot(page, 'case-list-filter-date');
  await page.keyboard.press('Escape');
  await page.getByTestId('column-picker').click();
  await expect(page.getByTestId('column-toggle-tags')).toBeVisible();
  await shot(page, 'case-list-columns');
  await page.keyboard.press('Escape');
  await page.getByTestId('row-actions').first().click();
  await expect(page.getByTestId('action-tags')).toBeVisible();
  await shot(page, 'case-list-row-menu');
  await page.getByTestId('action-tags').click();
  await expect(page.getByTestId('edit-tags')).toBeVisible();
  await shot(page, 'case-list-edit-tags');
});
