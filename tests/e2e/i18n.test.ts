import { expect, test } from '@playwright/test';
import { uniqueEmail } from './helpers';

test('the browser’s language is used until the user chooses one, and the choice follows the account', async ({ browser }) => {
	const korean = await browser.newContext({ locale: 'ko-KR' });
	const page = await korean.newPage();
	await page.goto('/sign-in');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
	await expect(page.getByRole('link', { name: '계정 만들기' })).toBeVisible();

	const account = { email: uniqueEmail('polyglot'), password: 'a fine long passphrase' };
	await page.goto('/sign-up');
	await page.locator('input[name=name]').fill('Min-jun');
	await page.locator('input[name=email]').fill(account.email);
	await page.locator('input[name=password]').fill(account.password);
	await page.locator('main form button').click();
	await expect(page.getByRole('button', { name: '로그아웃' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '학습' })).toBeVisible();

	await page.getByLabel('언어').selectOption('zh-CN');
	await page.getByRole('button', { name: '변경' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByRole('button', { name: '退出' })).toBeVisible();
	await korean.close();

	// Another browser that prefers English: the account's choice wins once signed in.
	const english = await browser.newContext({ locale: 'en-US' });
	const other = await english.newPage();
	await other.goto('/sign-in');
	await expect(other.locator('html')).toHaveAttribute('lang', 'en');
	await other.getByLabel('E-mail address').fill(account.email);
	await other.getByLabel('Password').fill(account.password);
	await other.getByRole('button', { name: 'Sign in' }).click();
	await expect(other.getByRole('button', { name: '退出' })).toBeVisible();
	await expect(other.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await english.close();
});

test('an unknown locale value is ignored', async ({ page }) => {
	await page.goto('/sign-in');
	const response = await page.request.post('/locale', { form: { locale: 'xx', next: 'https://evil.example/' }, headers: { accept: 'text/html' }, maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers().location).toBe('/');
	await page.goto('/sign-in');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
