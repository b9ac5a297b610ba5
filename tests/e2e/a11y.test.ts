import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { en } from '../../src/lib/i18n/messages/en';
import { bestPath } from '../../src/lib/roleplay/analysis';
import { parseScenario, type Scenario } from '../../src/lib/roleplay/schema';
import { demo, signIn, signUp } from './helpers';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Serious and critical violations on the page as it is now (axe sees only what is in the DOM),
 * and any message key shown as itself: a page whose layout lacks its area's messages.
 */
async function violations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
	const words = await page.evaluate(() =>
		[document.title, document.body.innerText, ...[...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap((el) => [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('placeholder')])].join('\n')
	);
	return [
		...violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
		...messageKeys.filter((key) => words.includes(key)).map((key) => `untranslated: ${key}`)
	];
}
// Keys long enough not to occur in ordinary text (every real key has a namespace and a dot).
const messageKeys = Object.keys(en).filter((key) => /^[a-zA-Z]+\.[\w.-]+$/.test(key));

const complaint = 'complaint-nobody-answers';

function scenario(slug: string): Scenario {
	const parsed = parseScenario(parse(readFileSync(`content/scenarios/${slug}.en.yaml`, 'utf8')));
	if (!parsed.ok) throw new Error(parsed.problems.join('; '));
	return parsed.scenario;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

/** A new trainee, signed up through the form in a browser context of their own. */
async function newTrainee(browser: Browser, name: string) {
	const page = await (await browser.newContext()).newPage();
	await signUp(page, name);
	return page;
}

/** Plays the best path of `slug` by the event endpoint from step `from` (1-based) on. */
async function playBest(page: Page, attemptPath: string, slug: string, from = 1) {
	for (const [i, step] of bestPath(scenario(slug)).path.entries()) {
		if (i + 1 < from) continue;
		const response = await page.request.post(`${attemptPath}/events`, { data: { seq: i + 1, event: { type: 'reply.choose', choiceId: step.choiceId } } });
		expect(response.status()).toBe(200);
	}
}

/** Presses Tab until `target` has focus, as a keyboard user would reach it. */
async function tabTo(page: Page, target: Locator, limit = 60) {
	for (let i = 0; i < limit; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) return;
		await page.keyboard.press('Tab');
	}
	await expect(target).toBeFocused();
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

test('role-play pages have no serious accessibility violations: catalogue, brief, player mid-play with feedback, debrief, model answer', async ({ browser }) => {
	test.setTimeout(90_000);
	const page = await newTrainee(browser, 'Ari Role');
	await page.goto('/simulations');
	expect(await violations(page), 'catalogue').toEqual([]);
	await page.goto(`/simulations/${complaint}`);
	expect(await violations(page), 'brief').toEqual([]);
	await page.getByRole('button', { name: 'Start the role-play' }).click();
	await expect(page.getByRole('log', { name: 'Conversation' })).toBeVisible();
	expect(await violations(page), 'player at the start').toEqual([]);

	const first = scenario(complaint).beats[0];
	const best = bestPath(scenario(complaint)).path[0];
	await page.getByRole('radio', { name: first.choices.find((c) => c.id === best.choiceId)!.text }).check();
	await page.getByRole('button', { name: 'Say this reply' }).click();
	await expect(page.getByRole('status').getByText('✓ Good reply')).toBeVisible();
	expect(await violations(page), 'player after a reply, feedback shown').toEqual([]);

	const attempt = new URL(page.url()).pathname;
	await playBest(page, attempt, complaint, 2);
	await page.reload();
	await expect(page.getByRole('heading', { name: /^Debrief:/ })).toBeVisible();
	expect(await violations(page), 'debrief').toEqual([]);
	await page.getByLabel('Your reflection').fill('Take notes from the first sentence.');
	await page.getByRole('button', { name: 'Save reflection' }).click();
	await expect(page.getByText('Reflection saved.')).toBeVisible();
	expect(await violations(page), 'debrief, reflection saved').toEqual([]);

	await page.goto(`/simulations/${complaint}/model`);
	expect(await violations(page), 'model answer').toEqual([]);

	// A timed phone call, its clock running.
	await page.goto('/simulations/call-bad-line');
	await page.getByLabel('Normal time').check();
	await page.getByRole('button', { name: 'Start the role-play' }).click();
	await expect(page.getByRole('timer')).toBeVisible();
	expect(await violations(page), 'call player with a timer').toEqual([]);
	await page.context().close();
});

test('self-check pages have no serious accessibility violations: list, every form, errors, result, history', async ({ browser }) => {
	test.setTimeout(90_000);
	const page = await newTrainee(browser, 'Bo Check');
	await page.goto('/self-checks');
	expect(await violations(page), 'list').toEqual([]);
	for (const slug of ['time-management', 'hour-value', 'daily-plan', 'post-visit', 'telephone-standards', 'complaint-observer']) {
		await page.goto(`/self-checks/${slug}`, { waitUntil: 'networkidle' });
		expect(await violations(page), slug).toEqual([]);
	}

	await page.goto('/self-checks/time-management', { waitUntil: 'networkidle' });
	await page.getByRole('button', { name: 'Save and see my result' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	expect(await violations(page), 'form with errors').toEqual([]);

	const questions = page.locator('form fieldset');
	for (const end of ['first', 'last'] as const) {
		await page.goto('/self-checks/time-management', { waitUntil: 'networkidle' });
		for (const fieldset of await questions.all()) await fieldset.getByRole('radio')[end]().check();
		await page.getByRole('button', { name: 'Save and see my result' }).click();
		await expect(page.getByRole('heading', { name: 'Your result: Time-management self-check' })).toBeVisible();
		expect(await violations(page), `result (${end})`).toEqual([]);
	}
	await page.getByRole('link', { name: /See your history/ }).click();
	await expect(page.getByRole('region', { name: 'Two results side by side' })).toBeVisible();
	expect(await violations(page), 'history with a comparison').toEqual([]);
	await page.context().close();
});

test('trainer pages have no serious accessibility violations: report with heat map, trainee page, diagram, join link, trio start, trio and its checklist', async ({ browser }) => {
	test.setTimeout(120_000);
	const trainer = await (await browser.newContext()).newPage();
	await signIn(trainer, demo.trainer);
	await trainer.goto('/trainer');
	await trainer.getByLabel('Cohort name').fill(`Accessibility ${Date.now()}`);
	await trainer.getByRole('button', { name: 'Create cohort' }).click();
	await trainer.waitForURL(/cohorts\/[0-9a-f-]{36}$/);
	const cohort = new URL(trainer.url()).pathname;
	await trainer.getByRole('button', { name: 'Create a join link' }).click();
	const link = new URL(await trainer.getByLabel('Join link').inputValue()).pathname;
	await trainer.getByLabel('What').selectOption(`simulation:${complaint}`);
	await trainer.getByLabel('Due date').fill(inDays(7).toISOString().slice(0, 10));
	await trainer.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(trainer.getByRole('status')).toContainText('Assigned');
	expect(await violations(trainer), 'cohort with a role-play assigned').toEqual([]);

	// Three trainees join; one finishes the role-play, so the heat map has values.
	const names = ['Cy One', 'Di Two', 'Ed Three'];
	const trainees: Page[] = [];
	for (const name of names) {
		const page = await newTrainee(browser, name);
		await page.goto(link);
		if (!trainees.length) expect(await violations(page), 'join link').toEqual([]);
		await page.getByRole('button', { name: 'Join the cohort' }).click();
		await page.waitForURL(/joined=1/);
		trainees.push(page);
	}
	const start = await trainees[0].request.post(`/simulations/${complaint}?/start`, { form: { mode: 'practice', timer: 'x1' }, headers: { accept: 'text/html' }, maxRedirects: 0 });
	expect(start.status()).toBe(303);
	await playBest(trainees[0], start.headers().location, complaint);

	await trainer.goto(`${cohort}/report`);
	await expect(trainer.getByRole('table', { name: /average per skill/ })).toBeVisible();
	expect(await violations(trainer), 'report with heat map').toEqual([]);
	await trainer.getByRole('link', { name: names[0] }).click();
	await trainer.waitForURL(/trainees/);
	expect(await violations(trainer), 'trainee with a finished role-play').toEqual([]);
	await trainer.goto(`/simulations/${complaint}`);
	expect(await violations(trainer), 'brief with the trainees’ attempts').toEqual([]);
	await trainer.goto(`/simulations/${complaint}/diagram`);
	await expect(trainer.getByRole('img', { name: /Diagram of beats/ })).toBeVisible();
	expect(await violations(trainer), 'diagram').toEqual([]);

	await trainer.goto(`/trios/new?cohort=${cohort.split('/').pop()}`);
	expect(await violations(trainer), 'trio start').toEqual([]);
	for (const name of names) await trainer.getByLabel(name).check();
	await trainer.getByRole('button', { name: 'Start the trio' }).click();
	await trainer.waitForURL(/\/trios\/[0-9a-f-]{36}$/);
	await expect(trainer.getByRole('heading', { level: 1, name: 'Round 1 of 3' })).toBeVisible();
	expect(await violations(trainer), 'trio, trainer').toEqual([]);
	for (const page of trainees) {
		await page.goto(new URL(trainer.url()).pathname);
		await expect(page.getByRole('heading', { name: /^Your card: / })).toBeVisible();
		expect(await violations(page), `trio, ${await page.getByRole('heading', { name: /^Your card: / }).textContent()}`).toEqual([]);
	}
	// The observer's checklist, opened from the trio.
	let observers = 0;
	for (const page of trainees) {
		const checklist = page.getByRole('link', { name: 'Fill in the observer checklist' });
		if (!(await checklist.count())) continue;
		await checklist.click();
		await expect(page.getByText(/you are observing/)).toBeVisible();
		expect(await violations(page), 'observer checklist from a trio').toEqual([]);
		observers++;
	}
	expect(observers).toBe(1);
	await Promise.all([trainer, ...trainees].map((p) => p.context().close()));
});

test('keyboard only: answer a self-check and submit it', async ({ browser }) => {
	const page = await newTrainee(browser, 'Kai Keys');
	await page.goto('/self-checks/time-management', { waitUntil: 'networkidle' });
	const groups = await page.locator('form fieldset').all();
	expect(groups.length).toBeGreaterThanOrEqual(15);
	// Tab reaches each question's options once; Space picks the first, an arrow key moves to the next.
	for (const [i, group] of groups.entries()) {
		const radio = group.getByRole('radio').first();
		await tabTo(page, radio);
		if (i === 0) expect(await radio.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
		await page.keyboard.press('Space');
		if (i % 2) await page.keyboard.press('ArrowDown');
		await expect(group.getByRole('radio').nth(i % 2)).toBeChecked();
	}
	const submit = page.getByRole('button', { name: 'Save and see my result' });
	await tabTo(page, submit);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { name: 'Your result: Time-management self-check' })).toBeFocused();
	await page.context().close();
});

test('keyboard only: a trainer creates a cohort and assigns a role-play to it', async ({ page }) => {
	await signIn(page, demo.trainer);
	await page.goto('/trainer', { waitUntil: 'networkidle' });
	const name = `Keyboard cohort ${Date.now()}`;
	await tabTo(page, page.getByLabel('Cohort name'));
	await page.keyboard.type(name);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
	await page.waitForLoadState('networkidle');

	// The target by type-ahead in the closed list, the date typed segment by segment (month, day, year).
	const what = page.getByLabel('What');
	await tabTo(page, what);
	await page.keyboard.type('Nobody picks');
	await expect(what).toHaveValue(`simulation:${complaint}`);
	const due = inDays(10);
	await tabTo(page, page.getByLabel('Due date'));
	await page.keyboard.type(`${String(due.getUTCMonth() + 1).padStart(2, '0')}${String(due.getUTCDate()).padStart(2, '0')}${due.getUTCFullYear()}`);
	await expect(page.getByLabel('Due date')).toHaveValue(due.toISOString().slice(0, 10));
	// The role-play settings appear for a role-play; the pass mark is typed over.
	await tabTo(page, page.getByLabel('Pass mark'));
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type('80');
	const assign = page.getByRole('button', { name: 'Assign', exact: true });
	await tabTo(page, assign);
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText("Assigned “Nobody picks up now that I've paid”");
	await expect(page.getByRole('table').getByText("Nobody picks up now that I've paid").first()).toBeVisible();
});
