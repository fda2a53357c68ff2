// The "Create case" page: inline validation with the API's messages, a required custom field,
// Markdown preview, tags/category/severity/assignees, cancel confirmation, and success opening
// the new case.
import type { APIRequestContext } from '@playwright/test';
import { test, expect, createSpace, paths, shot, uniq, PHONE, inSpace } from './fixtures';

/** Gives `space` a security configuration with a required text field and two optional ones. */
async function configureFields(api: APIRequestContext, space: string): Promise<void> {
  const res = await api.post(inSpace(space, '/api/cases/configure'), {
    data: {
      owner: 'securitySolution',
      closure_type: 'close-by-user',
      connector: { id: 'none', name: 'none', type: '.none', fields: null },
      customFields: [
        { key: 'ticket', label: 'Ticket', type: 'text', required: true },
        { key: 'risk', label: 'Risk score', type: 'number', required: false, defaultValue: 5 },
        { key: 'vip', label: 'VIP involved', type: 'toggle', required: false, defaultValue: false },
      ],
    },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
}

test('shows the API messages inline, enforces a required custom field and creates the case', async ({
  api,
  loggedInPage: page,
}) => {
  const space = (await createSpace(api)).id;
  await configureFields(api, space);
  await page.goto(paths.create('security', space));
  await expect(page.getByRole('heading', { name: 'Create case' })).toBeVisible();
  await expect(page.getByTestId('custom-field-risk')).toHaveValue('5');

  // Submitting the empty form sends nothing and shows every message.
  await page.getByTestId('create-submit').click();
  await expect(page.getByText('The title field cannot be an empty string.')).toBeVisible();
  await expect(page.getByText('The description field cannot be an empty string.')).toBeVisible();
  await expect(page.getByText('Missing required custom fields: "Ticket"')).toBeVisible();
  await expect(page.getByTestId('form-errors')).toContainText('3 highlighted fields');
  await expect(page).toHaveURL(/\/create$/);

  // A too-long title gets the API's length message as soon as the field is left.
  await page.getByTestId('create-title').fill('x'.repeat(161));
  await page.getByTestId('create-title').blur();
  await expect(page.getByText('The length of the title is too long. The maximum length is 160.')).toBeVisible();

  const title = uniq('Created in the form');
  await page.getByTestId('create-title').fill(title);
  await page.getByTestId('create-tags').fill('phishing');
  await page.getByTestId('create-tags').press('Enter');
  await page.getByTestId('create-tags').fill('mail');
  await page.getByTestId('create-tags').press('Enter');
  await expect(page.getByTestId('tag')).toHaveCount(2);
  await page.getByTestId('create-category').fill('Email');
  await page.getByTestId('create-severity').selectOption('high');
  await page.getByTestId('create-description').fill('Mail with **bold** text');
  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(page.locator('.cb-md-editor__preview strong')).toHaveText('bold');
  await page.getByRole('tab', { name: 'Write' }).click();
  await page.getByTestId('assign-yourself').click();
  await expect(page.getByTestId('assignee-chip')).toHaveCount(1);
  await page.getByTestId('custom-field-ticket').fill('INC-42');
  await expect(page.getByTestId('form-errors')).toHaveCount(0);
  await shot(page, 'create-case-filled', { fullPage: true });

  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('case-title')).toHaveText(title);
  const id = decodeURIComponent(page.url().split('/').pop()!);
  const created = await (await api.get(inSpace(space, `/api/cases/${id}`))).json();
  expect(created.tags).toEqual(['phishing', 'mail']);
  expect(created.category).toBe('Email');
  expect(created.severity).toBe('high');
  expect(created.assignees).toHaveLength(1);
  expect(created.customFields).toEqual(
    expect.arrayContaining([
      { key: 'ticket', type: 'text', value: 'INC-42' },
      { key: 'risk', type: 'number', value: 5 },
    ]),
  );
});

test('a server error keeps every typed value', async ({ loggedInPage: page }) => {
  await page.route('**/api/cases', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ statusCode: 500, error: 'Internal Server Error', message: 'Disk full' }),
        })
      : route.continue(),
  );
  await page.goto(paths.create());
  await page.getByTestId('create-title').fill('Will fail');
  await page.getByTestId('create-description').fill('Kept after the failure');
  await page.getByTestId('create-submit').click();
  await expect(page.getByTestId('server-error')).toContainText('Disk full');
  await expect(page.getByTestId('create-title')).toHaveValue('Will fail');
  await expect(page.getByTestId('create-description')).toHaveValue('Kept after the failure');
});

test('cancel asks before dropping typed text', async ({ loggedInPage: page }) => {
  await page.goto(paths.create());
  await page.getByTestId('create-title').fill('Half-written case');
  await page.getByTestId('create-cancel').click();
  await expect(page.getByTestId('discard-modal')).toBeVisible();
  await page.getByTestId('discard-modal-cancel').click();
  await expect(page.getByTestId('create-title')).toHaveValue('Half-written case');

  await page.getByTestId('create-cancel').click();
  await page.getByTestId('discard-modal-confirm').click();
  await expect(page).toHaveURL(new RegExp(`${paths.list()}$`));
});

test('the form fits a phone', async ({ loggedInPage: page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(paths.create());
  await page.getByTestId('create-submit').click();
  await expect(page.getByText('The title field cannot be an empty string.')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'create-case-phone', { fullPage: true });
});

test('assignees come from the user search, picked with the keyboard', async ({ loggedInPage: page }) => {
  await page.goto(paths.create());
  const search = page.getByTestId('user-picker');
  await search.click();
  await search.pressSequentially('elas', { delay: 30 });
  await expect(search).toBeFocused();
  await expect(page.getByRole('option', { name: 'Elastic Admin' })).toBeVisible();
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(page.getByTestId('assignee-chip')).toHaveText(/Elastic Admin/);
  await expect(search).toHaveValue('');
  await expect(page.getByTestId('assign-yourself')).toHaveCount(0);
});
