import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { parseScenario, totalOf, type Scenario } from '../../src/lib/roleplay/schema';
import { demo, signIn, signUp } from './helpers';

const slug = 'objection-cant-afford';
const parsed = parseScenario(parse(readFileSync(`content/scenarios/${slug}.en.yaml`, 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.join('; '));
const scenario: Scenario = parsed.scenario;
const beats = new Map(scenario.beats.map((b) => [b.id, b]));

/** Plays one assessment attempt through the player's own event endpoint; `pick` chooses at each beat. Returns the debrief's percent. */
async function play(page: Page, pick: 'best' | 'worst') {
	await page.goto(`/simulations/${slug}`);
	await page.getByRole('radio', { name: /^Assessment/ }).check();
	await page.getByRole('button', { name: 'Start the role-play' }).click();
	await expect(page).toHaveURL(new RegExp(`/simulations/${slug}/attempts/[0-9a-f-]{36}$`));
	const url = new URL(page.url()).pathname;
	let node = scenario.start;
	for (let seq = 1; beats.has(node); seq++) {
		const choices = [...beats.get(node)!.choices].sort((a, b) => totalOf(b.effects) - totalOf(a.effects));
		const choice = pick === 'best' ? choices[0] : choices.at(-1)!;
		const response = await page.request.post(`${url}/events`, { data: { seq, event: { type: 'reply.choose', choiceId: choice.id } } });
		expect(response.status()).toBe(200);
		node = (await response.json()).node;
	}
	await page.goto(url);
	return Number((await page.locator('.result .big strong').textContent())!.replace(/\D/g, ''));
}

test('a trainer assigns a role-play assessment; attempts past the allowance do not count; the report, heat map, CSV and transcript agree with the trainee', async ({ browser }) => {
	test.setTimeout(90_000);
	const trainer = await (await browser.newContext()).newPage();
	await signIn(trainer, demo.trainer);
	await trainer.goto('/trainer');
	const name = `Role-play intake ${Date.now()}`;
	await trainer.getByLabel('Cohort name').fill(name);
	await trainer.getByRole('button', { name: 'Create cohort' }).click();
	await expect(trainer.getByRole('heading', { level: 1, name })).toBeVisible();
	const cohortUrl = new URL(trainer.url()).pathname;
	await trainer.getByRole('button', { name: 'Create a join link' }).click();
	const link = await trainer.getByLabel('Join link').inputValue();

	// Assessment, two attempts allowed, the latest of them counts.
	await trainer.getByLabel('What').selectOption({ label: scenario.title });
	await trainer.getByLabel('Due date').fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
	await trainer.getByLabel('Mode').selectOption('assessment');
	await trainer.getByLabel('Pass mark (%)').fill('60');
	await trainer.getByLabel('Attempts allowed').fill('2');
	await trainer.getByLabel('Which attempt counts').selectOption('latest');
	await trainer.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(trainer.getByRole('status')).toContainText(scenario.title);

	const trainee = await (await browser.newContext()).newPage();
	await signUp(trainee, 'Bora Kim');
	await trainee.goto(new URL(link).pathname);
	await trainee.getByRole('button', { name: 'Join the cohort' }).click();
	const assignments = trainee.getByRole('region', { name: 'Your assignments' });
	await expect(assignments.getByRole('link', { name: scenario.title })).toBeVisible();
	await expect(assignments.getByText('Not started')).toBeVisible();

	// The start page says what the assignment asks and chooses its mode.
	await trainee.goto(`/simulations/${slug}`);
	await expect(trainee.getByText(`Assigned in ${name}`)).toBeVisible();
	await expect(trainee.getByText('Attempts that count: 0 of 2 used. Your latest attempt counts.')).toBeVisible();
	await expect(trainee.getByRole('radio', { name: /^Assessment/ })).toBeChecked();

	const first = await play(trainee, 'best');
	const second = await play(trainee, 'worst');
	const third = await play(trainee, 'best'); // a third attempt: past the allowance, so it does not count
	expect(first).toBe(100);
	expect(third).toBe(100);
	expect(second).toBeLessThan(60);
	await trainee.goto(`/simulations/${slug}`);
	await expect(trainee.getByText('You have used all 2 attempts that count; more attempts are for your own practice.')).toBeVisible();
	await expect(trainee.getByText(`Counted so far: ${second}%.`)).toBeVisible();
	await trainee.goto('/');
	await expect(assignments.getByText('Done')).toBeVisible();

	// The counted score is the second attempt's, as the trainee saw it on its debrief.
	await trainer.goto(`${cohortUrl}/report`);
	const row = trainer.getByRole('row', { name: /Bora Kim/ });
	await expect(row.getByText('Done')).toBeVisible();
	await expect(row.getByText(`${second}%`)).toBeVisible();
	await expect(row.getByText('100%')).toHaveCount(0);

	// The heat map averages the counted attempt's dimensions; its rows are the rubric's skills, weakest first.
	const heat = trainer.getByRole('table', { name: new RegExp(`${scenario.title}: average per skill over 1 trainee`) });
	await expect(heat.getByRole('rowheader')).toHaveCount(scenario.rubric.length);
	const shares = (await heat.locator('tbody td').allTextContents()).map((text) => Number(text.replace(/\D/g, '')));
	expect(shares).toEqual([...shares].sort((a, b) => a - b));
	expect(shares.some((share) => share < 100)).toBe(true);

	const csv = await (await trainer.request.get(`${cohortUrl}/attempts.csv`)).text();
	const lines = csv.trim().split(/\r?\n/).filter((line) => line.includes('Bora Kim'));
	expect(lines).toHaveLength(3);
	expect(lines.filter((line) => line.includes(',100,'))).toHaveLength(2);

	// The trainee page lists the three attempts, each with a transcript link.
	await trainer.goto(cohortUrl);
	await trainer.getByRole('link', { name: 'Bora Kim' }).click();
	const attempts = trainer.getByRole('region', { name: 'Role-play attempts' });
	await expect(attempts.getByRole('row')).toHaveCount(4);
	await attempts.getByRole('link', { name: new RegExp(scenario.title) }).first().click();
	await expect(trainer.locator('.result .big strong')).toHaveText(/\d+%/);
});
