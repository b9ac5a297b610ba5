import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { createActor } from 'xstate';
import { ko } from '../../src/lib/i18n/messages/ko';
import { analyse, bestChoice } from '../../src/lib/roleplay/analysis';
import { compileScenario, nodeOf, type RoleplayEvent } from '../../src/lib/roleplay/machine';
import { parseScenario, totalOf, type Scenario } from '../../src/lib/roleplay/schema';
import { resultOf } from '../../src/lib/roleplay/score';
import { activeIs, activeText, demo, signIn, tabTo } from './helpers';

const slug = 'objection-supplements';

function scenario(locale: 'en' | 'ko'): Scenario {
	const parsed = parseScenario(parse(readFileSync(`content/scenarios/${slug}.${locale}.yaml`, 'utf8')));
	if (!parsed.ok) throw new Error(parsed.problems.join('; '));
	return parsed.scenario;
}

/** A weaker reply at the start, then the best at every beat after it: a run with one mistake in it. */
function run(english: Scenario) {
	const actor = createActor(compileScenario(english)).start();
	const beatOf = (id: string) => english.beats.find((b) => b.id === id)!;
	const start = beatOf(english.start);
	const steps: { beat: string; choice: string }[] = [{ beat: start.id, choice: start.choices.find((c) => totalOf(c.effects) < totalOf(bestChoice(start).effects))!.id }];
	actor.send({ type: 'reply.choose', choiceId: steps[0].choice } satisfies RoleplayEvent);
	while (actor.getSnapshot().status !== 'done') {
		const beat = beatOf(nodeOf(actor.getSnapshot()));
		steps.push({ beat: beat.id, choice: bestChoice(beat).id });
		actor.send({ type: 'reply.choose', choiceId: steps.at(-1)!.choice });
	}
	const snapshot = actor.getSnapshot();
	return { steps, ending: nodeOf(snapshot), context: snapshot.context };
}

async function switchTo(page: Page, locale: string, label: string, button: string) {
	await page.getByLabel(label).selectOption(locale);
	await page.getByRole('button', { name: button }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
}


// Mina's language follows her account: whatever happens here, later tests find her in English.
test.afterEach(async ({ page }) => {
	await page.request.post('/locale', { form: { locale: 'en', next: '/' }, maxRedirects: 0 });
});

test('a trainee plays a role-play in Korean with the keyboard and gets the score English shows for the same attempt', async ({ page }) => {
	test.setTimeout(90_000);
	const [english, korean] = [scenario('en'), scenario('ko')];
	const words = { beats: new Map(korean.beats.map((b) => [b.id, b])), endings: new Map(korean.endings.map((e) => [e.id, e])) };
	const { steps, ending, context } = run(english);
	const expected = resultOf(english, analyse(english), context);

	// A fresh server builds its content index on the first page that needs it: not inside the sign-in's wait.
	await page.request.get('/');
	await signIn(page, demo.mina);
	await switchTo(page, 'ko', 'Language', 'Change');
	await page.goto(`/simulations/${slug}`);
	await expect(page.getByRole('heading', { level: 1, name: korean.title })).toBeVisible();
	await expect(page.getByRole('heading', { name: ko['sim.brief'] })).toBeVisible();
	await expect(page.locator('dl.rubric dt')).toHaveText(korean.rubric.map((d) => d.label));

	await tabTo(page, 'form[action="?/start"] button');
	expect(await activeText(page)).toBe(ko['sim.start.button']);
	await page.keyboard.press('Enter');
	const log = page.getByRole('log', { name: ko['sim.player.log'] });
	await expect(log).toBeVisible();
	await expect(page.getByText(ko['sim.player.practice'])).toBeVisible();
	await expect(log.locator('.current')).toContainText(words.beats.get(english.start)!.say);

	for (const [n, step] of steps.entries()) {
		const beat = words.beats.get(step.beat)!;
		const index = beat.choices.findIndex((c) => c.id === step.choice);
		const choice = beat.choices[index];
		await tabTo(page, 'input[type=radio]');
		if (index === 0) await page.keyboard.press('Space');
		for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
		await expect(page.getByRole('radio', { name: choice.text, exact: true })).toBeChecked();
		await tabTo(page, 'form.choices button');
		expect(await activeText(page)).toBe(ko['sim.player.say']);
		await page.keyboard.press('Enter');
		await expect(log.locator('li.you')).toHaveCount(n + 1);
		await expect(log.locator('li.you').last()).toContainText(choice.text);
		const mistake = n === 0;
		await expect(page.getByRole('status').locator('.verdict-title')).toHaveText(ko[mistake ? 'sim.couldBeBetter' : 'sim.good']);
		await expect(page.getByRole('status')).toContainText(choice.feedback);
		await expect.poll(() => activeIs(page, '.current p[tabindex="-1"]')).toBe(true);
		expect(await activeText(page)).toContain(ko['sim.says'].replace('{name}', korean.customer.name));
	}

	expect(await activeText(page)).toContain(words.endings.get(ending)!.say);
	await expect(page.getByText(ko['sim.player.ended'])).toBeVisible();
	await tabTo(page, '.end button');
	expect(await activeText(page)).toBe(ko['sim.player.toDebrief']);
	await page.keyboard.press('Enter');

	const heading = page.getByRole('heading', { level: 1, name: ko['sim.title.debrief'].replace('{title}', korean.title) });
	await expect(heading).toBeFocused();
	await expect(page.getByRole('heading', { name: words.endings.get(ending)!.title })).toBeVisible();
	await expect(page.locator('.dim-label')).toHaveText(korean.rubric.map((d) => d.label));
	await expect(page.getByText(ko['sim.debrief.mistake'])).toHaveCount(1);
	const koreanScore = (await page.locator('.big .percent').innerText()).trim();
	expect(koreanScore).toBe(`${expected.percent}%`);
	const attempt = page.url();

	// The same attempt read in English shows the same score.
	await switchTo(page, 'en', ko['locale.label'], ko['locale.change']);
	await page.goto(attempt);
	await expect(page.getByRole('heading', { level: 1, name: `Debrief: ${english.title}` })).toBeVisible();
	await expect(page.locator('.dim-label')).toHaveText(english.rubric.map((d) => d.label));
	expect((await page.locator('.big .percent').innerText()).trim()).toBe(koreanScore);
});
