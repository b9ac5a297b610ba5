import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { demo, signIn } from './helpers';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Serious and critical violations on the page as it is now (axe sees only what is in the DOM). */
async function violations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('public pages have no serious accessibility violations', async ({ page }) => {
	for (const path of ['/', '/sign-in', '/sign-up', '/no-such-page']) {
		await page.goto(path);
		expect(await violations(page), path).toEqual([]);
	}
	await page.goto('/sign-in');
	await page.getByLabel('E-mail address').fill('nobody@example.com');
	await page.getByLabel('Password').fill('wrong password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	expect(await violations(page), 'sign-in error').toEqual([]);
});

test('trainee pages have no serious accessibility violations, in each state', async ({ page }) => {
	await signIn(page, demo.mina);
	for (const path of ['/', '/lessons', '/lessons/handling-complaints', '/lessons/customer-records', '/lessons/time-management/check', '/account', '/trainer']) {
		await page.goto(path);
		expect(await violations(page), path).toEqual([]);
	}
	await page.goto('/lessons/time-management/check');
	await page.getByRole('button', { name: 'Submit answers' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	expect(await violations(page), 'check with errors').toEqual([]);
});

test('trainer and admin pages have no serious accessibility violations', async ({ page }) => {
	await signIn(page, demo.trainer);
	await page.goto('/trainer');
	expect(await violations(page), '/trainer').toEqual([]);
	await page.getByRole('link', { name: 'Demo cohort: showroom team' }).first().click();
	await page.waitForURL(/cohorts\/[0-9a-f-]{36}$/);
	expect(await violations(page), 'cohort').toEqual([]);
	await page.getByLabel('Due date').fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
	await page.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(page.getByText('Choose what to assign.')).toBeVisible();
	expect(await violations(page), 'cohort with errors').toEqual([]);
	await page.getByRole('link', { name: 'Progress report' }).click();
	await page.waitForURL(/report$/);
	expect(await violations(page), 'report').toEqual([]);
	await page.getByRole('link', { name: 'Mina Park' }).click();
	await page.waitForURL(/trainees/);
	expect(await violations(page), 'trainee').toEqual([]);

	await page.getByRole('button', { name: 'Sign out' }).click();
	await signIn(page, demo.admin);
	await page.goto('/admin/users');
	expect(await violations(page), 'admin').toEqual([]);
});

test('keyboard only: sign in, open a lesson from the catalogue, jump to a section, answer the check', async ({ page }) => {
	await page.goto('/sign-in');
	await page.keyboard.press('Tab'); // skip link
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
	await page.getByLabel('E-mail address').focus();
	await page.keyboard.type(demo.wei.email);
	await page.keyboard.press('Tab');
	await page.keyboard.type(demo.wei.password);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Hello, Li Wei' })).toBeVisible();

	await page.goto('/lessons');
	const link = page.getByRole('link', { name: 'Maintaining customer relationships' });
	for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(link).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Maintaining customer relationships' })).toBeVisible();

	// The table of contents jumps to a section.
	const toc = page.getByRole('navigation', { name: 'On this page' }).getByRole('link', { name: 'Reciprocity and concessions' });
	await toc.focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#reciprocity$/);

	// The knowledge check by keyboard: the first answer with Space, then submit with Enter.
	await page.goto('/lessons/maintaining-relationships/check');
	const first = page.getByRole('group').first().locator('input').first();
	for (let i = 0; i < 40 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
	await expect(first).toBeFocused();
	expect(await first.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
	await page.keyboard.press('Space');
	await expect(first).toBeChecked();
	const submit = page.getByRole('button', { name: 'Submit answers' });
	await submit.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('alert')).toContainText('Please answer every question');
	await expect(first).toBeChecked();
});
