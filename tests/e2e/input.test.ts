import { expect, test } from '@playwright/test';
import { apiAs, demo, signIn, uniqueEmail } from './helpers';

test('script and HTML in a name are shown as text, never run', async ({ page }) => {
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	const name = `<script>alert(1)</script><img src=x onerror=alert(2)> ‮evil 🙂`;
	await page.goto('/sign-up');
	await page.getByLabel('Your name').fill(name);
	await page.getByLabel('E-mail address').fill(uniqueEmail('xss'));
	await page.getByLabel('Password', { exact: true }).fill('a fine long passphrase');
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Hello, ${name}`);
	expect(await page.locator('main img').count()).toBe(0);
	expect(dialogs).toBe(0);
});

test('control characters, over-long and missing fields get a clear message and write nothing', async ({ playwright, baseURL }) => {
	const api = await apiAs(playwright.request, baseURL!);
	const cases: [Record<string, string>, string][] = [
		[{ name: 'Bad\u0000Name', email: uniqueEmail('nul'), password: 'a fine long passphrase' }, 'characters we cannot store'],
		[{ name: 'x'.repeat(101), email: uniqueEmail('long'), password: 'a fine long passphrase' }, 'at most 100 characters'],
		[{ name: 'Someone', email: 'not-an-address', password: 'a fine long passphrase' }, 'valid e-mail address'],
		[{ email: uniqueEmail('missing') }, 'Please enter your name']
	];
	for (const [form, message] of cases) {
		const response = await api.post('/sign-up', { form, maxRedirects: 0 });
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain(message);
		if (form.email && form.password) {
			const login = await api.post('/sign-in', { form: { email: form.email, password: form.password }, maxRedirects: 0 });
			expect(login.status(), 'no account was created').toBe(400);
		}
	}
	await api.dispose();
});

test('a body over the size limit is refused with 413 and the server keeps running', async ({ request }) => {
	const response = await request.post('/sign-in', {
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		data: 'email=' + 'a'.repeat(2 * 1024 * 1024)
	});
	expect(response.status()).toBe(413);
	expect((await request.get('/healthz')).status()).toBe(200);
});

test('a form action posted as JSON or with wrong field types is refused without a 500', async ({ playwright, baseURL }) => {
	const api = await apiAs(playwright.request, baseURL!, demo.trainer);
	const json = await api.post('/trainer?/create', { data: { name: 'JSON cohort' } });
	expect(json.status()).toBeGreaterThanOrEqual(400);
	expect(json.status()).toBeLessThan(500);
	const file = await api.post('/trainer?/create', { multipart: { name: { name: 'name.txt', mimeType: 'text/plain', buffer: Buffer.from('A file') } } });
	expect(file.status()).toBe(400);
	expect(await file.text()).toContain('Please enter your cohort name');
	const huge = await api.post('/trainer?/create', { form: { name: '名'.repeat(50_000) } });
	expect(huge.status()).toBe(400);
	expect((await (await api.get('/trainer')).text())).not.toContain('JSON cohort');
	await api.dispose();
});

test('right-to-left text and emoji in a cohort name are kept exactly', async ({ page }) => {
	await signIn(page, demo.trainer);
	await page.goto('/trainer');
	const name = `فريق المبيعات 🚀 ${Date.now()}`;
	await page.getByLabel('Cohort name').fill(name);
	await page.getByRole('button', { name: 'Create cohort' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
});
