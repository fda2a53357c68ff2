// Stack Management › Connectors: an admin creates a Webhook - Case Management connector pointing
// at a small HTTP server started by the test, makes it the default connector in the settings,
// tests it (the external system's answer, and its error), and sees which cases use it before
// deleting it.
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, createSpace, inSpace, paths, shot, startJsonServer, uniq, PHONE } from './fixtures';

const CONNECTORS = '/app/management/insightsAndAlerting/triggersActionsConnectors/connectors';

/** A tiny "external incident system": POST /issues creates, GET /issues/:id reads. */
async function startExternal(): Promise<{ url: string; calls: string[]; close: () => Promise<void> }> {
  const calls: string[] = [];
  const server = await startJsonServer((req, body) => {
    calls.push(`${req.method} ${req.url}`);
    const m = req.url?.match(/^\/issues\/([^/?]+)$/);
    if (req.method === 'POST' && req.url === '/issues') return [201, { id: '101', received: JSON.parse(body || '{}') }];
    if (req.method === 'GET' && m && m[1] !== 'missing') {
      return [200, { id: m[1], key: `EXT-${m[1]}`, status: 'open' }];
    }
    return [404, { error: 'Issue does not exist' }];
  });
  return { ...server, calls };
}

async function fill(page: Page, key: string, value: string) {
  await page.getByTestId(`connector-field-${key}`).fill(value);
}

async function connectorId(api: APIRequestContext, space: string, name: string): Promise<string> {
  const list = await (await api.get(inSpace(space, '/api/actions/connectors'))).json();
  return list.find((c: any) => c.name === name).id;
}

test('create a webhook connector, make it the default, test it and delete it', async ({
  api,
  loggedInPage: page,
}) => {
  const ext = await startExternal();
  try {
    const space = (await createSpace(api)).id;
    await page.goto(inSpace(space, CONNECTORS));
    await expect(page.getByRole('heading', { name: 'Connectors', level: 1 })).toBeVisible();
    await expect(page.getByTestId('connectors-empty')).toBeVisible();

    await page.getByTestId('create-connector').click();
    await expect(page.getByTestId('connector-type-.jira')).toBeVisible();
    await shot(page, 'connectors-type-picker');
    await page.getByTestId('connector-type-.cases-webhook').click();

    // Inline validation before anything is sent.
    await page.getByTestId('connector-save').click();
    await expect(page.getByText('Connector name is required.')).toBeVisible();
    await expect(page.getByText('Create case URL is required.')).toBeVisible();
    await fill(page, 'createIncidentUrl', 'ftp://example.com');
    await page.getByTestId('connector-save').click();
    await expect(page.getByText('The URL must start with http:// or https://.')).toBeVisible();

    const name = uniq('Hook');
    await page.getByTestId('connector-name').fill(name);
    await fill(page, 'createIncidentUrl', `${ext.url}/issues`);
    await fill(page, 'createIncidentResponseKey', 'id');
    await fill(page, 'getIncidentUrl', `${ext.url}/issues/{{{external.system.id}}}`);
    await fill(page, 'getIncidentResponseExternalTitleKey', 'key');
    await fill(page, 'viewIncidentUrl', `${ext.url}/view/{{{external.system.title}}}`);
    await fill(page, 'updateIncidentUrl', `${ext.url}/issues/{{{external.system.id}}}`);
    await page.getByTestId('add-header').click();
    await page.getByLabel('Header name').fill('X-Team');
    await page.getByLabel('Header value').fill('secops');
    await shot(page, 'connectors-webhook-form');
    await page.getByTestId('connector-save').click();
    await expect(page.getByTestId('connector-flyout')).toBeHidden();
    const row = page.getByTestId('connector-row').filter({ hasText: name });
    await expect(row).toContainText('Webhook - Case Management');
    await expect(row.getByTestId('connector-used-by')).toHaveText('0 cases');

    const id = await connectorId(api, space, name);
    const stored = (await (await api.get(inSpace(space, `/api/actions/connector/${id}`))).json()).config;
    expect(stored.headers).toEqual({ 'X-Team': 'secops' });
    expect(stored.createIncidentMethod).toBe('post');

    // The default connector of the security settings.
    await page.goto(paths.settings('security', space));
    await page.getByTestId('default-connector').selectOption(id);
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('toast').filter({ hasText: 'Settings saved' })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('default-connector')).toHaveValue(id);
    const cfg = (await (await api.get(inSpace(space, '/api/cases/configure?owner=securitySolution'))).json())[0];
    expect(cfg.connector).toMatchObject({ id, name, type: '.cases-webhook' });

    // "Manage connectors" leads back; the test tab shows the external system's answer.
    await page.getByTestId('manage-connectors').click();
    await expect(page).toHaveURL(new RegExp(`/s/${space}${CONNECTORS}$`));
    await page.getByTestId('connector-row').filter({ hasText: name }).getByTestId('connector-test').click();
    await page.getByTestId('connector-test-id').fill('42');
    await page.getByTestId('connector-test-run').click();
    await expect(page.getByTestId('connector-test-data')).toContainText('"key": "EXT-42"');
    expect(ext.calls).toContain('GET /issues/42');
    await shot(page, 'connectors-test-ok');
    await page.getByTestId('connector-test-id').fill('missing');
    await page.getByTestId('connector-test-run').click();
    const result = page.getByTestId('connector-test-result');
    await expect(result).toContainText('error executing Webhook - Case Management connector');
    await expect(result).toContainText('Issue does not exist');
    await page.keyboard.press('Escape');

    // Editing: config prefilled, secrets write-only.
    await page.getByTestId('connector-row').filter({ hasText: name }).getByTestId('connector-edit').click();
    await expect(page.getByTestId('connector-field-createIncidentUrl')).toHaveValue(`${ext.url}/issues`);
    await page.getByTestId('connector-field-hasAuth').check();
    await expect(page.getByTestId('secrets-note').first()).toBeVisible();
    await page.getByTestId('connector-field-hasAuth').uncheck();
    await page.getByTestId('connector-name').fill(`${name} v2`);
    await page.getByTestId('connector-save').click();
    await expect(page.getByTestId('connector-row').filter({ hasText: `${name} v2` })).toBeVisible();

    // Delete lists the cases that use it.
    const connector = { id, name: `${name} v2`, type: '.cases-webhook', fields: null };
    const created = await api.post(inSpace(space, '/api/cases'), {
      data: {
        title: uniq('Uses the hook'),
        description: 'Pushed to the hook.',
        tags: [],
        owner: 'securitySolution',
        settings: { syncAlerts: false },
        connector,
      },
    });
    expect(created.ok(), await created.text()).toBeTruthy();
    const used = await created.json();
    await page.reload();
    await expect(page.getByTestId('connector-row').first().getByTestId('connector-used-by')).toHaveText('1 case');
    await page.getByTestId('connector-row').first().getByTestId('connector-delete').click();
    const dialog = page.getByTestId('delete-connector-dialog');
    await expect(dialog.getByTestId('connector-usage')).toContainText('1 case uses this connector');
    await expect(dialog.getByTestId('connector-usage-list')).toContainText(used.title);
    await shot(page, 'connectors-delete');
    await dialog.getByTestId('delete-connector-confirm').click();
    await expect(page.getByTestId('connectors-empty')).toBeVisible();
  } finally {
    await ext.close();
  }
});

test('connector list and forms on a phone', async ({ api, loggedInPage: page }) => {
  const space = (await createSpace(api)).id;
  const res = await api.post(inSpace(space, '/api/actions/connector'), {
    data: {
      name: 'Jira Cloud',
      connector_type_id: '.jira',
      config: { apiUrl: 'https://jira.example.com', projectKey: 'SEC' },
      secrets: { email: 'bot@example.com', apiToken: 'token' },
    },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  await page.setViewportSize(PHONE);
  await page.goto(inSpace(space, CONNECTORS));
  await expect(page.getByTestId('connector-row')).toContainText('Jira Cloud');
  await shot(page, 'connectors-phone', { fullPage: true });
  await page.getByTestId('connector-edit').click();
  await expect(page.getByTestId('connector-field-projectKey')).toHaveValue('SEC');
  await expect(page.getByTestId('connector-field-apiToken')).toHaveValue('');
  await shot(page, 'connectors-edit-phone');
});
