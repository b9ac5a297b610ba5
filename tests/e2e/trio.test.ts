import { expect, test, type Page } from '@playwright/test';
import { demo, signIn, uniqueEmail } from './helpers';

const roleHeading = (page: Page) => page.getByRole('heading', { name: /^Your card: / });

test('a trainer starts a trio; three devices follow the rounds as the roles rotate', async ({ browser }) => {
	test.setTimeout(120_000);
	const trainer = await (await browser.newContext()).newPage();
	await signIn(trainer, demo.trainer);
	await trainer.goto('/trainer');
	await trainer.getByRole('link', { name: 'Demo cohort: showroom team' }).first().click();
	await trainer.waitForURL(/cohorts\/[0-9a-f-]{36}$/);
	const cohortId = trainer.url().split('/').pop()!;
	const link = await trainer.getByLabel('Join link').inputValue();

	// A third trainee joins the demo cohort.
	const jun = await (await browser.newContext()).newPage();
	const email = uniqueEmail('jun');
	await jun.goto('/sign-up');
	await jun.getByLabel('Your name').fill('Jun Seo');
	await jun.getByLabel('E-mail address').fill(email);
	await jun.getByLabel('Password', { exact: true }).fill('a fine long passphrase');
	await jun.getByRole('button', { name: 'Create account' }).click();
	await expect(jun.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await jun.goto(new URL(link).pathname);
	await jun.getByRole('button', { name: 'Join the cohort' }).click();
	await jun.waitForURL(/\?joined=1$/);

	await trainer.goto(`/trios/new?cohort=${cohortId}`);
	for (const name of ['Mina Park', 'Li Wei', 'Jun Seo']) await trainer.getByLabel(name).check();
	await trainer.getByLabel('Time for all three rounds (minutes)').fill('45');
	await trainer.getByRole('button', { name: 'Start the trio' }).click();
	await trainer.waitForURL(/\/trios\/[0-9a-f-]{36}$/);
	const trioPath = new URL(trainer.url()).pathname;
	await expect(trainer.getByRole('heading', { level: 1, name: 'Round 1 of 3' })).toBeVisible();
	// 45 minutes in all, a third of it per round.
	await expect(trainer.getByRole('timer')).toContainText(/1[45]:\d\d left in this round/);
	await expect(trainer.getByRole('timer')).toContainText(/4[45]:\d\d in all/);

	const mina = await (await browser.newContext()).newPage();
	await signIn(mina, demo.mina);
	const wei = await (await browser.newContext()).newPage();
	await signIn(wei, demo.wei);
	const devices = { 'Mina Park': mina, 'Li Wei': wei, 'Jun Seo': jun };
	for (const page of Object.values(devices)) await page.goto(trioPath);

	const rolesIn = async (): Promise<Record<string, string>> =>
		Object.fromEntries(
			await Promise.all(Object.entries(devices).map(async ([name, page]) => [name, ((await roleHeading(page).textContent()) ?? '').replace('Your card: ', '')]))
		);
	const seen: Record<string, string[]> = { 'Mina Park': [], 'Li Wei': [], 'Jun Seo': [] };

	for (let round = 1; round <= 3; round++) {
		for (const page of Object.values(devices)) await expect(page.getByRole('heading', { level: 1, name: `Round ${round} of 3` })).toBeVisible({ timeout: 15_000 });
		const roles = await rolesIn();
		expect(Object.values(roles).sort()).toEqual(['Customer', 'Observer', 'Salesperson']);
		for (const [name, role] of Object.entries(roles)) seen[name].push(role);

		const customer = devices[Object.entries(roles).find(([, r]) => r === 'Customer')![0] as keyof typeof devices];
		await expect(customer.getByText('Open with:')).toBeVisible();
		const observerName = Object.entries(roles).find(([, r]) => r === 'Observer')![0] as keyof typeof devices;
		const salesperson = Object.entries(roles).find(([, r]) => r === 'Salesperson')![0];
		const observer = devices[observerName];
		await observer.getByRole('link', { name: 'Fill in the observer checklist' }).click();
		await expect(observer.getByLabel('Who played the salesperson?')).toHaveValue(salesperson);
		for (const group of await observer.locator('fieldset:has(input[type=radio])').all()) await group.locator('input[type=radio]').first().check();
		for (const box of await observer.locator('textarea').all()) if (!(await box.inputValue())) await box.fill('Listened well; ask more about the cause.');
		await observer.getByRole('button', { name: 'Save and see my result' }).click();
		await observer.waitForURL(new RegExp(`${trioPath}$`));
	}
	for (const page of Object.values(devices)) await expect(page.getByRole('heading', { level: 1, name: 'Trio finished' })).toBeVisible({ timeout: 15_000 });
	for (const roles of Object.values(seen)) expect([...roles].sort()).toEqual(['Customer', 'Observer', 'Salesperson']);

	await trainer.reload();
	const rows = trainer.getByRole('table').getByRole('row');
	await expect(rows).toHaveCount(4);
	await expect(trainer.getByRole('table')).toContainText('✓');
});

test('someone outside the trio gets 404', async ({ browser }) => {
	const trainer = await (await browser.newContext()).newPage();
	await signIn(trainer, demo.trainer);
	await trainer.goto('/trios/new');
	expect((await trainer.goto('/trios/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
	expect((await trainer.request.get('/trios/00000000-0000-4000-8000-000000000000/state')).status()).toBe(404);
});
