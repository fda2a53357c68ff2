// The shell around every solution page: header switchers, user menu and theme, breadcrumbs,
// keyboard shortcuts, and the pages outside solutions (home, not found).
import { test, expect, createSpace, paths, shot, uniq, PHONE } from './fixtures';

test('/ goes to the Security cases', async ({ loggedInPage: page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`${paths.list('security')}$`));
});

test('the header shows who is signed in', async ({ api, loggedInPage: page }) => {
  await page.goto(paths.list());
  await page.getByTestId('user-menu').click();
  const me = await (await api.get('/internal/security/me')).json();
  await expect(page.getByTestId('user-menu-name')).toHaveText(me.full_name || me.username);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('user-menu-panel')).toBeHidden();
  await expect(page.getByTestId('user-menu')).toBeFocused();
});

test('the solution switcher keeps the space', async ({ api, loggedInPage: page }) => {
  const space = await createSpace(api, { name: 'Solution switch' });
  await page.goto(paths.list('security', space.id));

  await page.getByTestId('solution-switcher').click();
  await expect(page.getByRole('menuitem', { name: 'Security' })).toHaveAttribute('aria-current', 'page');
  await page.getByRole('menuitem', { name: 'Observability' }).click();

  await expect(page).toHaveURL(new RegExp(`${paths.list('observability', space.id)}$`));
  await expect(page.getByTestId('solution-switcher')).toContainText('Observability');
  await expect(page.getByTestId('breadcrumbs')).toContainText('Observability');
});

test('the solution switcher works from the keyboard', async ({ loggedInPage: page }) => {
  await page.goto(paths.list());
  await page.getByTestId('solution-switcher').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Stack Management' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${paths.list('management')}$`));
});

test('the space switcher keeps the solution', async ({ api, loggedInPage: page }) => {
  const id = uniq('team').toLowerCase();
  await createSpace(api, { id, name: 'Team Rocket', initials: 'TR', color: '#D36086' });
  await page.goto(paths.list('observability'));
  await expect(page.getByTestId('space-switcher')).toHaveAccessibleName(/Space: Default/);

  await page.getByTestId('space-switcher').click();
  await expect(page.getByTestId('space-default')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId(`space-${id}`).click();

  await expect(page).toHaveURL(new RegExp(`${paths.list('observability', id)}$`));
  await expect(page.getByTestId('space-switcher')).toHaveAccessibleName(/Space: Team Rocket/);
  await expect(page.getByTestId('space-switcher')).toContainText('TR');
});

test('dark theme survives a reload; System follows the OS', async ({ loggedInPage: page }) => {
  await page.goto(paths.list());
  await page.getByTestId('user-menu').click();
  await page.getByTestId('theme-dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.reload();
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(7, 16, 31)');
  await page.screenshot({ path: 'tests/e2e/artifacts/screenshots/theme-dark-after-reload.png' });

  await page.getByTestId('user-menu').click();
  await expect(page.getByTestId('theme-dark')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('theme-system').click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
});

test('breadcrumbs name the page', async ({ loggedInPage: page }) => {
  await page.goto(paths.create('management'));
  const crumbs = page.getByTestId('breadcrumbs');
  await expect(crumbs).toContainText('Stack Management');
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText('Create case');
  await crumbs.getByRole('link', { name: 'Cases' }).click();
  await expect(page).toHaveURL(new RegExp(`${paths.list('management')}$`));
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText('Cases');
});

test('? shows the shortcuts; g o, g m, g s and c navigate', async ({ loggedInPage: page }) => {
  await page.goto(paths.list());
  await expect(page.getByTestId('user-menu')).toBeVisible();

  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Go to Observability cases');
  await shot(page, 'shortcuts-overlay');
  // Shortcuts are off while a dialog is open.
  await page.keyboard.press('g');
  await page.keyboard.press('o');
  await expect(page).toHaveURL(new RegExp(`${paths.list('security')}$`));
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('g');
  await page.keyboard.press('o');
  await expect(page).toHaveURL(new RegExp(`${paths.list('observability')}$`));
  await page.keyboard.press('g');
  await page.keyboard.press('m');
  await expect(page).toHaveURL(new RegExp(`${paths.list('management')}$`));
  await page.keyboard.press('c');
  await expect(page).toHaveURL(new RegExp(`${paths.create('management')}$`));
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page).toHaveURL(new RegExp(`${paths.list('security')}$`));
});

test('shortcuts stay quiet while typing', async ({ loggedInPage: page }) => {
  await page.goto(paths.create());
  const input = page.locator('input:visible, textarea:visible').first();
  await input.click();
  await page.keyboard.type('g o c ?');
  await expect(page).toHaveURL(new RegExp(`${paths.create()}$`));
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
});

test('the header button opens the shortcuts too', async ({ loggedInPage: page }) => {
  await page.goto(paths.list());
  await page.getByTestId('shortcuts-button').click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await expect(page.getByTestId('shortcuts-button')).toBeFocused();
});

test('unknown paths show Page not found', async ({ loggedInPage: page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to cases' }).click();
  await expect(page).toHaveURL(new RegExp(`${paths.list('security')}$`));
});

test('on a phone the header keeps one row with its menus', async ({ loggedInPage: page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(paths.list());
  const header = page.getByTestId('header');
  await expect(header).toBeVisible();
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(49);
  await expect(page.getByTestId('shortcuts-button')).toBeHidden();
  // Nothing wider than the screen.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByTestId('user-menu').click();
  await expect(page.getByTestId('sign-out')).toBeInViewport();
});
