import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { zhCN } from '../../src/lib/i18n/messages/zh-CN';
import { demo, signIn } from './helpers';

type Form = { title: string; sections: { items: { id: string; prompt: string }[] }[]; bands: { id: string; min: number; label: string }[] };
const formFile = (locale: string) => parse(readFileSync(`content/forms/time-management.${locale}.yaml`, 'utf8')) as Form;
const zh = formFile('zh-CN');
const en = formFile('en');
const items = zh.sections.flatMap((s) => s.items);

async function chooseLanguage(page: Page, locale: string) {
	await page.locator('form.switcher select').selectOption(locale);
	await page.locator('form.switcher button').click();
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** How many results the history lists; it reads the table rows, whatever the language. */
async function historyCount(page: Page) {
	await page.goto('/self-checks/time-management/history');
	return page.locator('table').first().locator('tbody tr').count();
}

/**
 * Answers every question from the keyboard: Space picks a group's first option, the arrow keys
 * move along it, Tab goes on to the next question. `skip` leaves one question unanswered.
 */
async function answerByKeyboard(page: Page, choice: (index: number) => number, skip?: string) {
	await page.locator('form fieldset').first().getByRole('radio').first().focus();
	for (const [index, item] of items.entries()) {
		if (item.id !== skip) {
			await page.keyboard.press('Space');
			for (let step = 0; step < choice(index); step++) await page.keyboard.press('ArrowRight');
		}
		await page.keyboard.press('Tab');
	}
	// The last Tab lands on the submit button.
	await expect(page.getByRole('button', { name: zhCN['selfCheck.form.submit'] })).toBeFocused();
	await page.keyboard.press('Enter');
}

// Wei's choice of language is kept on the account; other tests sign in as Wei and expect English.
test.afterEach(async ({ page }) => {
	if ((await page.locator('html').getAttribute('lang')) !== 'en') await chooseLanguage(page, 'en');
});

test('a trainee fills the time-management self-check in Chinese by keyboard; a gap is refused in Chinese and stores nothing', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page, demo.wei);
	const before = await historyCount(page);
	await chooseLanguage(page, 'zh-CN');

	await page.getByRole('navigation', { name: zhCN['nav.main'] }).getByRole('link', { name: zhCN['nav.selfChecks'] }).click();
	await expect(page.getByRole('heading', { level: 1, name: zhCN['selfCheck.list.title'] })).toBeVisible();
	await page.getByRole('link', { name: zh.title, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: zh.title })).toBeVisible();
	await page.waitForLoadState('networkidle');
	// The scale speaks Chinese.
	await expect(page.getByRole('group', { name: items[0].prompt }).getByRole('radio', { name: '从不' })).toBeVisible();

	// One required question left out: nothing is saved, and the page says so in Chinese.
	const pattern = (index: number) => (index * 3) % 4;
	const left = items[5];
	await answerByKeyboard(page, pattern, left.id);
	const summary = page.getByRole('alert');
	await expect(summary).toBeFocused();
	await expect(summary).toContainText(zhCN['selfCheck.form.notSaved.other'].replace('{count}', '1'));
	await expect(summary.getByRole('link')).toHaveText(`${left.prompt.replace(/。$/, '')}：${zhCN['selfCheck.error.choose']}`);
	await expect(page.getByRole('group', { name: left.prompt })).toContainText(zhCN['selfCheck.error.choose']);
	await expect(page).toHaveURL(/\/self-checks\/time-management$/);
	expect(await historyCount(page)).toBe(before);

	// Every question answered: the result, in Chinese.
	await page.goto('/self-checks/time-management', { waitUntil: 'networkidle' });
	await answerByKeyboard(page, pattern);
	await expect(page).toHaveURL(/\/self-checks\/time-management\/[0-9a-f-]{36}$/);
	const result = page.url();
	await expect(page.getByRole('heading', { level: 1, name: `您的结果：${zh.title}` })).toBeFocused();
	const score = (await page.locator('.headline .value strong').textContent())!.trim();
	const percent = Number(score.replace('%', ''));
	const band = zh.bands.filter((b) => b.min <= percent).at(-1)!;
	await expect(page.locator('#band-heading')).toHaveText(band.label);
	await expect(page.getByText(`第 ${zh.bands.indexOf(band) + 1} 级（共 ${zh.bands.length} 级）`)).toBeVisible();
	await expect(page.getByRole('heading', { name: zhCN['selfCheck.rec.title'] })).toBeVisible();
	expect(await historyCount(page)).toBe(before + 1);

	// The same submission in English shows the same score, and the English name of the same band.
	await chooseLanguage(page, 'en');
	await page.goto(result);
	await expect(page.locator('.headline .value strong')).toHaveText(score);
	await expect(page.locator('#band-heading')).toHaveText(en.bands.find((b) => b.id === band.id)!.label);
});
