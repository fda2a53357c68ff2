// The cases list: owner isolation, filters and search, bulk and row actions, sorting, paging,
// URL state, and screenshots (desktop and phone, light and dark).
//
// Every test tags its cases with a unique tag and opens the list filtered by it, so cases created
// by other specs on the shared server never show up in its table.
import { test, expect, createCase, createCases, paths, shot, uniq, PHONE, OWNERS } from './fixtures';
import type { Page } from '@playwright/test';

const rows = (page: Page) => page.getByTestId('case-row');
const titles = (page: Page) => rows(page).locator('[data-row-link]');

/** The list of `sol`, filtered by `tag`, plus extra query pairs. */
function listUrl(tag: string, extra = '', sol: 'security' | 'observability' = 'security'): string {
  return `${paths.list(sol)}?tags=${encodeURIComponent(tag)}${extra ? `&${extra}` : ''}`;
}

test('a Security case shows in the Security list and not in Observability', async ({ api, loggedInPage: page }) => {
  const tag = uniq('iso');
  const c = await createCase(api, { title: uniq('Isolated case'), tags: [tag] });

  await page.goto(listUrl(tag));
  await expect(rows(page)).toHaveCount(1);
  await expect(titles(page)).toHaveText(c.title);
  await expect(rows(page).first()).toHaveAttribute('data-case-id', c.id);

  await page.goto(listUrl(tag, '', 'observability'));
  await expect(page.getByTestId('cases-empty')).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
});

test('filters by status and tag, and searches', async ({ api, loggedInPage: page }) => {
  const tag = uniq('flt');
  const word = uniq('needle').replace(/-/g, '');
  await createCase(api, { title: `Open one ${tag}`, tags: [tag] });
  const closed = await createCase(api, { title: `Closed one ${tag}`, tags: [tag], status: 'closed' });
  await createCase(api, { title: `Working on ${word}`, tags: [tag], status: 'in-progress' });

  // Tag filter through the popover.
  await page.goto(paths.list());
  await page.getByTestId('filter-tags').click();
  await page.getByTestId('filter-tags-search').fill(tag);
  await page.getByTestId(`filter-tags-option-${tag}`).check();
  await expect(page).toHaveURL(new RegExp(`tags=${tag}`));
  await expect(rows(page)).toHaveCount(3);
  await page.keyboard.press('Escape');

  // Status filter, with the counts of the answer.
  await page.getByTestId('filter-status').click();
  await expect(page.getByTestId('filter-status-popover')).toContainText('Closed');
  await page.getByTestId('filter-status-option-closed').check();
  await expect(page).toHaveURL(/status=closed/);
  await expect(rows(page)).toHaveCount(1);
  await expect(titles(page)).toHaveText(closed.title);
  await page.getByTestId('filter-status-clear').click();
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(3);

  // Search (debounced) narrows to the case with the word.
  await page.getByTestId('cases-search').fill(word);
  await expect(page).toHaveURL(new RegExp(`search=${word}`));
  await expect(rows(page)).toHaveCount(1);
  await expect(titles(page)).toHaveText(`Working on ${word}`);

  // No matches: the empty state offers to clear the filters.
  await page.getByTestId('cases-search').fill(`${word}zzz`);
  await expect(page.getByTestId('cases-empty')).toBeVisible();
  await page.getByTestId('empty-clear-filters').click();
  await expect(page.getByTestId('cases-search')).toHaveValue('');
  await expect(page).not.toHaveURL(/search=/);
});

test('bulk closes two selected cases', async ({ api, loggedInPage: page }) => {
  const tag = uniq('bulk');
  const [a, b] = await createCases(api, 2, { tags: [tag] });

  await page.goto(listUrl(tag));
  await expect(rows(page)).toHaveCount(2);
  await page.getByTestId('select-all').check();
  await expect(page.getByTestId('selected-count')).toHaveText('Selected 2 cases');
  await page.getByTestId('bulk-actions').click();
  await page.getByTestId('action-status').click();
  await page.getByTestId('action-status-closed').click();

  await expect(page.getByTestId('toast').filter({ hasText: 'Closed 2 cases' })).toBeVisible();
  await expect(rows(page).getByTestId('status-badge')).toHaveText(['Closed', 'Closed']);
  for (const c of [a, b]) {
    const res = await api.get(`/api/cases/${c.id}`);
    expect((await res.json()).status).toBe('closed');
  }
  await expect(page.getByTestId('selected-count')).toHaveCount(0);
});

test('row actions change the status and delete after confirming', async ({ api, loggedInPage: page }) => {
  const tag = uniq('row');
  const [first, second] = await createCases(api, 2, { tags: [tag] });

  await page.goto(listUrl(tag, 'sortField=title&sortOrder=asc'));
  await expect(titles(page)).toHaveText([first.title, second.title]);
  const row = rows(page).filter({ hasText: first.title });
  await row.getByTestId('row-actions').click();
  await page.getByTestId('action-status').click();
  await page.getByTestId('action-status-in-progress').click();
  await expect(row.getByTestId('status-badge')).toHaveText('In progress');

  await rows(page).filter({ hasText: second.title }).getByTestId('row-actions').click();
  await page.getByTestId('action-delete').click();
  await page.getByTestId('delete-cases-modal-confirm').click();
  await expect(rows(page)).toHaveCount(1);
  expect((await api.get(`/api/cases/${second.id}`)).status()).toBe(404);
});

test('a case changed elsewhere gives a clear message and the list refreshes', async ({ api, loggedInPage: page }) => {
  const tag = uniq('conflict');
  const c = await createCase(api, { title: uniq('Stale case'), tags: [tag] });

  await page.goto(listUrl(tag));
  await expect(rows(page)).toHaveCount(1);
  // Someone else raises the severity after the list loaded.
  const res = await api.patch('/api/cases', { data: { cases: [{ id: c.id, version: c.version, severity: 'critical' }] } });
  expect(res.ok()).toBeTruthy();

  await rows(page).first().getByTestId('row-actions').click();
  await page.getByTestId('action-status').click();
  await page.getByTestId('action-status-closed').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'The case changed in the meantime' })).toBeVisible();
  // The refreshed row shows the other user's change; the status did not change.
  await expect(rows(page).first().getByTestId('severity-badge')).toHaveText('Critical');
  await expect(rows(page).first().getByTestId('status-badge')).toHaveText('Open');
});

test('sorts by name both ways', async ({ api, loggedInPage: page }) => {
  const tag = uniq('sort');
  for (const t of ['Bravo', 'Alpha', 'Charlie']) await createCase(api, { title: `${t} ${tag}`, tags: [tag] });

  await page.goto(listUrl(tag));
  // Default: newest first.
  await expect(titles(page)).toHaveText([`Charlie ${tag}`, `Alpha ${tag}`, `Bravo ${tag}`]);
  await page.getByTestId('sort-name').click();
  await expect(page).toHaveURL(/sortField=title&sortOrder=asc/);
  await expect(titles(page)).toHaveText([`Alpha ${tag}`, `Bravo ${tag}`, `Charlie ${tag}`]);
  await page.getByTestId('sort-name').click();
  await expect(titles(page)).toHaveText([`Charlie ${tag}`, `Bravo ${tag}`, `Alpha ${tag}`]);
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Name');
});

test('pages through the results and changes the page size', async ({ api, loggedInPage: page }) => {
  const tag = uniq('page');
  await createCases(api, 12, { tags: [tag] });

  await page.goto(listUrl(tag));
  await expect(rows(page)).toHaveCount(10);
  await expect(page.getByTestId('cases-range')).toHaveText('Showing 1–10 of 12 cases');
  await page.getByTestId('page-2').click();
  await expect(page).toHaveURL(/page=2/);
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByTestId('page-next')).toBeDisabled();
  await page.getByTestId('per-page').selectOption('25');
  await expect(page).toHaveURL(/perPage=25/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(rows(page)).toHaveCount(12);
});

test('the URL keeps the state across reloads and the last state comes back', async ({ api, loggedInPage: page }) => {
  const tag = uniq('url');
  await createCase(api, { title: `Kept ${tag}`, tags: [tag], severity: 'critical' });
  await createCase(api, { title: `Other ${tag}`, tags: [tag], severity: 'low' });

  await page.goto(listUrl(tag, 'severity=critical&sortField=title&sortOrder=asc&perPage=25'));
  await expect(rows(page)).toHaveCount(1);
  await page.reload();
  await expect(page).toHaveURL(/severity=critical/);
  await expect(page).toHaveURL(/perPage=25/);
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId('filter-severity')).toContainText('1');
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Name');

  // The created-date presets are part of the URL too.
  await page.getByTestId('filter-date').click();
  await page.getByTestId('date-preset-now-7d').click();
  await expect(page).toHaveURL(/from=now-7d/);
  await expect(page.getByTestId('filter-date')).toContainText('Last 7 days');
  await expect(rows(page)).toHaveCount(1);

  // Opening the list without a query restores the last one (per solution).
  await page.goto(paths.list());
  await expect(page).toHaveURL(/severity=critical/);
  await expect(page).toHaveURL(new RegExp(`tags=${tag}`));
  await expect(rows(page)).toHaveCount(1);
  // An explicit query wins.
  await page.goto(`${paths.list()}?tags=${tag}`);
  await expect(rows(page)).toHaveCount(2);
});

test('a page load sends the first _find as the app starts, once, with the restored query', async ({
  api,
  loggedInPage: page,
}) => {
  const tag = uniq('early');
  await createCase(api, { title: `Early ${tag}`, tags: [tag], severity: 'high' });
  await page.goto(listUrl(tag, 'severity=high'));
  await expect(rows(page)).toHaveCount(1);

  // A cold load of the bare list URL: the remembered query is restored and asked for once,
  // before the shell asks for the capabilities (the page's own effect would come after them).
  const sent: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/') || u.pathname.startsWith('/internal/')) sent.push(u.pathname + u.search);
  });
  await page.goto('about:blank');
  await page.goto(paths.list());
  await expect(rows(page)).toHaveCount(1);
  await page.waitForLoadState('networkidle');
  const finds = sent.filter((u) => u.startsWith('/api/cases/_find'));
  expect(finds).toHaveLength(1);
  expect(finds[0]).toContain(`tags=${tag}`);
  expect(finds[0]).toContain('severity=high');
  const caps = sent.findIndex((u) => u.startsWith('/internal/casebook/capabilities'));
  expect(caps).toBeGreaterThan(-1);
  expect(sent.indexOf(finds[0])).toBeLessThan(caps);
});

test('j and k move through the rows and Enter opens the case', async ({ api, loggedInPage: page }) => {
  const tag = uniq('keys');
  const [a, b] = await createCases(api, 2, { tags: [tag] });

  await page.goto(listUrl(tag, 'sortField=title&sortOrder=asc'));
  await expect(rows(page)).toHaveCount(2);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  await expect(titles(page).nth(0)).toBeFocused();
  await page.keyboard.press('j');
  await expect(titles(page).nth(1)).toBeFocused();
  await page.keyboard.press('k');
  await expect(titles(page).nth(0)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${paths.detail(a.id)}$`));
  expect(b.id).not.toBe(a.id);
});

test('screenshots of the list', async ({ api, loggedInPage: page }) => {
  const tag = uniq('shot');
  const seeds = [
    { title: 'Ransomware note found on the finance file server', severity: 'critical', status: 'in-progress', tags: ['ransomware', 'finance', 'smb'] },
    { title: 'Phishing e-mail reported by the help desk', severity: 'high', tags: ['phishing', 'email'] },
    { title: 'Unusual login from a new country', severity: 'medium', status: 'closed', tags: ['identity'] },
    { title: 'Outdated TLS on the public API gateway', severity: 'low', tags: [] },
  ] as const;
  for (const s of seeds) {
    await createCase(api, { ...s, tags: [...s.tags, tag], owner: OWNERS.security });
  }
  await page.goto(listUrl(tag));
  await expect(rows(page)).toHaveCount(4);
  await shot(page, 'case-list');

  await page.setViewportSize(PHONE);
  await page.reload();
  await expect(rows(page)).toHaveCount(4);
  await shot(page, 'case-list-phone', { fullPage: true });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(listUrl(uniq('none')));
  await expect(page.getByTestId('cases-empty')).toBeVisible();
  await shot(page, 'case-list-empty');
});
