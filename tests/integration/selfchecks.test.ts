import { isRedirect } from '@sveltejs/kit';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { selfCheckSubmission } from '$lib/server/db/schema';
import { findForm, getSubmission, getSubmissions, latestByForm, listSubmissions, submitSelfCheck } from '$lib/server/selfchecks';
import { createUser } from '$lib/server/users';
import type { FormDefinition } from '$lib/selfcheck/definition';
import { blockField } from '$lib/selfcheck/daily-plan';
import { actions } from '../../src/routes/self-checks/[slug]/+page.server';
import { useDatabase } from './db';
import { translate, type Locale } from '$lib/i18n';
import type { Message } from '$lib/selfcheck/answers';

useDatabase();

const person = async (name: string) =>
	(await createUser({ email: `${name}@example.com`, name, password: 'a long enough secret' }))!;
const form = (slug: string) => findForm(slug)!;
const rows = async () => (await db.select({ n: count() }).from(selfCheckSubmission))[0].n;
const key = () => crypto.randomUUID();

const hourFields = { income: '80,000', 'weekly-hours': '40', 'days-per-week': '5', 'idle-minutes': '60' };

/** Best or worst answer to every scored question of an assessment, and text where required. */
function answersFor(def: FormDefinition, level: 'best' | 'worst', overrides: Record<string, string> = {}) {
	const out: Record<string, string> = {};
	if (def.kind === 'daily-plan') return out;
	for (const item of def.sections.flatMap((s) => s.items)) {
		if (item.kind === 'likert') out[item.id] = (level === 'best') !== item.reverse ? '5' : '1';
		if (item.kind === 'yesno') out[item.id] = level === 'best' ? 'yes' : 'no';
		if (item.kind === 'choice') out[item.id] = item.options[level === 'best' ? item.options.length - 1 : 0].id;
		if (item.kind === 'text') out[item.id] = 'A note';
		if (item.kind === 'number') out[item.id] = String(item.default ?? item.min);
	}
	return { ...out, ...overrides };
}

describe('self-check submissions', () => {
	it('stores the server’s own score, band and trend value with the answers', async () => {
		const mina = await person('mina');
		const outcome = await submitSelfCheck(mina.id, form('time-management'), answersFor(form('time-management'), 'best'), key());
		expect(outcome.ok).toBe(true);
		const [row] = await db.select().from(selfCheckSubmission);
		expect(row).toMatchObject({ userId: mina.id, form: 'time-management', value: 100, band: 'investing' });
		expect(row.result).toMatchObject({ kind: 'assessment', percent: 100, recommendations: [] });
		expect((row.answers as Record<string, unknown>)['plan-tomorrow']).toBe(5);
	});

	it("stores the manual's hour-value example: 38.46 an hour, 10,000 a year", async () => {
		const mina = await person('mina');
		const outcome = await submitSelfCheck(mina.id, form('hour-value'), hourFields, key());
		const row = outcome.ok ? await getSubmission(mina.id, 'hour-value', outcome.id) : undefined;
		expect(row?.value).toBe(38.46);
		expect(row?.result).toMatchObject({ hourValue: 38.46, idleCostYear: 10000, hoursPerYear: 2080 });
	});

	it.each([
		['an empty form', {}, 'income'],
		['negative hours', { ...hourFields, 'weekly-hours': '-40' }, 'weekly-hours'],
		['200 hours a week', { ...hourFields, 'weekly-hours': '200' }, 'weekly-hours'],
		['an absurd income', { ...hourFields, income: '1e12' }, 'income'],
		['more idle time than the working day', { ...hourFields, 'idle-minutes': '900' }, 'idle-minutes']
	])('%s gets a message for the field and stores nothing', async (_name, fields, field) => {
		const mina = await person('mina');
		const outcome = await submitSelfCheck(mina.id, form('hour-value'), fields, key());
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(outcome.errors[field]).toBeTruthy();
		expect(await rows()).toBe(0);
	});

	it('a resent submission with the same key stores one row and answers the same id', async () => {
		const mina = await person('mina');
		const k = key();
		const [a, b] = await Promise.all([
			submitSelfCheck(mina.id, form('hour-value'), hourFields, k),
			submitSelfCheck(mina.id, form('hour-value'), hourFields, k)
		]);
		expect(a.ok && b.ok && a.id === b.id).toBe(true);
		expect(await rows()).toBe(1);
	});

	it('keeps every submission, oldest first, and reports the latest per form with a count', async () => {
		const mina = await person('mina');
		const tm = form('time-management');
		await submitSelfCheck(mina.id, tm, answersFor(tm, 'worst'), key());
		await submitSelfCheck(mina.id, tm, answersFor(tm, 'best'), key());
		await submitSelfCheck(mina.id, form('hour-value'), hourFields, key());
		const history = await listSubmissions(mina.id, 'time-management');
		expect(history.map((h) => h.value)).toEqual([0, 100]);
		const latest = await latestByForm(mina.id);
		expect(latest.get('time-management')).toMatchObject({ value: 100, band: 'investing', taken: 2 });
		expect(latest.get('hour-value')).toMatchObject({ taken: 1 });
		expect(latest.has('daily-plan')).toBe(false);
	});

	it("never shows one learner another's submissions: by id, in a list or in a comparison", async () => {
		const mina = await person('mina');
		const wei = await person('wei');
		const outcome = await submitSelfCheck(mina.id, form('hour-value'), hourFields, key());
		if (!outcome.ok) throw new Error('expected a submission');
		expect(await getSubmission(wei.id, 'hour-value', outcome.id)).toBeUndefined();
		expect(await getSubmission(mina.id, 'time-management', outcome.id)).toBeUndefined();
		expect(await listSubmissions(wei.id, 'hour-value')).toEqual([]);
		expect(await getSubmissions(wei.id, 'hour-value', [outcome.id])).toEqual([]);
		expect((await latestByForm(wei.id)).size).toBe(0);
	});

	it('answers a malformed id as missing instead of failing the query', async () => {
		const mina = await person('mina');
		expect(await getSubmission(mina.id, 'hour-value', "1' or '1'='1")).toBeUndefined();
		expect(await getSubmissions(mina.id, 'hour-value', ['nope', ''])).toEqual([]);
	});

	it('keeps past daily plans with their blocks', async () => {
		const mina = await person('mina');
		const plan = form('daily-plan');
		const day = (date: string, tag: string) => ({
			date,
			'day-start': '09:00',
			'day-end': '17:00',
			[blockField(0, 'start')]: '09:00',
			[blockField(0, 'end')]: '10:00',
			[blockField(0, 'activity')]: 'Calls to referrals',
			[blockField(0, 'tag')]: tag
		});
		await submitSelfCheck(mina.id, plan, day('2026-05-14', 'prospecting'), key());
		await submitSelfCheck(mina.id, plan, day('2026-05-15', 'appointments'), key());
		const history = await listSubmissions(mina.id, 'daily-plan');
		expect(history).toHaveLength(2);
		const first = await getSubmission(mina.id, 'daily-plan', history[0].id);
		expect(first?.answers).toMatchObject({ date: '2026-05-14', blocks: [{ activity: 'Calls to referrals', tag: 'prospecting' }] });
		expect(first?.result).toMatchObject({ covered: ['prospecting'], slackMinutes: 420 });
	});

	it('stores text as typed: markup, right-to-left text and emoji are data, not code', async () => {
		const mina = await person('mina');
		const co = form('complaint-observer');
		const name = '<script>alert(1)</script> مرحبا 🙂';
		const outcome = await submitSelfCheck(mina.id, co, answersFor(co, 'best', { salesperson: name }), key());
		const row = outcome.ok ? await getSubmission(mina.id, co.slug, outcome.id) : undefined;
		expect((row?.answers as Record<string, string>).salesperson).toBe(name);
	});
});

describe('the form action', () => {
	const event = (slug: string, user: { id: string; name: string; role: string } | null, fields: Record<string, string>, locale: Locale = 'en') => {
		const body = new FormData();
		for (const [k, v] of Object.entries(fields)) body.set(k, v);
		const url = new URL(`http://localhost/self-checks/${slug}`);
		return {
			request: new Request(url, { method: 'POST', body }),
			params: { slug },
			locals: { user, session: null, locale },
			url
		} as unknown as Parameters<typeof actions.default>[0];
	};

	it('ignores a forged score and stores the server’s own, then redirects to the result', async () => {
		const mina = await person('mina');
		const tm = form('time-management');
		const forged = { ...answersFor(tm, 'worst'), percent: '100', value: '100', band: 'investing', userId: crypto.randomUUID(), key: key() };
		let location = '';
		try {
			await actions.default(event('time-management', { ...mina, role: 'trainee' }, forged));
		} catch (thrown) {
			if (!isRedirect(thrown)) throw thrown;
			location = thrown.location;
		}
		const [row] = await db.select().from(selfCheckSubmission).where(eq(selfCheckSubmission.userId, mina.id));
		expect(location).toBe(`/self-checks/time-management/${row.id}`);
		expect(row).toMatchObject({ value: 0, band: 'spending' });
	});

	it('answers 400 with the messages and what was typed, and stores nothing', async () => {
		const mina = await person('mina');
		const result = await actions.default(event('hour-value', { ...mina, role: 'trainee' }, { ...hourFields, 'weekly-hours': '200', key: key() }));
		expect(result).toMatchObject({
			status: 400,
			data: { errors: { 'weekly-hours': { key: 'selfCheck.error.rangeUnit', params: { min: 1, max: 100, unit: 'hours' } } }, values: { income: '80,000', 'weekly-hours': '200' } }
		});
		const { key: message, params } = (result as { data: { errors: Record<string, Message> } }).data.errors['weekly-hours'];
		expect(translate('en', message, params)).toBe('Enter a number from 1 to 100 hours.');
		expect(await rows()).toBe(0);
	});

	it('a Chinese reader’s answers are checked and scored on the English definition, and errors read in Chinese', async () => {
		const wei = await person('wei');
		const tm = form('time-management');
		let location = '';
		try {
			await actions.default(event('time-management', { ...wei, role: 'trainee' }, { ...answersFor(tm, 'best'), key: key() }, 'zh-CN'));
		} catch (thrown) {
			if (!isRedirect(thrown)) throw thrown;
			location = thrown.location;
		}
		const [row] = await db.select().from(selfCheckSubmission).where(eq(selfCheckSubmission.userId, wei.id));
		expect(location).toBe(`/self-checks/time-management/${row.id}`);
		expect(row).toMatchObject({ value: 100, band: 'investing' });
		await expect(actions.default(event('no-such-form', { ...wei, role: 'trainee' }, {}, 'zh-CN'))).rejects.toMatchObject({
			status: 404,
			body: { message: translate('zh-CN', 'error.notFound') }
		});
	});

	it('sends a signed-out visitor to sign in and answers 404 for an unknown form', async () => {
		await expect(actions.default(event('hour-value', null, hourFields))).rejects.toMatchObject({ status: 303 });
		const mina = await person('mina');
		await expect(actions.default(event('no-such-form', { ...mina, role: 'trainee' }, hourFields))).rejects.toMatchObject({ status: 404 });
	});
});
