import { expect, test, type Page } from '@playwright/test';
import { signIn, uniqueEmail } from './helpers';

/** A new trainee for each test, so counts and histories start empty. */
async function newLearner(page: Page, name = 'Sam Lee') {
	const account = { email: uniqueEmail('selfcheck'), password: 'practice makes calm' };
	await page.goto('/sign-up');
	await page.getByLabel('Your name').fill(name);
	await page.getByLabel('E-mail address').fill(account.email);
	await page.getByLabel('Password', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	return account;
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the hour-value calculator refuses bad input beside the fields, stores nothing, then stores the manual’s example', async ({ page }) => {
		await newLearner(page);
		await page.goto('/self-checks/hour-value');
		await page.getByLabel('Gross income per year').fill('');
		await page.getByLabel('Working hours per week').fill('200');
		await page.getByLabel('Idle minutes on a typical working day').fill('-30');
		await page.getByRole('button', { name: 'Save and see my result' }).click();

		await expect(page.getByRole('alert')).toContainText('Nothing was saved');
		const hours = page.getByLabel('Working hours per week');
		await expect(hours).toHaveValue('200');
		await expect(hours).toHaveAttribute('aria-invalid', 'true');
		await expect(hours).toHaveAccessibleDescription(/Enter a number from 1 to 100 hours\./);
		await expect(page.getByLabel('Gross income per year')).toHaveAccessibleDescription(/Please enter a number\./);
		await expect(page.getByLabel('Idle minutes on a typical working day')).toHaveAccessibleDescription(/Enter a number from 0 to 1,440 minutes\./);

		await page.goto('/self-checks/hour-value/history');
		await expect(page.getByText('You have not taken this self-check yet')).toBeVisible();

		await page.goto('/self-checks/hour-value');
		await page.getByLabel('Gross income per year').fill('80,000');
		await page.getByLabel('Working hours per week').fill('40');
		await page.getByLabel('Idle minutes on a typical working day').fill('60');
		await page.getByRole('button', { name: 'Save and see my result' }).click();

		await expect(page).toHaveURL(/\/self-checks\/hour-value\/[0-9a-f-]{36}$/);
		await expect(page.getByRole('heading', { name: 'Your result: Value of an hour' })).toBeVisible();
		const figures = page.getByRole('region', { name: 'Your figures' });
		await expect(figures.getByText('38.46').first()).toBeVisible();
		await expect(figures.getByText('10,000.00').first()).toBeVisible();
		await expect(page.getByRole('link', { name: /Read: Time management for salespeople/ })).toHaveAttribute('href', '/lessons/time-management#invest-vs-spend');

		await page.goto('/self-checks');
		await expect(page.getByRole('listitem').filter({ hasText: 'Value of an hour' })).toContainText('38.46 an hour');
	});

	test('a daily plan with overlapping blocks is refused with the message beside the block', async ({ page }) => {
		await newLearner(page);
		await page.goto('/self-checks/daily-plan');
		const block = (i: number, part: string) => page.locator(`#block-${i}-${part}-input`);
		await block(0, 'start').fill('09:00');
		await block(0, 'end').fill('10:30');
		await block(0, 'activity').fill('Referral calls');
		await block(0, 'tag').selectOption('prospecting');
		await block(1, 'start').fill('10:00');
		await block(1, 'end').fill('12:00');
		await block(1, 'activity').fill('Visits');
		await block(1, 'tag').selectOption('out-of-office');
		await page.getByRole('button', { name: 'Save and see my result' }).click();

		await expect(block(1, 'start')).toHaveAccessibleDescription('This block overlaps 09:00–10:30 (Referral calls).');
		await expect(block(1, 'activity')).toHaveValue('Visits');
		await page.goto('/self-checks/daily-plan/history');
		await expect(page.getByText('You have not taken this self-check yet')).toBeVisible();
	});
});

test.describe('with JavaScript', () => {
	test('the time-management self-check previews, saves, recommends lessons and builds a history to compare', async ({ page }) => {
		await newLearner(page);
		await page.goto('/self-checks/time-management');
		const questions = page.locator('form fieldset');
		const count = await questions.count();
		expect(count).toBeGreaterThanOrEqual(15);

		// First time: the lowest option everywhere except the reversed item.
		for (let i = 0; i < count; i++) await questions.nth(i).getByRole('radio').first().check();
		await expect(page.getByRole('complementary', { name: 'Preview' })).toContainText(`Answered ${count} of ${count} scored questions`);
		await page.getByRole('button', { name: 'Save and see my result' }).click();
		await expect(page.getByRole('heading', { name: 'Your result: Time-management self-check' })).toBeFocused();
		await expect(page.getByRole('heading', { name: 'Your time is being spent' })).toBeVisible();
		await expect(page.getByText('Level 1 of 4')).toBeVisible();
		const recs = page.getByRole('region', { name: 'What to work on next' });
		await expect(recs.getByRole('listitem')).toHaveCount(3);
		await expect(recs.getByRole('link').first()).toHaveAttribute('href', /^\/lessons\/time-management#/);

		// Second time: the highest option everywhere.
		await page.getByRole('link', { name: 'Take it again' }).click();
		for (let i = 0; i < count; i++) await questions.nth(i).getByRole('radio').last().check();
		await page.getByRole('button', { name: 'Save and see my result' }).click();
		await expect(page.getByRole('heading', { name: 'Your result: Time-management self-check' })).toBeVisible();
		await expect(page.getByRole('region', { name: 'You invest your time' })).toContainText(/Up \d+ points on your previous result/);

		await page.getByRole('link', { name: /See your history/ }).click();
		await expect(page.getByRole('img', { name: 'Score (%) over time' })).toBeVisible();
		const results = page.getByRole('region', { name: 'All results' });
		await expect(results.getByRole('row')).toHaveCount(3);
		const compare = page.getByRole('region', { name: 'Two results side by side' });
		await expect(compare.getByRole('row', { name: /^Band/ })).toBeVisible();
		await expect(compare.getByRole('row', { name: /Planning ahead/ })).toContainText('points');
	});

	test('bad input with JavaScript: the summary takes focus, the field keeps what was typed, and nothing is stored', async ({ page }) => {
		await newLearner(page);
		await page.goto('/self-checks/hour-value');
		await page.getByLabel('Working hours per week').fill('-5');
		await page.getByRole('button', { name: 'Save and see my result' }).click();
		await expect(page.getByRole('alert')).toBeFocused();
		await expect(page.getByLabel('Working hours per week')).toHaveValue('-5');
		await expect(page.getByLabel('Working hours per week')).toHaveAccessibleDescription(/Enter a number from 1 to 100 hours\./);
		await expect(page).toHaveURL(/\/self-checks\/hour-value$/);
		await page.goto('/self-checks');
		await expect(page.getByRole('listitem').filter({ hasText: 'Value of an hour' })).toContainText('Not taken yet');
	});

	test("another learner's result answers 404, like a missing one", async ({ browser, page }) => {
		await newLearner(page, 'First Learner');
		await page.goto('/self-checks/telephone-standards');
		for (const fieldset of await page.locator('form fieldset').all()) await fieldset.getByRole('radio').first().check();
		await page.getByLabel('What was the call about?').fill('Saturday event for Mrs. Zhao');
		await page.getByRole('button', { name: 'Save and see my result' }).click();
		await expect(page).toHaveURL(/\/self-checks\/telephone-standards\/[0-9a-f-]{36}$/);
		const mine = new URL(page.url()).pathname;

		const other = await (await browser.newContext()).newPage();
		await signIn(other, { email: 'wei@rehearse.test', password: 'rehearse-trainee' });
		const response = await other.goto(mine);
		expect(response?.status()).toBe(404);
		await expect(other.getByRole('heading', { name: 'We could not find that page' })).toBeVisible();
		// SvelteKit answers data requests with 200 and the page's error inside; none of the answers leak.
		const data = await (await other.request.get(`${mine}/__data.json`)).text();
		expect(data).toContain('"status":404');
		expect(data).not.toContain('Saturday event for Mrs. Zhao');
		expect((await other.goto('/self-checks/telephone-standards/not-a-uuid'))?.status()).toBe(404);
		expect((await other.goto('/self-checks/no-such-form'))?.status()).toBe(404);
		await other.goto(`/self-checks/telephone-standards/history?a=${mine.split('/').pop()}&b=${mine.split('/').pop()}`);
		await expect(other.getByText('You have not taken this self-check yet')).toBeVisible();
	});
});

test('self-checks need an account', async ({ page }) => {
	await page.goto('/self-checks/time-management');
	await expect(page).toHaveURL(/\/sign-in\?next=%2Fself-checks%2Ftime-management/);
});
