import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { demo, signIn, uniqueEmail } from './helpers';

type Check = { questions: { id: string; options: { id: string; correct?: boolean }[] }[] };

test('a trainer creates a cohort and assigns a lesson; a trainee joins, completes it, and the trainer sees it done', async ({ browser }) => {
	test.setTimeout(60_000); // two people, a whole module and a report
	const trainer = await (await browser.newContext()).newPage();
	await signIn(trainer, demo.trainer);
	await trainer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trainer' }).click();
	const name = `Evening intake ${Date.now()}`;
	await trainer.getByLabel('Cohort name').fill(name);
	await trainer.getByRole('button', { name: 'Create cohort' }).click();
	await expect(trainer.getByRole('heading', { level: 1, name })).toBeVisible();

	await trainer.getByRole('button', { name: 'Create a join link' }).click();
	const link = await trainer.getByLabel('Join link').inputValue();
	expect(link).toMatch(/\/join\/[a-z2-7]{16}$/);

	await trainer.getByLabel('What').selectOption({ label: 'Customer information, the funnel and the reseller visit' });
	await trainer.getByLabel('Due date').fill(new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10));
	await trainer.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(trainer.getByRole('status')).toContainText('Assigned “Customer information');

	// A new trainee signs up and joins by the link.
	const trainee = await (await browser.newContext()).newPage();
	const email = uniqueEmail('joiner');
	await trainee.goto('/sign-up');
	await trainee.getByLabel('Your name').fill('Joo Hyun');
	await trainee.getByLabel('E-mail address').fill(email);
	await trainee.getByLabel('Password', { exact: true }).fill('a fine long passphrase');
	await trainee.getByRole('button', { name: 'Create account' }).click();
	// The form submits by fetch once hydrated; leaving before it answers would cancel the sign-up.
	await trainee.waitForURL('/');
	await trainee.goto(new URL(link).pathname);
	await trainee.getByRole('button', { name: 'Join the cohort' }).click();
	const assignments = trainee.getByRole('region', { name: 'Your assignments' });
	await expect(assignments.getByRole('link', { name: 'Customer information, the funnel and the reseller visit' })).toBeVisible();
	await expect(assignments.getByText('Not started')).toBeVisible();

	// The trainee completes the module: every section and the check, answered by the answer key.
	const lesson = '/lessons/customer-funnel';
	await trainee.goto(lesson);
	const marks = trainee.locator('form.mark');
	for (let i = 0; i < (await marks.count()); i++) {
		await marks.nth(i).scrollIntoViewIfNeeded();
		await expect(marks.nth(i).getByText('Section read')).toBeVisible();
	}
	const check: Check = parse(readFileSync('content/lessons/05-customer-funnel/check.en.yaml', 'utf8'));
	const body = new URLSearchParams();
	for (const q of check.questions) for (const o of q.options) if (o.correct) body.append(q.id, o.id);
	const response = await trainee.request.post(`${lesson}/check`, {
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		data: body.toString()
	});
	expect(await response.text()).toContain('Passed');
	await trainee.goto('/');
	await expect(assignments.getByText('Done')).toBeVisible();

	// The trainer's report shows the same.
	await trainer.goto(trainer.url() + '/report');
	const row = trainer.getByRole('row', { name: /Joo Hyun/ });
	await expect(row.getByText('Done')).toBeVisible();
	await expect(row.getByText('100%')).toBeVisible();

	const csv = await trainer.request.get(trainer.url().replace(/\/report$/, '/report.csv'));
	expect(csv.headers()['content-type']).toContain('text/csv');
	const text = await csv.text();
	expect(text).toContain('Customer information, the funnel and the reseller visit (lesson): status');
	expect(text).toMatch(new RegExp(`Joo Hyun,${email.replace(/[.+]/g, '\\$&')},Done,100`));
});

test('a trainer of another cohort and a trainee cannot open or change the demo cohort', async ({ browser }) => {
	// Find the demo cohort as its trainer.
	const owner = await (await browser.newContext()).newPage();
	await signIn(owner, demo.trainer);
	await owner.goto('/trainer');
	await owner.getByRole('link', { name: 'Demo cohort: showroom team' }).first().click();
	await owner.waitForURL(/\/trainer\/cohorts\/[0-9a-f-]{36}$/);
	const cohortPath = new URL(owner.url()).pathname;

	// A second trainer, promoted by the admin.
	const email = uniqueEmail('trainer2');
	const other = await (await browser.newContext()).newPage();
	await other.goto('/sign-up');
	await other.getByLabel('Your name').fill('Other Trainer');
	await other.getByLabel('E-mail address').fill(email);
	await other.getByLabel('Password', { exact: true }).fill('another long passphrase');
	await other.getByRole('button', { name: 'Create account' }).click();
	const admin = await (await browser.newContext()).newPage();
	await signIn(admin, demo.admin);
	await admin.goto('/admin/users');
	await admin.getByLabel('Role of Other Trainer').selectOption('trainer');
	await admin.getByRole('row', { name: /Other Trainer/ }).getByRole('button', { name: 'Save' }).click();
	await expect(admin.getByRole('row', { name: /Other Trainer/ }).getByText('Role updated.')).toBeVisible();

	for (const path of [cohortPath, `${cohortPath}/report`, `${cohortPath}/report.csv`]) {
		const response = await other.request.get(path);
		expect(response.status(), path).toBe(404);
	}
	const post = await other.request.post(`${cohortPath}?/rename`, { form: { name: 'Hijacked' }, headers: { accept: 'text/html' } });
	expect(post.status()).toBe(404);
	await other.goto('/trainer');
	await expect(other.getByText('Demo cohort: showroom team')).toHaveCount(0);

	const trainee = await (await browser.newContext()).newPage();
	await signIn(trainee, demo.wei);
	expect((await trainee.request.get(cohortPath)).status()).toBe(403);
	expect((await trainee.request.post(`${cohortPath}?/rename`, { form: { name: 'Hijacked' }, headers: { accept: 'text/html' } })).status()).toBe(403);

	await owner.reload();
	await expect(owner.getByRole('heading', { level: 1 })).toHaveText('Demo cohort: showroom team');
});
