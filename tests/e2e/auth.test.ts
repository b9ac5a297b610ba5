import { expect, test } from '@playwright/test';
import { demo, signIn, uniqueEmail } from './helpers';

test('sign up, sign out, sign in again and see the trainee navigation', async ({ page }) => {
	const email = uniqueEmail('new');
	await page.goto('/sign-up');
	await page.getByLabel('Your name').fill('Jun Seo');
	await page.getByLabel('E-mail address').fill(email);
	await page.getByLabel('Password', { exact: true }).fill('practice makes calm');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Hello, Jun Seo' })).toBeVisible();

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await signIn(page, { email, password: 'practice makes calm' });

	const nav = page.getByRole('navigation', { name: 'Main' });
	await expect(nav.getByRole('link', { name: 'Lessons' })).toBeVisible();
	await expect(nav.getByRole('link', { name: 'Trainer' })).toHaveCount(0);
	await expect(nav.getByRole('link', { name: 'Admin' })).toHaveCount(0);
});

test('sign-up errors keep what was typed and say what to fix', async ({ page }) => {
	await page.goto('/sign-up');
	await page.getByLabel('Your name').fill('Jun');
	await page.getByLabel('E-mail address').fill(demo.mina.email);
	await page.getByLabel('Password', { exact: true }).fill('password123');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByText('too common')).toBeVisible();
	await expect(page.getByLabel('Your name')).toHaveValue('Jun');
	await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test('a wrong password shows an error that does not reveal whether the account exists', async ({ page }) => {
	const messages: string[] = [];
	for (const email of [demo.mina.email, 'nobody-here@example.com']) {
		await page.goto('/sign-in');
		await page.getByLabel('E-mail address').fill(email);
		await page.getByLabel('Password').fill('not the password');
		await page.getByRole('button', { name: 'Sign in' }).click();
		const alert = page.getByRole('alert');
		await expect(alert).toBeVisible();
		messages.push((await alert.textContent()) ?? '');
	}
	expect(messages[0]).toContain('do not match');
	expect(messages[1]).toBe(messages[0]);
});

test('a trainee is refused the trainer and admin areas, even by URL', async ({ page }) => {
	await signIn(page, demo.wei);
	for (const path of ['/trainer', '/admin/users']) {
		const response = await page.goto(path);
		expect(response?.status()).toBe(403);
		await expect(page.getByRole('heading', { name: 'This page is not open to you' })).toBeVisible();
	}
	// SvelteKit answers data requests with 200 and the page's error inside; no trainee data leaks.
	const data = await (await page.request.get('/trainer/__data.json')).text();
	expect(data).toContain('"status":403');
	expect(data).not.toContain('mina@rehearse.test');
});

test('a trainer sees the trainer area and an admin changes a role', async ({ page }) => {
	await signIn(page, demo.trainer);
	await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trainer' })).toBeVisible();
	expect((await page.goto('/admin/users'))?.status()).toBe(403);
	await page.getByRole('button', { name: 'Sign out' }).click();

	await signIn(page, demo.admin);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
	const row = page.getByRole('row', { name: /Li Wei/ });
	await row.getByLabel('Role of Li Wei').selectOption('trainer');
	await row.getByRole('button', { name: 'Save' }).click();
	await expect(row.getByText('Role updated.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Role of Li Wei')).toHaveValue('trainer');
	await page.getByLabel('Role of Li Wei').selectOption('trainee');
	await page.getByRole('row', { name: /Li Wei/ }).getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('row', { name: /Li Wei/ }).getByText('Role updated.')).toBeVisible();
});

test('an unknown page answers 404 with a way home', async ({ page }) => {
	const response = await page.goto('/no-such-page');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Go to the home page' })).toBeVisible();
});
