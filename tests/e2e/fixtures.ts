// Test fixtures: import `test` and `expect` from here instead of '@playwright/test'.
//
// - `baseURL`: the server the global setup started (CASEBOOK_E2E_URL).
// - `api`: a request context with Basic auth (elastic) and `kbn-xsrf`, for seeding via REST.
// - `loggedInPage`: a page whose context is signed in as elastic (cookie set through the login
//   API); it has not navigated yet.
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN, loginViaApi } from './helpers';

export interface Fixtures {
  /** REST client for seeding: Basic auth as elastic, `kbn-xsrf` set, baseURL = the server. */
  api: APIRequestContext;
  /** A page signed in as elastic (session cookie present), not navigated yet. */
  loggedInPage: Page;
}

export const test = base.extend<Fixtures>({
  baseURL: async ({}, use) => {
    const url = process.env.CASEBOOK_E2E_URL;
    if (!url) throw new Error('CASEBOOK_E2E_URL is not set: run through playwright.config.ts');
    await use(url);
  },
  api: async ({ playwright, baseURL }, use) => {
    const ctx = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: ADMIN.basic, 'kbn-xsrf': 'e2e' },
    });
    await use(ctx);
    await ctx.dispose();
  },
  loggedInPage: async ({ page }, use) => {
    await loginViaApi(page);
    await use(page);
  },
});

export { expect };
export * from './helpers';
