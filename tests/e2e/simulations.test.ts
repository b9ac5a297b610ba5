import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { bestPath } from '../../src/lib/roleplay/analysis';
import { parseScenario, type Scenario } from '../../src/lib/roleplay/schema';
import { activeIs, activeText, demo, signIn, tabTo } from './helpers';

function scenario(slug: string): Scenario {
	const parsed = parseScenario(parse(readFileSync(`content/scenarios/${slug}.en.yaml`, 'utf8')));
	if (!parsed.ok) throw new Error(parsed.problems.join('; '));
	return parsed.scenario;
}

async function start(page: Page, slug: string, timer?: string) {
	await page.goto(`/simulations/${slug}`);
	if (timer) await page.getByLabel(timer).check();
	await page.getByRole('button', { name: 'Start the role-play' }).click();
	await expect(page).toHaveURL(new RegExp(`/simulations/${slug}/attempts/[0-9a-f-]{36}$`));
	return page.url();
}


test('a complaint role-play played with the keyboard only reaches the best ending and passes', async ({ page }) => {
	test.setTimeout(90_000);
	const complaint = scenario('complaint-nobody-answers');
	const beats = new Map(complaint.beats.map((b) => [b.id, b]));
	await signIn(page, demo.mina);
	await page.goto('/simulations/complaint-nobody-answers');
	await page.getByRole('button', { name: 'Start the role-play' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('log', { name: 'Conversation' })).toBeVisible();

	const path = bestPath(complaint).path;
	for (const [n, step] of path.entries()) {
		const beat = beats.get(step.beat)!;
		const index = beat.choices.findIndex((c) => c.id === step.choiceId);
		await tabTo(page, 'input[type=radio]', 15);
		// In a radio group the arrow keys move and select; Space selects the first.
		if (index === 0) await page.keyboard.press('Space');
		for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
		await expect(page.getByRole('radio', { name: beat.choices[index].text })).toBeChecked();
		await tabTo(page, 'button', 15);
		expect(await activeText(page)).toBe('Say this reply');
		await page.keyboard.press('Enter');
		// Feedback after each reply in practice, and focus moves to the customer's new line.
		await expect(page.getByRole('log').locator('li.you')).toHaveCount(n + 1);
		await expect(page.getByRole('status').getByText('✓ Good reply')).toBeVisible();
		await expect.poll(() => activeIs(page, '.current p[tabindex="-1"]')).toBe(true);
		expect(await activeText(page)).toContain(complaint.customer.name);
	}
	expect(await activeText(page)).toContain(complaint.endings.find((e) => e.id === 'loyal')!.say);
	await tabTo(page, 'button', 15);
	expect(await activeText(page)).toBe('See your debrief');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: /^Debrief:/ })).toBeFocused();
	await expect(page.getByText('100%', { exact: true })).toBeVisible();
	await expect(page.getByText('✓ Passed').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Mrs. Chen becomes a regular' })).toBeVisible();

	// The reflection is kept with the attempt.
	await page.getByLabel('Your reflection').fill('Take notes from the first sentence.');
	await page.getByRole('button', { name: 'Save reflection' }).click();
	await expect(page.getByText('Reflection saved.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Your reflection')).toHaveValue('Take notes from the first sentence.');
});

test('a reload mid-way resumes where the attempt was, from the server', async ({ page }) => {
	await signIn(page, demo.mina);
	const url = await start(page, 'complaint-new-car');
	const car = scenario('complaint-new-car');
	const replies: string[] = [];
	for (let i = 0; i < 3; i++) {
		const first = page.getByRole('radio').first();
		replies.push((await first.locator('..').innerText()).trim());
		await first.check();
		await page.getByRole('button', { name: 'Say this reply' }).click();
		await expect(page.getByRole('log').getByText(replies[i])).toBeVisible();
	}
	const line = (await page.locator('.current p[tabindex="-1"]').innerText()).trim();
	await page.reload();
	expect(page.url()).toBe(url);
	for (const reply of replies) await expect(page.getByRole('log').getByText(reply)).toBeVisible();
	await expect(page.locator('.current p[tabindex="-1"]')).toHaveText(line);
	// And it goes on from there.
	await page.getByRole('radio').first().check();
	await page.getByRole('button', { name: 'Say this reply' }).click();
	await expect(page.getByRole('log').locator('li.you')).toHaveCount(4);
	expect(car.beats.length).toBeGreaterThan(4);
});

test('silence on a phone call: the timer runs out and the customer hangs up', async ({ page }) => {
	test.setTimeout(60_000);
	const call = scenario('call-bad-line');
	const first = call.beats.find((b) => b.id === call.start)!;
	expect(first.timer).toBe(15);
	await signIn(page, demo.mina);
	await start(page, 'call-bad-line', 'Normal time');
	await expect(page.getByText('Call in progress with Mr. Gao Jianguo')).toBeVisible();
	await expect(page.getByRole('timer')).toContainText('s to answer');
	// Wait the real 15 seconds: no test-only speed.
	await expect(page.getByText('(silence: the time to answer ran out)')).toBeVisible({ timeout: 25_000 });
	await expect(page.getByRole('status')).toContainText(first.timeout!.feedback.slice(0, 40));
	await expect(page.getByText('The conversation has ended.')).toBeVisible();
	await page.getByRole('button', { name: 'See your debrief' }).click();
	await expect(page.getByText('✗ Not passed').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: call.endings.find((e) => e.id === 'hung-up')!.title })).toBeVisible();
});

test('forged events, skipped steps and client scores are refused or ignored', async ({ page }) => {
	await signIn(page, demo.mina);
	const url = await start(page, 'complaint-nobody-answers');
	const events = `${new URL(url).pathname}/events`;
	const post = (data: unknown) => page.request.post(events, { data });

	const ending = await post({ seq: 1, event: { type: 'reply.choose', choiceId: 'loyal' } });
	expect(ending.status()).toBe(422);
	expect((await ending.json()).message).toContain('not a reply you can give');
	expect((await post({ seq: 1, event: { type: 'xstate.done', output: 'loyal' } })).status()).toBe(400);
	expect((await post({ seq: 3, event: { type: 'reply.choose', choiceId: 'listen-notes' } })).status()).toBe(409);
	expect((await post({ seq: 1, event: { type: 'reply.timeout' } })).status()).toBe(422);

	// A legal reply with a forged score and state: the reply counts, the rest is ignored.
	const forged = await post({ seq: 1, event: { type: 'reply.choose', choiceId: 'listen-notes' }, score: 999, total: 999, state: 'loyal', percent: 100 });
	expect(forged.status()).toBe(200);
	expect(await forged.json()).toEqual({ seq: 1, node: 'story', finished: false, repeated: false });
	// The same step again returns the original answer; a changed one is refused.
	expect(await (await post({ seq: 1, event: { type: 'reply.choose', choiceId: 'listen-notes' } })).json()).toMatchObject({ node: 'story', repeated: true });
	expect((await post({ seq: 1, event: { type: 'reply.choose', choiceId: 'hotline-policy' } })).status()).toBe(409);

	await page.reload();
	await expect(page.getByRole('log').getByText("I'm going to write it down")).toBeVisible();
	// Her mood is what the server computed for the one real reply (-2 + 1), not the forged ending.
	await expect(page.getByText('Annoyed')).toBeVisible();
	await expect(page.getByText(scenario('complaint-nobody-answers').beats[1].say)).toBeVisible();
});

test("another trainee's attempt answers 404, on the page and the event endpoint", async ({ page, browser }) => {
	await signIn(page, demo.mina);
	const url = await start(page, 'objection-cant-afford');
	const other = await browser.newPage();
	await signIn(other, demo.wei);
	const view = await other.goto(url);
	expect(view?.status()).toBe(404);
	const data = await other.request.get(`${new URL(url).pathname}/__data.json`);
	expect(await data.text()).not.toContain('choices');
	const post = await other.request.post(`${new URL(url).pathname}/events`, { data: { seq: 1, event: { type: 'reply.timeout' } } });
	expect(post.status()).toBe(404);
	// The trainer diagram is not for trainees.
	expect((await other.goto('/simulations/objection-cant-afford/diagram'))?.status()).toBe(403);
	await other.close();
});

test('the catalogue lists six role-plays, and a trainer sees the diagram', async ({ page }) => {
	await signIn(page, demo.trainer);
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Role-plays' }).click();
	await expect(page.getByRole('heading', { level: 3 })).toHaveCount(6);
	await page.getByRole('link', { name: "Nobody picks up now that I've paid" }).click();
	await page.getByRole('link', { name: 'Scenario diagram' }).click();
	await expect(page.getByRole('img', { name: /Diagram of beats/ })).toBeVisible();
	await expect(page.locator('svg .node')).toHaveCount(17 + 4);
});
