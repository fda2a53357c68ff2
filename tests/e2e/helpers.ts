// Helpers for Casebook's browser tests: credentials, paths, seeding data through the REST API,
// signing in, and screenshots in both themes.
//
// Seed data through `api` (fixtures.ts) and give it unique names (`uniq`): the server is shared
// by every spec of the run, and specs run in parallel.
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** The superuser the global setup creates (CASEBOOK_ELASTIC_PASSWORD). */
export const ADMIN = {
  username: 'elastic',
  password: 'changeme',
  basic: 'Basic ' + Buffer.from('elastic:changeme').toString('base64'),
};

/** The owner wire value of each solution. */
export const OWNERS = {
  security: 'securitySolution',
  observability: 'observability',
  management: 'cases',
} as const;
export type SolutionKey = keyof typeof OWNERS;

/** Base path of each solution's Cases app (mirrors src/routes.rs). */
export const CASES_PATH: Record<SolutionKey, string> = {
  security: '/app/security/cases',
  observability: '/app/observability/cases',
  management: '/app/management/insightsAndAlerting/cases',
};

/** `path` inside `space` (`/s/{space}` prefix unless it is the default space). */
export function inSpace(space: string | undefined, path: string): string {
  return !space || space === 'default' ? path : `/s/${space}${path}`;
}

/** Path of a solution's case list, create page, or one case, optionally in a space. */
export const paths = {
  list: (sol: SolutionKey = 'security', space?: string) => inSpace(space, CASES_PATH[sol]),
  create: (sol: SolutionKey = 'security', space?: string) => inSpace(space, `${CASES_PATH[sol]}/create`),
  settings: (sol: SolutionKey = 'security', space?: string) =>
    inSpace(space, `${CASES_PATH[sol]}/configure`),
  detail: (id: string, sol: SolutionKey = 'security', space?: string) =>
    inSpace(space, `${CASES_PATH[sol]}/${encodeURIComponent(id)}`),
};

let counter = 0;
/** A string unique within the run: `prefix-<time>-<n>`. */
export function uniq(prefix = 'e2e'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${process.pid.toString(36)}${counter}`;
}

/** Fails with the response body when a seeding call did not succeed. */
async function ok<T>(res: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<T> {
  if (!res.ok()) {
    throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  }
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Fields of a new case; everything optional (defaults: a unique title, security owner). */
export interface NewCase {
  title?: string;
  description?: string;
  tags?: string[];
  severity?: 'low' | 'medium' | 'high' | 'critical';
  owner?: (typeof OWNERS)[SolutionKey];
  category?: string | null;
  assignees?: { uid: string }[];
  status?: 'open' | 'in-progress' | 'closed';
}

/** A case as the API returns it (the fields tests usually read). */
export interface CaseJson {
  id: string;
  version: string;
  title: string;
  status: string;
  severity: string;
  owner: string;
  tags: string[];
  [key: string]: unknown;
}

/** Creates a case through `POST /api/cases` (then sets `status` with a PATCH if asked). */
export async function createCase(api: APIRequestContext, c: NewCase = {}, space?: string): Promise<CaseJson> {
  const body = {
    title: c.title ?? uniq('Case'),
    description: c.description ?? 'Created by an end-to-end test.',
    tags: c.tags ?? [],
    owner: c.owner ?? OWNERS.security,
    severity: c.severity ?? 'low',
    settings: { syncAlerts: false },
    connector: { id: 'none', name: 'none', type: '.none', fields: null },
    ...(c.category !== undefined ? { category: c.category } : {}),
    ...(c.assignees ? { assignees: c.assignees } : {}),
  };
  let created = await ok<CaseJson>(await api.post(inSpace(space, '/api/cases'), { data: body }), 'create case');
  if (c.status && c.status !== 'open') {
    const patched = await ok<CaseJson[]>(
      await api.patch(inSpace(space, '/api/cases'), {
        data: { cases: [{ id: created.id, version: created.version, status: c.status }] },
      }),
      'set case status',
    );
    created = patched[0];
  }
  return created;
}

/** Creates `n` cases (titles `${prefix} 1..n`) and returns them in creation order. */
export async function createCases(
  api: APIRequestContext,
  n: number,
  c: NewCase & { prefix?: string } = {},
  space?: string,
): Promise<CaseJson[]> {
  const prefix = c.prefix ?? uniq('Case');
  const out: CaseJson[] = [];
  for (let i = 1; i <= n; i++) out.push(await createCase(api, { ...c, title: `${prefix} ${i}` }, space));
  return out;
}

/** Adds a user comment to a case. */
export async function addComment(
  api: APIRequestContext,
  caseId: string,
  comment: string,
  owner: string = OWNERS.security,
  space?: string,
): Promise<CaseJson> {
  return ok(
    await api.post(inSpace(space, `/api/cases/${caseId}/comments`), {
      data: { type: 'user', comment, owner },
    }),
    'add comment',
  );
}

/** Creates a space (`id` must be lowercase letters, digits, `_`, `-`). */
export async function createSpace(
  api: APIRequestContext,
  s: { id?: string; name?: string; initials?: string; color?: string } = {},
): Promise<{ id: string; name: string }> {
  const id = s.id ?? uniq('space').toLowerCase();
  return ok(
    await api.post('/api/spaces/space', {
      data: { id, name: s.name ?? `Space ${id}`, ...(s.initials ? { initials: s.initials } : {}), ...(s.color ? { color: s.color } : {}) },
    }),
    'create space',
  );
}

/**
 * Signs in through the login API using the page's (or context's) cookie jar, so the browser is
 * signed in for the next navigation. Does not navigate.
 */
export async function loginViaApi(
  target: Page | BrowserContext,
  user: { username: string; password: string } = ADMIN,
): Promise<void> {
  const request = target.request;
  const res = await request.post('/internal/security/login', {
    headers: { 'kbn-xsrf': 'e2e' },
    data: {
      providerType: 'basic',
      providerName: 'basic',
      currentURL: '/login',
      params: { username: user.username, password: user.password },
    },
  });
  expect(res.ok(), `login as ${user.username}: HTTP ${res.status()}`).toBeTruthy();
}

/** Where screenshots go (git-ignored). */
export const SHOTS_DIR = path.join(__dirname, 'artifacts', 'screenshots');

/**
 * Saves `artifacts/screenshots/<name>-light.png` and `<name>-dark.png` of the current page,
 * switching `<html data-theme>` for each and restoring it afterwards. Options go to
 * `page.screenshot` (e.g. `{ fullPage: true }`).
 */
export async function shot(
  page: Page,
  name: string,
  opts: { fullPage?: boolean } = {},
): Promise<void> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const before = await page.evaluate(() => document.documentElement.getAttribute('data-theme'));
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => document.documentElement.setAttribute('data-theme', t), theme);
    // Let transitions and fonts settle.
    await page.waitForTimeout(150);
    await page.screenshot({
      path: path.join(SHOTS_DIR, `${name}-${theme}.png`),
      fullPage: opts.fullPage ?? false,
      animations: 'disabled',
    });
  }
  await page.evaluate((t) => {
    if (t === null) document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', t);
  }, before);
}

/** Phone-sized viewport used for responsive screenshots. */
export const PHONE = { width: 390, height: 844 };

/**
 * Starts an emulated external system on a free loopback port: every request's body is read,
 * then `handle` answers it with a JSON status and value. `close` stops it.
 */
export async function startJsonServer(
  handle: (req: http.IncomingMessage, body: string) => [number, unknown],
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const [status, value] = handle(req, body);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    // Casebook's HTTP client keeps connections alive: drop them, or close() waits for them
    // (this hung a test past its timeout after all its steps had passed).
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
