import { expect, type APIRequest, type Page } from '@playwright/test';

export const demo = {
	admin: { email: 'admin@rehearse.test', password: 'rehearse-admin' },
	trainer: { email: 'trainer@rehearse.test', password: 'rehearse-trainer' },
	mina: { email: 'mina@rehearse.test', password: 'rehearse-trainee' },
	wei: { email: 'wei@rehearse.test', password: 'rehearse-trainee' }
};

export async function signIn(page: Page, account: { email: string; password: string }) {
	// Wait for hydration: typing earlier can be undone when the form's `value` is hydrated. On a
	// loaded machine hydration can still land between typing and the click, so try again once.
	const signOut = page.getByRole('button', { name: 'Sign out' });
	await expect(async () => {
		await page.goto('/sign-in', { waitUntil: 'networkidle' });
		if (await signOut.isVisible()) return; // the last try got through after all
		await page.getByLabel('E-mail address').fill(account.email);
		await page.getByLabel('Password').fill(account.password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(signOut).toBeVisible({ timeout: 10_000 });
	}).toPass({ intervals: [500], timeout: 30_000 });
}

/** Signs a new trainee up through the form; `page` ends on their home page. */
export async function signUp(page: Page, name: string) {
	await page.goto('/sign-up', { waitUntil: 'networkidle' });
	await page.getByLabel('Your name').fill(name);
	await page.getByLabel('E-mail address').fill(uniqueEmail(name.toLowerCase().replace(/\W+/g, '-')));
	await page.getByLabel('Password', { exact: true }).fill('a fine long passphrase');
	await page.getByRole('button', { name: 'Create account' }).click();
	await page.waitForURL('/');
}

export const uniqueEmail = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;

/** An API client signed in as `account` (or anonymous), for calling routes by hand. */
export async function apiAs(request: APIRequest, baseURL: string, account?: { email: string; password: string }) {
	const api = await request.newContext({ baseURL, extraHTTPHeaders: { accept: 'text/html' } });
	if (account) {
		const response = await api.post('/sign-in', { form: account, maxRedirects: 0 });
		if (response.status() !== 303) throw new Error(`sign-in as ${account.email} answered ${response.status()}`);
	}
	return api;
}

export const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');
export const activeIs = (page: Page, selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/** Presses Tab, as a keyboard user would, until the element matching `selector` has focus. */
export async function tabTo(page: Page, selector: string, limit = 40) {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		if (await activeIs(page, selector)) return;
	}
	throw new Error(`Tab never reached ${selector}`);
}
