import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { demo, signIn, signUp } from './helpers';

type Check = { questions: { id: string; prompt: string; options: { id: string; text: string; correct?: boolean }[] }[] };
const check: Check = parse(readFileSync('content/lessons/04-time-management/check.en.yaml', 'utf8'));

test('a learner reads a module, fails then passes its check, and the progress survives signing out', async ({ page }) => {
	await signIn(page, demo.mina);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Lessons' }).click();
	await page.getByRole('link', { name: 'Time management for salespeople' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Time management for salespeople' })).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'On this page' }).getByRole('link')).toHaveCount(7);

	// Sections are marked read as their end scrolls into view.
	const sections = page.locator('form.mark');
	const count = await sections.count();
	for (let i = 0; i < count; i++) {
		await sections.nth(i).scrollIntoViewIfNeeded();
		await expect(sections.nth(i).getByText('Section read')).toBeVisible();
	}
	await expect(page.getByRole('progressbar', { name: 'Sections read' })).toHaveAttribute('aria-valuenow', String(count));

	await page.getByRole('link', { name: 'Take the knowledge check' }).click();
	for (const question of check.questions) {
		const wrong = question.options.find((o) => !o.correct)!;
		await page.getByRole('group', { name: question.prompt }).getByLabel(wrong.text, { exact: true }).check();
	}
	await page.getByRole('button', { name: 'Submit answers' }).click();
	await expect(page.getByRole('status')).toContainText('Not passed yet');
	await expect(page.getByText('✗ Not quite').first()).toBeVisible();

	for (const question of check.questions) {
		const group = page.getByRole('group', { name: question.prompt });
		for (const option of question.options) {
			const box = group.getByLabel(option.text, { exact: true });
			if (option.correct) await box.check();
			else if ((await box.getAttribute('type')) === 'checkbox') await box.uncheck();
		}
	}
	await page.getByRole('button', { name: 'Submit again' }).click();
	await expect(page.getByRole('status')).toContainText(`Passed: ${check.questions.length} of ${check.questions.length} correct`);
	await expect(page.getByRole('table')).toContainText('Not passed');

	await page.getByRole('button', { name: 'Sign out' }).click();
	await signIn(page, demo.mina);
	await page.goto('/lessons');
	const card = page.getByRole('listitem').filter({ hasText: 'Time management for salespeople' });
	await expect(card.getByText('✓ Completed')).toBeVisible();
	await page.goto('/lessons/time-management');
	await expect(page.getByText('You have completed this module.')).toBeVisible();
});

test('answers posted by hand are scored on the server; forged scores are ignored', async ({ page }) => {
	await signIn(page, demo.wei);
	const url = '/lessons/time-management/check';
	const html = { accept: 'text/html' };
	const incomplete = await page.request.post(url, { headers: html, form: { correct: '7', total: '7', passed: 'true' } });
	expect(incomplete.status()).toBe(400);
	expect(await incomplete.text()).toContain('Please answer every question');

	const form: Record<string, string> = { correct: '7', passed: 'true', score: '100' };
	for (const q of check.questions) form[q.id] = q.options.find((o) => !o.correct)!.id;
	const wrong = await page.request.post(url, { headers: html, form });
	expect(wrong.status()).toBe(200);
	expect(await wrong.text()).toContain(`0 of ${check.questions.length} correct`);

	await page.goto(url);
	await expect(page.getByRole('table')).toContainText(`0 / ${check.questions.length}`);
	await expect(page.getByRole('table')).not.toContainText('Passed');
});

test('without JavaScript a section is marked read with its button', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, demo.wei);
	await page.goto('/lessons/customer-service');
	await page.getByRole('button', { name: 'Mark “The 5S principle” as read' }).click();
	await expect(page.getByRole('navigation', { name: 'On this page' }).getByLabel('read')).toHaveCount(1);
	await page.goto('/lessons');
	await expect(page.getByRole('listitem').filter({ hasText: 'Customer service that keeps customers' }).getByText('1 of 7')).toBeVisible();
	await context.close();
});

test('an unknown lesson answers 404 and lessons need signing in', async ({ page }) => {
	expect((await page.goto('/lessons'))?.url()).toContain('/sign-in?next=%2Flessons');
	await signIn(page, demo.wei);
	expect((await page.goto('/lessons/no-such-lesson'))?.status()).toBe(404);
	expect((await page.goto('/lessons/no-such-lesson/check'))?.status()).toBe(404);
});

test('a lesson\'s text is sent once, in the page and not again in its hydration data, and the page still works', async ({ page }) => {
	const errors: string[] = [];
	page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
	page.on('pageerror', (error) => errors.push(error.message));
	// A new trainee, so no section is read yet.
	await signUp(page, 'Verbatim Reader');

	await page.goto('/lessons/handling-complaints', { waitUntil: 'networkidle' });
	const sentence = async (n: number) => /[A-Za-z]+(?: [A-Za-z]+){5}/.exec(await page.locator('article section.prose p').nth(n).innerText())![0];
	const source = await (await page.request.get('/lessons/handling-complaints')).text();
	for (const n of [0, 3]) expect(source.split(await sentence(n)).length - 1, `"${await sentence(n)}" in the page source`).toBe(1);

	// Hydrated all the same: a section is marked read once its end scrolls into view.
	const first = page.locator('form.mark').first();
	await first.scrollIntoViewIfNeeded();
	await expect(first.getByText('Section read')).toBeVisible();
	await expect(page.getByRole('progressbar', { name: 'Sections read' })).toHaveAttribute('aria-valuenow', '1');

	// In the browser, to another lesson and back: each one's text arrives with its data.
	await page.getByRole('link', { name: 'Lessons', exact: true }).first().click();
	await page.getByRole('link', { name: 'Time management for salespeople' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Time management for salespeople' })).toBeVisible();
	await expect(page.locator('article section.prose p').first()).not.toBeEmpty();
	await page.goBack();
	await page.goBack();
	await expect(page.getByRole('heading', { level: 1, name: 'Handling complaints' })).toBeVisible();
	expect(await sentence(3)).toBeTruthy();
	expect(errors).toEqual([]);
});
