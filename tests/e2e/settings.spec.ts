// The case settings page: custom fields and templates saved and shown again after a reload,
// the API's messages inline, the closure option, and a 409 that keeps the user's edits.
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, createSpace, inSpace, paths, shot, PHONE } from './fixtures';

/** The security configuration of `space` (undefined when there is none). */
async function securityConfig(api: APIRequestContext, space: string): Promise<any> {
  const res = await api.get(inSpace(space, '/api/cases/configure?owner=securitySolution'));
  expect(res.ok(), await res.text()).toBeTruthy();
  return (await res.json())[0];
}

/** Adds a custom field through the flyout. */
async function addField(page: Page, label: string, opts: { required?: boolean; type?: string } = {}) {
  await page.getByTestId('add-custom-field').click();
  const flyout = page.getByTestId('custom-field-flyout');
  await expect(flyout).toBeVisible();
  await flyout.getByTestId('custom-field-label').fill(label);
  if (opts.type) await flyout.getByTestId('custom-field-type').selectOption(opts.type);
  if (opts.required) await flyout.getByTestId('custom-field-required').check();
  await flyout.getByTestId('custom-field-save').click();
  await expect(flyout).toBeHidden();
}

async function save(page: Page) {
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Settings saved' })).toBeVisible();
  await expect(page.getByTestId('settings-savebar')).toBeHidden();
}

test('adds a required text field and a template, and shows them after a reload', async ({
  api,
  loggedInPage: page,
}) => {
  const space = (await createSpace(api)).id;
  await page.goto(paths.settings('security', space));
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByText('No custom fields yet.')).toBeVisible();

  // The API's own message, inline, before anything is sent.
  await page.getByTestId('add-custom-field').click();
  await page.getByTestId('custom-field-save').click();
  await expect(page.getByText('The label field cannot be an empty string.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('custom-field-flyout')).toBeHidden();

  await addField(page, 'Ticket number', { required: true });
  const item = page.getByTestId('custom-field-item');
  await expect(item).toContainText('Ticket number');
  await expect(item).toContainText('Required');
  await expect(item).toContainText('Text');

  // A template pre-filling the case title, severity, tags and the new field.
  await page.getByTestId('add-template').click();
  const flyout = page.getByTestId('template-flyout');
  await flyout.getByTestId('template-name').fill('Phishing');
  await flyout.getByTestId('template-description').fill('Reported phishing mails');
  await flyout.getByTestId('template-case-title').fill('Phishing report');
  await flyout.getByTestId('template-severity').selectOption('high');
  await flyout.getByTestId('template-case-tags').fill('phishing');
  await flyout.getByTestId('template-case-tags').press('Enter');
  await flyout.locator('input[data-testid^="custom-field-"]').fill('INC-1');
  await shot(page, 'settings-template-flyout');
  await flyout.getByTestId('template-save').click();
  await expect(flyout).toBeHidden();
  await expect(page.getByTestId('template-item')).toContainText('Phishing');
  await save(page);

  await page.reload();
  await expect(page.getByTestId('custom-field-item')).toContainText('Ticket number');
  await expect(page.getByTestId('custom-field-item')).toContainText('Required');
  await expect(page.getByTestId('template-item')).toContainText('Phishing');
  await shot(page, 'settings-filled', { fullPage: true });

  const cfg = await securityConfig(api, space);
  expect(cfg.customFields).toHaveLength(1);
  const field = cfg.customFields[0];
  expect(field).toMatchObject({ label: 'Ticket number', type: 'text', required: true });
  expect(field.key).toMatch(/^[a-z0-9_-]{1,36}$/);
  expect(cfg.templates[0]).toMatchObject({
    name: 'Phishing',
    description: 'Reported phishing mails',
    caseFields: {
      title: 'Phishing report',
      severity: 'high',
      tags: ['phishing'],
      customFields: [{ key: field.key, type: 'text', value: 'INC-1' }],
    },
  });

  // Editing keeps the key; deleting asks first.
  await page.getByRole('button', { name: 'Edit custom field Ticket number' }).click();
  await expect(page.getByTestId('custom-field-type')).toBeDisabled();
  await page.getByTestId('custom-field-label').fill('Ticket');
  await page.getByTestId('custom-field-save').click();
  await save(page);
  expect((await securityConfig(api, space)).customFields[0]).toMatchObject({ key: field.key, label: 'Ticket' });
});

test('the closure option is saved, and a 409 keeps the edits and reloads on top', async ({
  api,
  loggedInPage: page,
}) => {
  const space = (await createSpace(api)).id;
  await page.goto(paths.settings('security', space));
  await page.getByTestId('closure-close-by-pushing').check();
  await save(page);
  expect((await securityConfig(api, space)).closure_type).toBe('close-by-pushing');

  // Someone else adds a field while this page adds another one.
  await addField(page, 'Mine', { type: 'toggle' });
  const cfg = await securityConfig(api, space);
  const res = await api.patch(inSpace(space, `/api/cases/configure/${cfg.id}`), {
    data: {
      version: cfg.version,
      customFields: [{ key: 'theirs', label: 'Theirs', type: 'text', required: false }],
    },
  });
  expect(res.ok(), await res.text()).toBeTruthy();

  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-conflict')).toContainText('These settings were changed by someone else');
  await expect(page.getByTestId('custom-field-item').filter({ hasText: 'Mine' })).toBeVisible();
  await shot(page, 'settings-conflict');
  await page.getByTestId('settings-reload').click();
  await expect(page.getByTestId('settings-conflict')).toBeHidden();
  await expect(page.getByTestId('custom-field-item')).toHaveCount(2);
  await save(page);
  const labels = (await securityConfig(api, space)).customFields.map((f: any) => f.label);
  expect(labels).toEqual(['Theirs', 'Mine']);
});

test('a first configuration created meanwhile by someone else is a conflict, not overwritten', async ({
  api,
  loggedInPage: page,
}) => {
  const space = (await createSpace(api)).id;
  await page.goto(paths.settings('security', space));
  await page.getByTestId('closure-close-by-pushing').check();
  const res = await api.post(inSpace(space, '/api/cases/configure'), {
    data: {
      owner: 'securitySolution',
      closure_type: 'close-by-user',
      connector: { id: 'none', name: 'none', type: '.none', fields: null },
      customFields: [{ key: 'early', label: 'Early bird', type: 'text', required: false }],
    },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  await page.getByTestId('settings-save').click();
  await expect(page.getByTestId('settings-conflict')).toBeVisible();
  await page.getByTestId('settings-reload').click();
  await expect(page.getByTestId('custom-field-item')).toContainText('Early bird');
  await expect(page.getByTestId('closure-close-by-pushing')).toBeChecked();
  await save(page);
  const cfg = await securityConfig(api, space);
  expect(cfg.closure_type).toBe('close-by-pushing');
  expect(cfg.customFields.map((f: any) => f.label)).toEqual(['Early bird']);
});

test('limits, discard, and the phone layout', async ({ api, loggedInPage: page }) => {
  const space = (await createSpace(api)).id;
  const res = await api.post(inSpace(space, '/api/cases/configure'), {
    data: {
      owner: 'securitySolution',
      closure_type: 'close-by-user',
      connector: { id: 'none', name: 'none', type: '.none', fields: null },
      customFields: Array.from({ length: 10 }, (_, i) => ({
        key: `f${i}`,
        label: `Field ${i}`,
        type: i % 3 === 0 ? 'toggle' : i % 3 === 1 ? 'number' : 'text',
        required: i % 2 === 0,
      })),
    },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  await page.setViewportSize(PHONE);
  await page.goto(paths.settings('security', space));
  await expect(page.getByTestId('custom-field-item')).toHaveCount(10);
  await expect(page.getByTestId('add-custom-field')).toBeDisabled();
  await expect(page.getByText('You have reached the limit of 10 custom fields.')).toBeVisible();

  await page.getByRole('button', { name: 'Delete custom field Field 3' }).click();
  await page.getByTestId('settings-delete-confirm').click();
  await expect(page.getByTestId('custom-field-item')).toHaveCount(9);
  await expect(page.getByTestId('add-custom-field')).toBeEnabled();
  await shot(page, 'settings-phone', { fullPage: true });
  await page.getByTestId('settings-discard').click();
  await expect(page.getByTestId('custom-field-item')).toHaveCount(10);
  await expect(page.getByTestId('settings-savebar')).toBeHidden();
});
