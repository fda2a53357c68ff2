// Stack Management administration (src/pages/admin/): the admin (elastic) creates a role that
// grants All on Observability cases in one new space, creates a user with it, and checks what
// that user sees in a browser of their own; resets the password, disables and deletes the user.
// Also: API keys (the encoded key works until invalidated), spaces (create, edit, delete) and
// the superuser gate. Only one wrong sign-in in the whole file (the disabled user).
import type { Browser, Page } from '@playwright/test';
import { test, expect, createCase, createSpace, inSpace, paths, shot, uniq, PHONE } from './fixtures';
import { loginViaApi } from './helpers';

/** Mirrors AdminPage in src/routes.rs. */
const ADMIN_PATHS = {
  users: '/app/management/security/users',
  roles: '/app/management/security/roles',
  apiKeys: '/app/management/security/api_keys',
  spaces: '/app/management/kibana/spaces',
};

/** A lowercase unique name usable as a username, role name or space id. */
function name(prefix: string): string {
  return uniq(prefix).toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

/** A page in a fresh browser context signed in as `user` (or signed out when `user` is null). */
async function pageAs(browser: Browser, baseURL: string, user: { username: string; password: string } | null): Promise<Page> {
  const ctx = await browser.newContext({ baseURL });
  if (user) await loginViaApi(ctx, user);
  return ctx.newPage();
}

test('a role for Observability cases in one space, a user with it, password reset, disable, delete', async ({
  api,
  browser,
  baseURL,
  loggedInPage: page,
}) => {
  test.setTimeout(120_000);
  const space = (await createSpace(api, { name: 'Ops team' })).id;
  const obs = await createCase(api, { title: uniq('ObsIncident'), owner: 'observability' }, space);
  const sec = await createCase(api, { title: uniq('SecIncident'), owner: 'securitySolution' }, space);
  const roleName = name('obs-role');
  const username = name('ann');

  // --- The role: the API's validation message shows inline and the form keeps its values.
  await page.goto(ADMIN_PATHS.roles);
  await expect(page.getByRole('heading', { name: 'Roles', level: 1 })).toBeVisible();
  await expect(page.locator('[data-role="superuser"]').getByTestId('role-reserved-badge')).toBeVisible();
  await expect(page.locator('[data-role="superuser"]').getByTestId('role-delete')).toHaveCount(0);
  await page.getByTestId('create-role').click();
  const flyout = page.getByTestId('role-flyout');
  await flyout.getByTestId('role-name').fill(`${roleName} x`);
  await flyout.getByTestId('role-description').fill('Works Observability cases of the Ops team');
  await flyout.getByTestId('role-spaces-all').uncheck();
  await flyout.getByTestId(`role-space-${space}`).check();
  await flyout.getByTestId('role-feature-observabilityCasesV3').selectOption('all');
  await flyout.getByTestId('role-save').click();
  await expect(flyout.getByTestId('role-save-error')).toContainText('must be a non-empty name without spaces');
  await expect(flyout.getByTestId('role-description')).toHaveValue('Works Observability cases of the Ops team');
  await expect(flyout.getByTestId('role-feature-observabilityCasesV3')).toHaveValue('all');
  await expect(flyout.getByTestId(`role-space-${space}`)).toBeChecked();
  await flyout.getByTestId('role-name').fill(roleName);
  // Sub-features: customising All starts with every sub-feature; turning it off again is All.
  await flyout.getByTestId('role-custom-observabilityCasesV3').check();
  await expect(flyout.getByTestId('role-sub-observabilityCasesV3-cases_delete')).toBeChecked();
  await shot(page, 'admin-role-editor');
  await flyout.getByTestId('role-custom-observabilityCasesV3').uncheck();
  await flyout.getByTestId('role-save').click();
  await expect(flyout).toHaveCount(0);
  const roleRow = page.locator(`[data-role="${roleName}"]`);
  await expect(roleRow.getByTestId('role-summary')).toHaveText(`Observability cases: All in ${space}`);
  await shot(page, 'admin-roles');
  const stored = await (await api.get(`/api/security/role/${roleName}`)).json();
  expect(stored.kibana).toEqual([{ base: [], feature: { observabilityCasesV3: ['all'] }, spaces: [space] }]);

  // --- The user.
  await page.getByTestId('mgmt-nav-users').click();
  await expect(page).toHaveURL(new RegExp(`${ADMIN_PATHS.users}$`));
  await page.getByTestId('create-user').click();
  const uf = page.getByTestId('user-flyout');
  await uf.getByTestId('user-username').fill(username);
  await uf.getByTestId('user-password').fill('first-pass-1');
  await uf.getByTestId('user-confirm').fill('first-pass-2');
  await uf.getByTestId('user-full-name').fill('Ann Analyst');
  await uf.getByTestId('user-email').fill(`${username}@example.com`);
  await uf.getByTestId(`role-option-${roleName}`).check();
  await uf.getByTestId('user-save').click();
  await expect(uf.getByText("The passwords don't match.")).toBeVisible();
  await uf.getByTestId('user-confirm').fill('first-pass-1');
  await uf.getByTestId('user-save').click();
  await expect(uf).toHaveCount(0);
  const userRow = page.locator(`[data-username="${username}"]`);
  await expect(userRow.getByTestId('user-roles')).toHaveText(roleName);
  await expect(userRow.getByTestId('user-status')).toHaveText('Enabled');
  await expect(userRow).toContainText('Ann Analyst');
  await shot(page, 'admin-users');

  // Editing keeps the password and changes the name.
  await userRow.getByTestId('user-actions').click();
  await page.getByTestId('user-edit').click();
  await uf.getByTestId('user-full-name').fill('Ann A. Analyst');
  await uf.getByTestId('user-save').click();
  await expect(userRow).toContainText('Ann A. Analyst');

  // --- What Ann sees: Observability cases in the space, no Security cases, no admin pages.
  const ann = await pageAs(browser, baseURL!, { username, password: 'first-pass-1' });
  await ann.goto(paths.list('observability', space));
  await expect(ann.getByTestId('case-row').filter({ hasText: obs.title })).toBeVisible();
  await expect(ann.getByTestId('create-case')).toBeVisible();
  await ann.goto(paths.list('security', space));
  await expect(ann.getByTestId('no-access')).toBeVisible();
  await expect(ann.getByText(sec.title)).toHaveCount(0);
  const find = await ann.request.get(inSpace(space, `/api/cases/_find?owner=securitySolution`));
  if (find.ok()) expect((await find.json()).cases).toEqual([]);
  else expect(find.status()).toBe(403);
  await ann.goto(inSpace(space, ADMIN_PATHS.users));
  await expect(ann.getByTestId('admin-forbidden')).toContainText('You need the superuser role to manage users');
  await expect(ann.getByTestId('mgmt-nav-roles')).toHaveCount(0);
  await expect(ann.getByTestId('mgmt-nav-api_keys')).toBeVisible();
  await ann.getByTestId('user-menu').click();
  await expect(ann.getByTestId('menu-api-keys')).toBeVisible();
  await expect(ann.getByTestId('menu-users')).toHaveCount(0);
  await ann.keyboard.press('Escape');
  await shot(ann, 'admin-forbidden');

  // --- Password reset: Ann's session ends; the new password works.
  await userRow.getByTestId('user-actions').click();
  await page.getByTestId('user-reset-password').click();
  await page.getByTestId('password-new').fill('second-pass-2');
  await page.getByTestId('password-confirm').fill('second-pass-2');
  await page.getByTestId('password-save').click();
  await expect(page.getByTestId('password-modal')).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: `Password of ${username} changed` })).toBeVisible();
  const me = await ann.request.get('/internal/security/me');
  expect(me.status()).toBe(401);
  await ann.context().close();
  const ann2 = await pageAs(browser, baseURL!, { username, password: 'second-pass-2' });
  await ann2.context().close();

  // --- Disable: sign-in then fails with a clear message (the file's only failed attempt).
  await userRow.getByTestId('user-actions').click();
  await page.getByTestId('user-disable').click();
  await expect(page.getByTestId('user-confirm')).toContainText('can\'t sign in');
  await page.getByTestId('user-confirm-confirm').click();
  await expect(userRow.getByTestId('user-status')).toHaveText('Disabled');
  const signIn = await pageAs(browser, baseURL!, null);
  await signIn.goto('/login');
  await signIn.locator('#cb-login-username').fill(username);
  await signIn.locator('#cb-login-password').fill('second-pass-2');
  await signIn.getByRole('button', { name: 'Log in' }).click();
  await expect(signIn.getByTestId('login-error')).toContainText('Username or password is incorrect');
  await signIn.context().close();

  // Enable again, then delete: the account stays, disabled and without roles.
  await userRow.getByTestId('user-actions').click();
  await page.getByTestId('user-enable').click();
  await expect(userRow.getByTestId('user-status')).toHaveText('Enabled');
  await userRow.getByTestId('user-actions').click();
  await page.getByTestId('user-delete').click();
  await page.getByTestId('user-confirm-confirm').click();
  await expect(userRow.getByTestId('user-status')).toHaveText('Disabled');
  await expect(userRow.getByTestId('user-roles')).toHaveText('No roles');
  // elastic cannot disable or delete themselves.
  await page.locator('[data-username="elastic"]').getByTestId('user-actions').click();
  await expect(page.getByTestId('user-reset-password')).toBeVisible();
  await expect(page.getByTestId('user-delete')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // --- Delete the role.
  await page.getByTestId('mgmt-nav-roles').click();
  await page.locator(`[data-role="${roleName}"]`).getByTestId('role-delete').click();
  await page.getByTestId('role-confirm-confirm').click();
  await expect(page.locator(`[data-role="${roleName}"]`)).toHaveCount(0);
  expect((await api.get(`/api/security/role/${roleName}`)).status()).toBe(404);
});

test('an API key works until it is invalidated; its secret shows once', async ({ playwright, baseURL, loggedInPage: page }) => {
  const keyName = uniq('ci-key');
  await page.goto(ADMIN_PATHS.apiKeys);
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible();
  await page.getByTestId('create-api-key').click();
  const flyout = page.getByTestId('api-key-flyout');
  await flyout.getByTestId('api-key-name').fill(keyName);
  await flyout.getByTestId('api-key-expiration').fill('soon');
  await flyout.getByTestId('api-key-limit').check();
  await flyout.getByTestId('api-key-descriptors').fill('{"broken": ');
  await flyout.getByTestId('api-key-save').click();
  await expect(flyout.getByText('Use a number and a unit')).toBeVisible();
  await expect(flyout.getByText('This is not valid JSON')).toBeVisible();
  await flyout.getByTestId('api-key-expiration').fill('7d');
  await flyout.getByTestId('api-key-limit').uncheck();
  await flyout.getByTestId('api-key-save').click();
  await expect(flyout).toHaveCount(0);

  const created = page.getByTestId('api-key-created');
  await expect(created).toContainText('It will not be shown again');
  const encoded = (await created.getByTestId('api-key-encoded').innerText()).trim();
  expect(encoded.length).toBeGreaterThan(20);
  const row = page.locator(`[data-key="${keyName}"]`);
  await expect(row.getByTestId('api-key-status')).toHaveText('Active');
  await expect(row).not.toContainText('Never');
  await shot(page, 'admin-api-keys');

  const anon = await playwright.request.newContext({ baseURL });
  const call = () => anon.get('/api/cases/_find', { headers: { authorization: `ApiKey ${encoded}` } });
  expect((await call()).status()).toBe(200);

  // Dismissed (or after a reload) the secret is gone for good.
  await page.getByTestId('api-key-dismiss').click();
  await expect(created).toHaveCount(0);
  await page.reload();
  await expect(row).toBeVisible();
  await expect(page.getByText(encoded)).toHaveCount(0);

  await row.getByTestId('api-key-invalidate').click();
  await page.getByTestId('api-key-confirm-confirm').click();
  await expect(row.getByTestId('api-key-status')).toHaveText('Invalidated');
  await expect(row.getByTestId('api-key-invalidate')).toHaveCount(0);
  expect((await call()).status()).toBe(401);
  await anon.dispose();
});

test('spaces: create with an identifier from the name, edit, delete; default is reserved', async ({
  api,
  loggedInPage: page,
}) => {
  const label = `Blue ${uniq('team')}`;
  await page.goto(inSpace('default', ADMIN_PATHS.spaces));
  await expect(page.getByRole('heading', { name: 'Spaces', level: 1 })).toBeVisible();
  await expect(page.locator('[data-space="default"]').getByTestId('space-delete')).toHaveCount(0);
  await page.getByTestId('create-space').click();
  const flyout = page.getByTestId('space-flyout');
  await flyout.getByTestId('space-name').fill(label);
  const id = await flyout.getByTestId('space-id').inputValue();
  expect(id).toMatch(/^blue-team-[a-z0-9-]+$/);
  await flyout.getByTestId('space-description').fill('Blue team cases');
  await shot(page, 'admin-space-flyout');
  await flyout.getByTestId('space-save').click();
  await expect(flyout).toHaveCount(0);
  const row = page.locator(`[data-space="${id}"]`);
  await expect(row).toContainText(label);
  await expect(row).toContainText('Blue team cases');
  // The header's space switcher lists the new space at once, without a reload.
  await page.getByTestId('space-switcher').click();
  await expect(page.getByTestId(`space-${id}`)).toContainText(label);
  await page.keyboard.press('Escape');

  await row.getByTestId('space-edit').click();
  await expect(flyout.getByTestId('space-id')).toBeDisabled();
  await flyout.getByTestId('space-name').fill(`${label} (EU)`);
  await flyout.getByTestId('space-description').fill('Blue team, Europe');
  await flyout.getByTestId('space-save').click();
  await expect(row).toContainText(`${label} (EU)`);
  await expect(row).toContainText('Blue team, Europe');
  const stored = await (await api.get(`/api/spaces/space/${id}`)).json();
  expect(stored).toMatchObject({ id, name: `${label} (EU)`, description: 'Blue team, Europe' });
  await shot(page, 'admin-spaces');

  // The pages also live under /s/{space}.
  await page.goto(inSpace(id, ADMIN_PATHS.spaces));
  await expect(page.locator(`[data-space="${id}"]`)).toContainText('Current');
  await page.goto(ADMIN_PATHS.spaces);
  await row.getByTestId('space-delete').click();
  await expect(page.getByTestId('space-confirm')).toContainText('deleted with it');
  await page.getByTestId('space-confirm-confirm').click();
  await expect(row).toHaveCount(0);
  expect((await api.get(`/api/spaces/space/${id}`)).status()).toBe(404);
  await page.getByTestId('space-switcher').click();
  await expect(page.getByTestId('space-default')).toBeVisible();
  await expect(page.getByTestId(`space-${id}`)).toHaveCount(0);
});

test('the user menu links to every admin page for a superuser', async ({ loggedInPage: page }) => {
  await page.goto(paths.list('management'));
  await page.getByTestId('user-menu').click();
  for (const id of ['menu-users', 'menu-roles', 'menu-spaces', 'menu-api-keys']) {
    await expect(page.getByTestId(id)).toBeVisible();
  }
  await page.getByTestId('menu-roles').click();
  await expect(page).toHaveURL(new RegExp(`${ADMIN_PATHS.roles}$`));
  await expect(page.getByTestId('management-nav')).toBeVisible();
  await expect(page.getByTestId('breadcrumbs')).toContainText('Roles');
  // On a phone the navigation becomes a row of links and tables become cards.
  await page.setViewportSize(PHONE);
  await page.getByTestId('mgmt-nav-users').click();
  await expect(page.getByTestId('users-table')).toBeVisible();
  await shot(page, 'admin-users-phone');
});
