// Signing in and out, and what happens when the session ends.
import { test, expect, ADMIN, paths } from './fixtures';
import type { Page } from '@playwright/test';

async function fillLogin(page: Page, username: string, password: string) {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

test('a wrong password says so and keeps the username', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('Username')).toBeFocused();

  await fillLogin(page, ADMIN.username, 'not-the-password');

  await expect(page.getByRole('alert')).toHaveText('Username or password is incorrect. Please try again.');
  await expect(page.getByLabel('Username')).toHaveValue(ADMIN.username);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(page).toHaveURL(/\/login/);
});

test('empty fields are required', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Username is required.')).toBeVisible();
  await expect(page.getByText('Password is required.')).toBeVisible();
});

test('the right password lands on the Security cases', async ({ page }) => {
  await page.goto('/login');
  await fillLogin(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(new RegExp(`${paths.list('security')}$`));
  await expect(page.getByTestId('user-menu')).toBeVisible();
  await expect(page.getByTestId('breadcrumbs')).toContainText('Security');
});

test('signing in returns to next=', async ({ page }) => {
  const next = paths.create('observability');
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await fillLogin(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(new RegExp(`${next}$`));
});

test('the login page of a signed-in user goes on to the cases', async ({ loggedInPage: page }) => {
  await page.goto('/login');
  await expect(page).toHaveURL(new RegExp(`${paths.list('security')}$`));
});

test('signing out ends the session', async ({ loggedInPage: page }) => {
  await page.goto(paths.list());
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();

  await expect(page).toHaveURL(/\/login\?msg=LOGGED_OUT$/);
  await expect(page.getByTestId('login-message')).toHaveText('You have logged out.');

  // The session is gone: the app sends the user back to the login page.
  await page.goto(paths.list('observability'));
  await expect(page).toHaveURL(/\/login\?next=/);
});

test('an expired session goes to the login page and back', async ({ loggedInPage: page, context }) => {
  const where = paths.list('observability');
  await page.goto(where);
  await expect(page.getByTestId('user-menu')).toBeVisible();

  // The session cookie disappears (expired, or deleted in another tab).
  await context.clearCookies();
  await page.reload();

  await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(where)}`));
  await fillLogin(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(new RegExp(`${where}$`));
  await expect(page.getByTestId('user-menu')).toBeVisible();
});

test('an API call without a session sends the user to sign in, then back', async ({
  loggedInPage: page,
  context,
}) => {
  await page.goto(paths.list('security'));
  await expect(page.getByTestId('user-menu')).toBeVisible();
  // The list's later reads (configuration, profiles) must be done first: one sent after the
  // cookie is gone would send the user to sign in from the Security list instead.
  await page.waitForLoadState('networkidle');
  await context.clearCookies();

  // A client-side navigation: the next page's API call gets a 401.
  await page.keyboard.press('g');
  await page.keyboard.press('o');

  await expect(page).toHaveURL(/\/login\?next=%2Fapp%2Fobservability%2Fcases&msg=SESSION_EXPIRED$/);
  await expect(page.getByTestId('login-message')).toHaveText('Your session has timed out. Please log in again.');
  await fillLogin(page, ADMIN.username, ADMIN.password);
  await expect(page).toHaveURL(new RegExp(`${paths.list('observability')}$`));
});
