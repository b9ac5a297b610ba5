import { expect, test } from '@playwright/test';
import { demo, signIn } from './helpers';

test('the session cookie is HttpOnly and SameSite=Lax, and useless after sign-out', async ({ page, context, playwright, baseURL }) => {
	await signIn(page, demo.mina);
	const cookie = (await context.cookies()).find((c) => c.name === 'session');
	expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
	expect(cookie!.value).toMatch(/^[a-z2-7]{32}$/);

	const stolen = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `session=${cookie!.value}` } });
	expect((await stolen.get('/account')).url()).toContain('/account');

	await page.getByRole('button', { name: 'Sign out' }).click();
	const after = await stolen.get('/account', { maxRedirects: 0 });
	expect(after.status()).toBe(303);
	expect(after.headers().location).toContain('/sign-in');
	await stolen.dispose();
});

test('a planted session cookie is replaced at sign-in', async ({ page, context, baseURL }) => {
	const planted = 'abcdefghijklmnopqrstuvwxyz234567';
	await context.addCookies([{ name: 'session', value: planted, url: baseURL! }]);
	await signIn(page, demo.mina);
	const cookie = (await context.cookies()).find((c) => c.name === 'session');
	expect(cookie!.value).not.toBe(planted);
});

test('mangled and oversized session cookies are treated as signed out, without an error', async ({ playwright, baseURL }) => {
	for (const value of ['%%%', 'x'.repeat(4000), 'abcdefghijklmnopqrstuvwxyz234567']) {
		const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `session=${value}` } });
		const response = await api.get('/account', { maxRedirects: 0 });
		expect(response.status()).toBe(303);
		await api.dispose();
	}
});

test('cross-site state-changing requests are refused whatever their content type', async ({ request }) => {
	const bodies: [string | undefined, string][] = [
		['application/x-www-form-urlencoded', 'email=a%40b.c&password=x'],
		['multipart/form-data; boundary=x', '--x--'],
		['text/plain', 'email=a'],
		['application/json', '{}'],
		[undefined, 'email=a']
	];
	for (const [type, data] of bodies) {
		const headers: Record<string, string> = { origin: 'https://evil.example' };
		if (type) headers['content-type'] = type;
		const response = await request.post('/sign-out', { headers, data });
		expect(response.status(), `content type ${type}`).toBe(403);
	}
	const fetchSite = await request.post('/sign-out', { headers: { 'sec-fetch-site': 'cross-site' } });
	expect(fetchSite.status()).toBe(403);
});

test('pages carry a Content-Security-Policy and the other security headers', async ({ request }) => {
	const response = await request.get('/sign-in');
	const headers = response.headers();
	const csp = headers['content-security-policy'];
	expect(csp).toContain("object-src 'none'");
	expect(csp).toContain("frame-ancestors 'none'");
	expect(csp).toContain("base-uri 'none'");
	expect(csp).toMatch(/script-src 'self' 'nonce-|script-src 'self' 'sha256-/);
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	// The app's own time, and nothing else about the server.
	expect(headers['server-timing']).toMatch(/^app;dur=\d+\.\d$/);
});

test('healthz answers ok when the database answers', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.json()).toEqual({ status: 'ok' });
});
