// Each persona sees and does exactly what its role allows (issue "Access control" §3/§5): a
// read-only analyst, a lead who can assign, an admin, and a user who sees only Observability.
// The server enforces every rule (server/tests/authz_*.rs); these tests check that the UI hides
// what would be refused and says why, instead of offering actions that end in a 403.
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { test, expect, addComment, createCase, paths, shot, uniq } from './fixtures';
import { loginViaApi } from './helpers';

const PASSWORD = 'persona-pass-1';

/** Creates a user with `roles` through the users API; returns its credentials. */
async function createUser(api: APIRequestContext, roles: string[]): Promise<{ username: string; password: string }> {
  const username = uniq('user').toLowerCase().replace(/[^a-z0-9_-]/g, '');
  const res = await api.post(`/internal/security/users/${username}`, {
    data: { password: PASSWORD, roles, full_name: `Persona ${roles.join(' ')}`, email: `${username}@example.com` },
  });
  expect(res.ok(), `create user: ${res.status()} ${await res.text()}`).toBeTruthy();
  return { username, password: PASSWORD };
}

/** A page in a fresh browser context signed in as `user`. */
async function pageAs(browser: Browser, baseURL: string, user: { username: string; password: string }): Promise<Page> {
  const ctx = await browser.newContext({ baseURL });
  await loginViaApi(ctx, user);
  return ctx.newPage();
}

test('a read-only analyst reads cases but is offered no change', async ({ api, browser, baseURL }) => {
  const user = await createUser(api, ['viewer']);
  const c = await createCase(api, { title: uniq('Readonly'), tags: ['ro'] });
  await addComment(api, c.id, 'A comment the viewer may read');
  const page = await pageAs(browser, baseURL!, user);

  await page.goto(paths.list() + `?search=${encodeURIComponent(c.title)}`);
  const row = page.getByTestId('case-row').filter({ hasText: c.title });
  await expect(row).toBeVisible();
  await expect(page.getByTestId('read-only-badge')).toBeVisible();
  await expect(page.getByTestId('create-case')).toHaveCount(0);
  await expect(page.getByTestId('cases-settings')).toHaveCount(0);
  await expect(row.getByTestId('row-select')).toBeHidden();
  await row.getByTestId('row-actions').click();
  await expect(page.getByTestId('action-copy-id')).toBeVisible();
  await expect(page.getByTestId('action-delete')).toHaveCount(0);
  await expect(page.getByTestId('action-status')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await shot(page, 'persona-viewer-list');

  await page.goto(paths.detail(c.id));
  await expect(page.getByTestId('case-title')).toHaveText(c.title);
  await expect(page.getByTestId('status-read-only')).toBeVisible();
  await expect(page.getByTestId('status-menu')).toHaveCount(0);
  await expect(page.getByTestId('edit-title')).toHaveCount(0);
  await expect(page.getByTestId('edit-description')).toHaveCount(0);
  await expect(page.getByTestId('edit-tags')).toHaveCount(0);
  await expect(page.getByTestId('assign-yourself')).toHaveCount(0);
  await expect(page.getByTestId('new-comment-input')).toHaveCount(0);
  await expect(page.getByTestId('read-only-note')).toBeVisible();
  const comment = page.getByTestId('comment').filter({ hasText: 'A comment the viewer may read' });
  await comment.getByTestId('comment-actions').click();
  await expect(page.getByTestId('comment-copy-link')).toBeVisible();
  await expect(page.getByTestId('comment-edit')).toHaveCount(0);
  await expect(page.getByTestId('comment-delete')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await page.getByTestId('case-actions').click();
  await expect(page.getByTestId('copy-case-id')).toBeVisible();
  await expect(page.getByTestId('delete-case')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await shot(page, 'persona-viewer-case', { fullPage: true });

  // Typing the create URL says why instead of showing a form that would end in a 403.
  await page.goto(paths.create());
  await expect(page.getByTestId('no-access')).toContainText('create cases');
  await page.goto(paths.settings());
  await expect(page.getByTestId('no-access')).toContainText('change the case settings');
  await page.context().close();
});

test('a lead assigns and deletes, but has no settings', async ({ api, browser, baseURL }) => {
  const user = await createUser(api, ['cases_lead']);
  const c = await createCase(api, { title: uniq('Lead') });
  const page = await pageAs(browser, baseURL!, user);

  await page.goto(paths.list() + `?search=${encodeURIComponent(c.title)}`);
  await expect(page.getByTestId('case-row').filter({ hasText: c.title })).toBeVisible();
  await expect(page.getByTestId('create-case')).toBeVisible();
  await expect(page.getByTestId('cases-settings')).toHaveCount(0);
  await page.getByTestId('case-row').filter({ hasText: c.title }).getByTestId('row-actions').click();
  await expect(page.getByTestId('action-assignees')).toBeVisible();
  await expect(page.getByTestId('action-delete')).toBeVisible();
  await page.keyboard.press('Escape');

  await page.goto(paths.detail(c.id));
  await page.getByTestId('sidebar-assignees').getByTestId('assign-yourself').click();
  await expect(page.getByTestId('assignee')).toHaveCount(1);
  await expect(page.getByTestId('assignee')).toContainText('Persona cases_lead');
  await expect(page.getByTestId('status-menu')).toBeVisible();
  await page.getByTestId('case-actions').click();
  await expect(page.getByTestId('delete-case')).toBeVisible();
  await page.keyboard.press('Escape');
  await shot(page, 'persona-lead-case');

  await page.goto(paths.settings());
  await expect(page.getByTestId('no-access')).toBeVisible();
  await page.context().close();
});

test('an analyst without cases_assign or delete sees neither', async ({ api, browser, baseURL }) => {
  const user = await createUser(api, ['cases_analyst']);
  const c = await createCase(api, { title: uniq('Analyst') });
  const page = await pageAs(browser, baseURL!, user);
  await page.goto(paths.detail(c.id));
  await expect(page.getByTestId('new-comment-input')).toBeVisible();
  await expect(page.getByTestId('edit-title')).toBeVisible();
  await expect(page.getByTestId('assign-yourself')).toHaveCount(0);
  await page.getByTestId('case-actions').click();
  await expect(page.getByTestId('delete-case')).toHaveCount(0);
  await page.context().close();
});

test('an admin changes settings and manages connectors', async ({ api, browser, baseURL }) => {
  const user = await createUser(api, ['cases_admin']);
  const page = await pageAs(browser, baseURL!, user);
  await page.goto(paths.list());
  await expect(page.getByTestId('cases-settings')).toBeVisible();
  await page.getByTestId('cases-settings').click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByTestId('no-access')).toHaveCount(0);
  await page.goto('/app/management/insightsAndAlerting/triggersActionsConnectors/connectors');
  await expect(page.getByTestId('create-connector')).toBeVisible();
  await page.context().close();
});

test('a user with Observability only sees only Observability', async ({ api, browser, baseURL }) => {
  const role = uniq('obs_only').toLowerCase().replace(/[^a-z0-9_-]/g, '_');
  const put = await api.put(`/api/security/role/${role}`, {
    data: { elasticsearch: {}, kibana: [{ base: [], feature: { observabilityCasesV3: ['all'] }, spaces: ['*'] }] },
  });
  expect(put.ok(), `put role: ${put.status()} ${await put.text()}`).toBeTruthy();
  const user = await createUser(api, [role]);
  const obs = await createCase(api, { title: uniq('ObsOnly'), owner: 'observability' });
  const sec = await createCase(api, { title: uniq('SecHidden') });
  const page = await pageAs(browser, baseURL!, user);

  await page.goto(paths.list('observability') + `?search=${encodeURIComponent(obs.title)}`);
  await expect(page.getByTestId('case-row').filter({ hasText: obs.title })).toBeVisible();
  await page.getByTestId('solution-switcher').click();
  await expect(page.getByTestId('solution-observability')).toBeVisible();
  await expect(page.getByTestId('solution-securitySolution')).toHaveCount(0);
  await expect(page.getByTestId('solution-cases')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // Security by URL: no list, a way to the solution the user has.
  await page.goto(paths.list('security'));
  await expect(page.getByTestId('no-access')).toContainText('You do not have access to Security cases');
  await expect(page.getByTestId('case-list-page')).toBeHidden();
  await shot(page, 'persona-observability-only-security');
  await page.getByTestId('no-access-go-observability').click();
  await expect(page).toHaveURL(/\/app\/observability\/cases/);
  await expect(page.getByTestId('case-list-page')).toBeVisible();

  // A Security case opened by id is refused by the server.
  await page.goto(paths.detail(sec.id));
  await expect(page.getByTestId('case-error')).toBeVisible();
  await expect(page.getByText(sec.title)).toHaveCount(0);
  await page.context().close();
});
