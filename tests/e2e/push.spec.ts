// Pushing cases to an external system from the case page, and the create form's connector and
// template. A small HTTP server started by each test plays the ticketing system a Webhook - Case
// Management connector talks to (like connectors.spec.ts), so the exact requests Casebook sends
// can be asserted. Each test works in a fresh space: the default connector and templates are
// per space and owner, and specs run in parallel.
import type { APIRequestContext, Locator } from '@playwright/test';
import { test, expect, createCase, createSpace, inSpace, paths, shot, startJsonServer, uniq } from './fixtures';

interface Received {
  method: string;
  path: string;
  body: any;
}

/** A ticketing API: POST /api/tickets creates #501, GET reads it, PUT updates, POST …/comments. */
async function startTickets(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = await startJsonServer((req, raw) => {
    const path = req.url ?? '';
    received.push({ method: req.method ?? '', path, body: raw ? JSON.parse(raw) : null });
    if (req.method === 'POST' && path === '/api/tickets') return [201, { data: { id: '501' } }];
    if (req.method === 'GET' && path === '/api/tickets/501') return [200, { data: { id: '501', key: 'TKT-501' } }];
    if (req.method === 'PUT' && path === '/api/tickets/501') return [200, { data: { id: '501' } }];
    if (req.method === 'POST' && path === '/api/tickets/501/comments') return [201, { ok: true }];
    return [500, { error: 'Ticket service is down' }];
  });
  return { ...server, received };
}

/** Scrolls the sidebar block to the middle of the viewport, so screenshots show all of it. */
async function centre(el: Locator) {
  await el.evaluate((e) => e.scrollIntoView({ block: 'center' }));
}

const FIELDS =
  '"title":{{{case.title}}},"description":{{{case.description}}},"tags":{{{case.tags}}},"caseId":{{{case.id}}}';

/** Creates a Webhook - Case Management connector for the ticketing API (as the admin). */
async function createWebhook(api: APIRequestContext, space: string, url: string, name = uniq('Tickets')) {
  const ticket = `${url}/api/tickets/{{{external.system.id}}}`;
  const res = await api.post(inSpace(space, '/api/actions/connector'), {
    data: {
      name,
      connector_type_id: '.cases-webhook',
      config: {
        createIncidentUrl: `${url}/api/tickets`,
        createIncidentMethod: 'post',
        createIncidentJson: `{"fields":{${FIELDS}}}`,
        createIncidentResponseKey: 'data.id',
        getIncidentUrl: ticket,
        getIncidentResponseExternalTitleKey: 'data.key',
        viewIncidentUrl: `${url}/browse/{{{external.system.title}}}`,
        updateIncidentUrl: ticket,
        updateIncidentMethod: 'put',
        updateIncidentJson: `{"fields":{${FIELDS}}}`,
        createCommentUrl: `${ticket}/comments`,
        createCommentMethod: 'post',
        createCommentJson: '{"body":{{{case.comment}}}}',
        hasAuth: false,
      },
      secrets: {},
    },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
  const c = await res.json();
  return { id: c.id as string, name, type: '.cases-webhook', fields: null };
}

/** Creates the security solution's configuration of `space`. */
async function configure(api: APIRequestContext, space: string, body: Record<string, unknown>) {
  const res = await api.post(inSpace(space, '/api/cases/configure'), {
    data: {
      owner: 'securitySolution',
      closure_type: 'close-by-user',
      connector: { id: 'none', name: 'none', type: '.none', fields: null },
      ...body,
    },
  });
  expect(res.ok(), await res.text()).toBeTruthy();
}

test('create a case with the default connector, push it, then update it with a comment', async ({
  api,
  loggedInPage: page,
}) => {
  // Two pushes, a comment and two screenshots: on a loaded 2-core machine this reached the end
  // just past the 30 s default.
  test.slow();
  const ext = await startTickets();
  try {
    const space = (await createSpace(api)).id;
    const hook = await createWebhook(api, space, ext.url);
    await configure(api, space, { connector: hook });

    // The create form starts with the default connector (webhooks have no case fields).
    await page.goto(paths.create('security', space));
    await expect(page.getByTestId('create-connector')).toHaveValue(hook.id);
    await expect(page.getByTestId('connector-case-fields')).toHaveCount(0);
    const title = uniq('Ransomware on file server');
    await page.getByTestId('create-title').fill(title);
    await page.getByTestId('create-description').fill('Encrypted shares on **fs-01**.');
    await page.getByTestId('create-submit').click();

    const block = page.getByTestId('sidebar-external');
    await expect(block.getByTestId('external-connector-name')).toHaveText(hook.name);
    await expect(block.getByTestId('push-state')).toHaveText('Not pushed yet');
    const push = block.getByTestId('push-button');
    await expect(push).toHaveText(new RegExp(`Push as ${hook.name} incident`));
    expect(ext.received).toEqual([]);

    await push.click();
    await expect(block.getByTestId('push-state')).toHaveText('Up to date');
    expect(ext.received.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /api/tickets', 'GET /api/tickets/501']);
    const created = ext.received[0].body.fields;
    expect(created.title).toBe(title);
    expect(created.description).toMatch(/^Encrypted shares on \*\*fs-01\*\*\.\n\nAdded by .+\.$/);
    expect(created.tags).toEqual([]);
    const link = block.getByTestId('external-link');
    await expect(link).toHaveAttribute('href', `${ext.url}/browse/TKT-501`);
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(link).toContainText('TKT-501');
    await expect(push).toBeDisabled();
    await expect(push).toHaveText(new RegExp(`Update ${hook.name} incident`));
    await expect(block.getByTestId('push-reason')).toContainText('up to date');
    await expect(page.getByText(/pushed as\s*TKT-501/).first()).toBeVisible();
    await centre(block);
    await shot(page, 'case-external-incident');

    // A new comment makes the incident stale; the update sends the case, then the comment.
    await page.getByTestId('new-comment-input').fill('Backups restored on fs-02.');
    await page.getByTestId('add-comment').click();
    await expect(block.getByTestId('push-state')).toHaveText('Needs update');
    await expect(push).toBeEnabled();
    await centre(block);
    await shot(page, 'case-external-needs-update');
    ext.received.length = 0;
    await push.click();
    await expect(block.getByTestId('push-state')).toHaveText('Up to date');
    expect(ext.received.map((r) => `${r.method} ${r.path}`)).toEqual([
      'PUT /api/tickets/501',
      'GET /api/tickets/501',
      'POST /api/tickets/501/comments',
    ]);
    expect(ext.received[0].body.fields.title).toBe(title);
    expect(ext.received[2].body.body).toMatch(/^Backups restored on fs-02\.\n\nAdded by .+\.$/);
  } finally {
    await ext.close();
  }
});

test('choose a connector and its fields on the case page; a failing push shows its error', async ({
  api,
  loggedInPage: page,
}) => {
  const ext = await startTickets();
  try {
    const space = (await createSpace(api)).id;
    const hiveName = uniq('Hive');
    const res = await api.post(inSpace(space, '/api/actions/connector'), {
      data: {
        name: hiveName,
        connector_type_id: '.thehive',
        // Every TheHive call lands on the ticket server's 500.
        config: { url: `${ext.url}/hive`, organisation: null },
        secrets: { apiKey: 'key' },
      },
    });
    expect(res.ok(), await res.text()).toBeTruthy();
    const hive = await res.json();
    const c = await createCase(api, { title: uniq('Beaconing host') }, space);

    await page.goto(paths.detail(c.id, 'security', space));
    const block = page.getByTestId('sidebar-external');
    await expect(block.getByTestId('external-connector-name')).toHaveText('No connector selected');
    await block.getByTestId('external-edit').click();
    await block.getByTestId('external-connector-select').selectOption(hive.id);
    // TheHive starts at AMBER, like Kibana.
    await expect(block.getByTestId('connector-field-tlp')).toHaveValue('2');
    await block.getByTestId('connector-field-tlp').selectOption({ label: 'RED' });
    await centre(block);
    await shot(page, 'case-external-edit');
    await block.getByTestId('external-save').click();
    await expect(block.getByTestId('external-connector-name')).toHaveText(hiveName);
    await expect(block.getByTestId('external-fields')).toContainText('RED');
    const stored = await (await api.get(inSpace(space, `/api/cases/${c.id}`))).json();
    expect(stored.connector).toEqual({ id: hive.id, name: hiveName, type: '.thehive', fields: { tlp: 4 } });
    await expect(page.getByText(/changed connector to/).first()).toBeVisible();

    await block.getByTestId('push-button').click();
    const error = block.getByTestId('push-error');
    await expect(error).toContainText('The case was not pushed.');
    await expect(error).toContainText('Ticket service is down');
    await expect(block.getByTestId('push-state')).toHaveText('Not pushed yet');
    await expect(page.getByTestId('conflict-callout')).toBeHidden();
    await centre(block);
    await shot(page, 'case-external-error');
  } finally {
    await ext.close();
  }
});

test('a template fills the create form without dropping what was typed', async ({ api, loggedInPage: page }) => {
  const ext = await startTickets();
  try {
    const space = (await createSpace(api)).id;
    const hook = await createWebhook(api, space, ext.url);
    await configure(api, space, {
      templates: [
        {
          key: 'phishing',
          name: 'Phishing report',
          description: 'For reported phishing mails.',
          caseFields: {
            description: 'Reported phishing mail.',
            tags: ['phishing'],
            severity: 'high',
            category: 'Email',
            connector: hook,
          },
        },
      ],
    });

    await page.goto(paths.create('security', space));
    await expect(page.getByTestId('create-connector')).toHaveValue('none');
    const title = uniq('Mail from the CEO');
    await page.getByTestId('create-title').fill(title);
    await page.getByTestId('create-tags').fill('mine');
    await page.getByTestId('create-tags').press('Enter');
    await page.getByTestId('create-template').selectOption({ label: 'Phishing report' });

    await expect(page.getByTestId('create-title')).toHaveValue(title);
    await expect(page.getByTestId('create-description')).toHaveValue('Reported phishing mail.');
    await expect(page.getByTestId('create-severity')).toHaveValue('high');
    await expect(page.getByTestId('create-category')).toHaveValue('Email');
    await expect(page.getByTestId('create-connector')).toHaveValue(hook.id);
    await expect(page.getByText('For reported phishing mails.')).toBeVisible();
    await shot(page, 'create-case-template', { fullPage: true });

    await page.getByTestId('create-submit').click();
    await expect(page.getByTestId('sidebar-external').getByTestId('external-connector-name')).toHaveText(hook.name);
    const found = await (
      await api.get(inSpace(space, `/api/cases/_find?search=${encodeURIComponent(title)}&owner=securitySolution`))
    ).json();
    const made = found.cases.find((x: any) => x.title === title);
    expect(made).toMatchObject({ severity: 'high', category: 'Email', connector: hook });
    expect([...made.tags].sort()).toEqual(['mine', 'phishing']);
  } finally {
    await ext.close();
  }
});
