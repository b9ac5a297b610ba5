// Property-based tests of form actions, called as SvelteKit calls them: a POST request with
// FormData. Fields may be missing, repeated, extra, files instead of text, over-long or full of
// control characters. Whatever arrives, an action redirects or answers 400 with messages; it never
// throws anything else (a 500). Refused input writes nothing; accepted input reads back as sent.
import { catalogues, translate, type MessageKey } from '$lib/i18n';
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as cohorts from '$lib/server/cohorts';
import { db } from '$lib/server/db';
import { assignment, cohort, cohortMember, countingRules, selfCheckSubmission } from '$lib/server/db/schema';
import { formsIn, getSubmission } from '$lib/server/selfchecks';
import { assignable } from '$lib/server/targets';
import { createUser } from '$lib/server/users';
import type { Answers } from '$lib/selfcheck/answers';
import { blockField, type Block } from '$lib/selfcheck/daily-plan';
import { isRequired, type DailyPlanForm, type FormDefinition, type Item } from '$lib/selfcheck/definition';
import { evaluate } from '$lib/selfcheck/score';
import { actions as cohortActions } from '../../src/routes/trainer/cohorts/[id]/+page.server';
import { actions as trainerActions } from '../../src/routes/trainer/+page.server';
import { actions as selfCheckActions } from '../../src/routes/self-checks/[slug]/+page.server';
import { junkText, runs } from '../property';
import { useDatabase } from './db';

useDatabase();

type Value = string | File;
type Fields = [string, Value][];
type Viewer = { id: string; name: string; email: string; role: string };

/** What SvelteKit hands an action for a POST of `fields` to `path`. */
function postEvent(path: string, params: Record<string, string>, user: Viewer, fields: Fields) {
	const body = new FormData();
	for (const [name, value] of fields) body.append(name, value);
	const url = new URL(path, 'http://localhost');
	return { request: new Request(url, { method: 'POST', body }), params, url, locals: { user, session: null, locale: 'en' } };
}

type Answer = { kind: 'redirect'; location: string } | { kind: 'fail'; status: number; data: Record<string, unknown> } | { kind: 'ok'; data: Record<string, unknown> };

/** Runs an action; a redirect or a returned failure is an answer, anything thrown besides is a 500. */
async function run(action: (event: never) => Promise<unknown>, event: unknown): Promise<Answer> {
	try {
		const result = await action(event as never);
		if (isActionFailure(result)) return { kind: 'fail', status: result.status, data: result.data as unknown as Record<string, unknown> };
		return { kind: 'ok', data: result as Record<string, unknown> };
	} catch (thrown) {
		if (isRedirect(thrown)) return { kind: 'redirect', location: thrown.location };
		if (isHttpError(thrown)) throw new Error(`the action threw ${thrown.status}: ${thrown.body.message}`);
		throw thrown;
	}
}

/** A message as the reader gets it: trainer actions answer words, self-checks a catalogue key worded on the page. */
function wording(message: unknown) {
	if (typeof message === 'string') return message;
	const { key, params } = message as { key: MessageKey; params?: Record<string, string | number> };
	expect(catalogues.en[key], `no message "${key}"`).toBeTypeOf('string');
	return translate('en', key, params);
}

/** Every message has words, keyed by a field the form has. */
function expectMessages(errors: unknown, fieldNames: readonly string[]) {
	expect(errors).toBeTypeOf('object');
	const entries = Object.entries(errors as Record<string, unknown>);
	expect(entries.length).toBeGreaterThan(0);
	for (const [field, message] of entries) {
		expect(fieldNames).toContain(field);
		expect(wording(message)).toMatch(/\S/);
	}
}

const padded = (arb: fc.Arbitrary<string>) =>
	fc.tuple(fc.constantFrom('', ' ', '  ', '\t'), arb, fc.constantFrom('', ' ', '\n')).map(([a, s, b]) => `${a}${s}${b}`);
const file = fc.constantFrom(new File(['5'], 'five.txt', { type: 'text/plain' }), new File([new Uint8Array([0, 255])], 'x.bin'));
const controlChar = fc.integer({ min: 0, max: 31 }).filter((c) => c !== 9 && c !== 10 && c !== 13).map((c) => String.fromCharCode(c));
/** Printable text (no control characters), not blank, at most `max` UTF-16 units once trimmed. */
const printable = (max: number) =>
	fc
		.string({ unit: 'grapheme', minLength: 1, maxLength: Math.min(max, 40) })
		.filter((s) => !/[\u0000-\u001f\u007f]/.test(s) && s.trim().length > 0 && s.trim().length <= max);
const uuid = fc.uuid({ version: 4 });
/** Fields nobody should be able to set through a form. */
const extraNames = fc.constantFrom('userId', 'user', 'score', 'percent', 'value', 'band', 'result', 'answers', 'id', 'form', 'role', 'cohortId', '__proto__', 'constructor');

// ---------------------------------------------------------------------------------------------
// Self-checks

const forms = formsIn('en');

/** The fields a form reads (the action ignores the rest). */
function fieldNames(form: FormDefinition) {
	if (form.kind !== 'daily-plan') return form.sections.flatMap((s) => s.items.map((i) => i.id));
	const blocks = Array.from({ length: form.plan.maxBlocks }, (_, i) => (['start', 'end', 'activity', 'tag'] as const).map((p) => blockField(i, p)));
	return ['date', 'day-start', 'day-end', ...blocks.flat()];
}

type Valid = { fields: Record<string, string>; answers: Record<string, unknown> };

const withSeparators = (n: number) => {
	const [whole, fraction] = String(n).split('.');
	return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction ? `.${fraction}` : '');
};
/** A number as a person types it ("80,000", " 12.5"), and its value. */
const typedNumber = (min: number, max: number, integer: boolean) =>
	fc
		.tuple(integer ? fc.integer({ min, max }) : fc.integer({ min: min * 100, max: max * 100 }).map((n) => n / 100), fc.boolean())
		.chain(([n, commas]) => padded(fc.constant(commas ? withSeparators(n) : String(n))).map((raw) => ({ raw, value: n })));

function validItem(item: Item): fc.Arbitrary<{ raw: string; value: Answers[string] | undefined }> {
	switch (item.kind) {
		case 'likert':
			return fc.integer({ min: 1, max: 5 }).chain((n) => padded(fc.constant(String(n))).map((raw) => ({ raw, value: n })));
		case 'yesno':
			return fc.constantFrom(...(item.na ? ['yes', 'no', 'na'] : ['yes', 'no'])).map((v) => ({ raw: v, value: v }));
		case 'choice':
			return fc.constantFrom(...item.options.map((o) => o.id)).map((v) => ({ raw: v, value: v }));
		case 'number':
			return typedNumber(item.min, item.max, item.integer);
		case 'text': {
			const text = padded(printable(item.maxLength)).map((raw) => ({ raw, value: raw.trim() }));
			return !isRequired(item) && !item.requiredWhen ? fc.oneof(text, fc.constant({ raw: '', value: '' })) : text;
		}
	}
}

const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const isoDay = (from: string, to: string) => fc.date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function validPlan(form: DailyPlanForm): fc.Arbitrary<Valid> {
	const tags = [...form.plan.elements.map((e) => e.id), 'slack', 'other'];
	const day = fc.uniqueArray(fc.integer({ min: 0, max: 1439 }), { minLength: 2, maxLength: 2 }).map((t) => t.sort((a, b) => a - b));
	const blocks = fc.integer({ min: 1, max: form.plan.maxBlocks }).chain((k) =>
		fc.tuple(
			fc.uniqueArray(fc.integer({ min: 0, max: 1439 }), { minLength: 2 * k, maxLength: 2 * k }).map((t) => t.sort((a, b) => a - b)),
			fc.array(fc.tuple(padded(printable(120)), fc.constantFrom(...tags)), { minLength: k, maxLength: k }),
			fc.shuffledSubarray([...Array(form.plan.maxBlocks).keys()], { minLength: k, maxLength: k })
		)
	);
	return fc.tuple(isoDay('2000-01-01', '2100-12-31'), day, blocks).map(([date, [start, end], [times, texts, rows]]) => {
		const fields: Record<string, string> = { date, 'day-start': hhmm(start), 'day-end': hhmm(end) };
		const planned: Block[] = texts.map(([activity, tag], i) => {
			const block = { start: hhmm(times[2 * i]), end: hhmm(times[2 * i + 1]), activity: activity.trim(), tag };
			Object.assign(fields, {
				[blockField(rows[i], 'start')]: block.start,
				[blockField(rows[i], 'end')]: block.end,
				[blockField(rows[i], 'activity')]: activity,
				[blockField(rows[i], 'tag')]: tag
			});
			return block;
		});
		return { fields, answers: { date, dayStart: hhmm(start), dayEnd: hhmm(end), blocks: planned } };
	});
}

function validHourValue(form: FormDefinition & { kind: 'hour-value' }): fc.Arbitrary<Valid> {
	const item = (id: string) => form.sections[0].items.find((i) => i.id === id) as Item & { kind: 'number' };
	const [income, weekly, days, idle] = ['income', 'weekly-hours', 'days-per-week', 'idle-minutes'].map(item);
	// The fields hang together: at most 16 hours a day, and no more idle time than the working day.
	return fc
		.tuple(typedNumber(income.min, income.max, income.integer), fc.integer({ min: days.min, max: days.max }))
		.chain(([inc, d]) =>
			typedNumber(Math.max(weekly.min, d), Math.min(weekly.max, 16 * d), weekly.integer).chain((w) =>
				typedNumber(idle.min, Math.min(idle.max, Math.floor((w.value / d) * 60)), true).map((i) => ({
					fields: { income: inc.raw, 'weekly-hours': w.raw, 'days-per-week': String(d), 'idle-minutes': i.raw },
					answers: { income: inc.value, 'weekly-hours': w.value, 'days-per-week': d, 'idle-minutes': i.value }
				}))
			)
		);
}

function validSelfCheck(form: FormDefinition): fc.Arbitrary<Valid> {
	if (form.kind === 'daily-plan') return validPlan(form);
	if (form.kind === 'hour-value') return validHourValue(form);
	const items = form.sections.flatMap((s) => s.items);
	return fc.tuple(...items.map(validItem)).map((values) => {
		const fields: Record<string, string> = {};
		const answers: Record<string, unknown> = {};
		values.forEach(({ raw, value }, i) => {
			fields[items[i].id] = raw;
			if (value !== undefined) answers[items[i].id] = value;
		});
		return { fields, answers };
	});
}

const selfCheckValid = fc.constantFrom(...forms).chain((form) => fc.tuple(fc.constant(form), validSelfCheck(form)));
const extras: fc.Arbitrary<Fields> = fc.array(fc.tuple(fc.oneof(extraNames, fc.string({ maxLength: 12 })), fc.oneof(junkText, file)), { maxLength: 6 });

describe('the self-check form action', () => {
	it('stores valid answers exactly as typed (trimmed and parsed), ignores extra fields, and stores a resend once', async () => {
		const mina = { ...(await createUser({ email: 'mina@example.com', name: 'Mina', password: 'a long enough secret' }))!, role: 'trainee' };
		await fc.assert(
			fc.asyncProperty(selfCheckValid, extras, fc.boolean(), async ([form, valid], extra, twice) => {
				const names = new Set([...fieldNames(form), 'key', 'trio', 'round']);
				const key = crypto.randomUUID();
				const fields: Fields = [...Object.entries(valid.fields), ...extra.filter(([n]) => !names.has(n)), ['key', key]];
				const before = (await db.select({ n: count() }).from(selfCheckSubmission))[0].n;
				const post = () => run(selfCheckActions.default, postEvent(`/self-checks/${form.slug}`, { slug: form.slug }, mina, fields));
				const answer = await post();
				if (answer.kind !== 'redirect') expect.fail(`valid answers were refused: ${JSON.stringify(answer).slice(0, 500)}`);
				const id = answer.location.split('/').pop()!;
				expect(answer.location).toBe(`/self-checks/${form.slug}/${id}`);
				if (twice) expect(await post()).toEqual(answer);
				const row = await getSubmission(mina.id, form.slug, id);
				expect(row?.answers).toEqual(valid.answers);
				// The server's own score of the form's own fields; nothing extra reached it.
				const scored = evaluate(form, valid.fields);
				expect(scored.ok && row?.result).toEqual(scored.ok && scored.submission.result);
				expect(row).toMatchObject({ userId: mina.id, form: form.slug, key });
				expect((await db.select({ n: count() }).from(selfCheckSubmission))[0].n).toBe(before + 1);
			}),
			runs(100)
		);
	}, 60_000);

	it('refuses a valid form with one field broken, with a message on that field, and stores nothing', async () => {
		const mina = { ...(await createUser({ email: 'mina@example.com', name: 'Mina', password: 'a long enough secret' }))!, role: 'trainee' };
		// Ways to break one field: what makes it wrong for every kind of field it can be.
		const breakage = fc.oneof(
			fc.constant({ how: 'missing' } as const),
			fc.constant({ how: 'file' } as const),
			fc.tuple(controlChar, fc.nat(3)).map(([c, at]) => ({ how: 'control', c, at }) as const),
			fc.constant({ how: 'too long' } as const),
			fc.constantFrom('maybe', '6', '-1', '1e999', 'NaN', '٣', '１', '2026-02-31', '25:00', 'other-option').map((s) => ({ how: 'wrong', s }) as const)
		);
		await fc.assert(
			fc.asyncProperty(selfCheckValid, fc.nat(), breakage, async ([form, valid], pick, broken) => {
				const broke = Object.keys(valid.fields)[pick % Object.keys(valid.fields).length];
				const item = form.kind === 'daily-plan' ? undefined : form.sections.flatMap((s) => s.items).find((i) => i.id === broke);
				const fields: Record<string, Value> = { ...valid.fields };
				const original = valid.fields[broke];
				if (broken.how === 'missing') delete fields[broke];
				if (broken.how === 'file') fields[broke] = new File([original], 'answer.txt');
				if (broken.how === 'control') fields[broke] = original.slice(0, broken.at) + broken.c + original.slice(broken.at) + (original.trim() ? '' : 'x');
				if (broken.how === 'too long') fields[broke] = 'x'.repeat(item?.kind === 'text' ? item.maxLength + 1 : 2001);
				if (broken.how === 'wrong') fields[broke] = broken.s;
				// Some of these are still valid for some fields: blank optional text, a number that fits, a
				// listed option. Only input the form itself refuses counts here.
				const asText = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
				fc.pre(!evaluate(form, asText).ok);
				const before = (await db.select({ n: count() }).from(selfCheckSubmission))[0].n;
				const answer = await run(selfCheckActions.default, postEvent(`/self-checks/${form.slug}`, { slug: form.slug }, mina, [...Object.entries(fields), ['key', crypto.randomUUID()]]));
				if (answer.kind !== 'fail') expect.fail(`broken input was accepted: ${JSON.stringify(answer).slice(0, 500)}`);
				expect(answer.status).toBe(400);
				expectMessages(answer.data.errors, fieldNames(form));
				// The message is on the broken field; a daily plan may put it on another field of the same
				// block (an end before a broken start), the hour-value calculator on the field that no longer
				// fits the others (idle time longer than a shorter working day).
				const errors = answer.data.errors as Record<string, unknown>;
				const block = /^block-\d+-/.exec(broke)?.[0];
				const where = errors[broke] ? broke : Object.keys(errors).find((k) => (block ? k.startsWith(block) : form.kind === 'hour-value'));
				expect(where && wording(errors[where]), JSON.stringify({ broke, errors })).toMatch(/\S/);
				expect((await db.select({ n: count() }).from(selfCheckSubmission))[0].n).toBe(before);
			}),
			{ ...runs(150), maxSkipsPerRun: 1000 }
		);
	}, 60_000);

	it('answers any mix of fields with a redirect to a stored result or a 400 with messages, never an error', async () => {
		const mina = { ...(await createUser({ email: 'mina@example.com', name: 'Mina', password: 'a long enough secret' }))!, role: 'trainee' };
		const anyValue = fc.oneof(junkText, file, fc.constantFrom('1', '5', 'yes', 'no', 'na', '09:00', '2026-05-14', 'slack', '80,000'));
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...forms).chain((form) =>
					fc.tuple(
						fc.constant(form),
						// A valid form or none, then fields set, added or repeated at random.
						fc.option(validSelfCheck(form), { freq: 2 }),
						fc.array(fc.tuple(fc.oneof(fc.constantFrom(...fieldNames(form)), extraNames, fc.constant('key')), anyValue), { maxLength: 20 })
					)
				),
				async ([form, base, changes]) => {
					const changed = new Map(changes);
					const fields: Fields = [
						...Object.entries(base?.fields ?? {}).map(([name, value]): [string, Value] => [name, changed.get(name) ?? value]),
						...changes.filter(([name]) => !base || !(name in base.fields))
					];
					const before = (await db.select({ n: count() }).from(selfCheckSubmission))[0].n;
					const answer = await run(selfCheckActions.default, postEvent(`/self-checks/${form.slug}`, { slug: form.slug }, mina, fields));
					const after = (await db.select({ n: count() }).from(selfCheckSubmission))[0].n;
					if (answer.kind === 'redirect') {
						const row = await getSubmission(mina.id, form.slug, answer.location.split('/').pop()!);
						const first = (name: string) => fields.find(([n]) => n === name)?.[1];
						const asText = Object.fromEntries(fieldNames(form).map((n) => [n, typeof first(n) === 'string' ? (first(n) as string) : '']));
						const scored = evaluate(form, asText);
						expect(scored.ok).toBe(true);
						expect(row?.answers).toEqual(scored.ok && scored.submission.answers);
						expect(after).toBe(before + 1);
					} else {
						expect(answer).toMatchObject({ kind: 'fail', status: 400 });
						if (answer.kind === 'fail') expectMessages(answer.data.errors, fieldNames(form));
						expect(after).toBe(before);
					}
				}
			),
			runs(100)
		);
	}, 60_000);
});

// ---------------------------------------------------------------------------------------------
// Trainer actions

const isText = (v: Value | undefined): v is string => typeof v === 'string';
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

async function trainerSetting() {
	const person = (email: string, role: 'trainee' | 'trainer') =>
		createUser({ email, name: email.split('@')[0], password: 'long enough pass', role }).then((u) => ({ ...u!, role }));
	const [coach, mina, wei, sam] = await Promise.all([
		person('coach@example.com', 'trainer'),
		person('mina@example.com', 'trainee'),
		person('wei@example.com', 'trainee'),
		person('sam@example.com', 'trainee')
	]);
	const cohortId = await cohorts.createCohort(coach.id, 'Spring');
	await db.insert(cohortMember).values([mina, wei].map((u) => ({ cohortId, userId: u.id })));
	return { coach, cohortId, members: [mina.id, wei.id], outsider: sam.id };
}

describe('trainer form actions', () => {
	it('create cohort: a name is stored exactly (trimmed) or refused with a message, never half-written', async () => {
		const { coach } = await trainerSetting();
		const name = fc.oneof(padded(printable(100)), junkText, controlChar.map((c) => `Team${c}`), fc.constant('x'.repeat(101)), fc.constant('名'.repeat(101)), file);
		await fc.assert(
			fc.asyncProperty(fc.array(name, { maxLength: 2 }), extras, async (names, extra) => {
				const fields: Fields = [...names.map((n): [string, Value] => ['name', n]), ...extra.filter(([n]) => n !== 'name')];
				const sent = isText(names[0]) ? names[0] : '';
				const valid = sent.trim().length > 0 && sent.trim().length <= 100 && !CONTROL.test(sent.trim());
				const before = (await db.select({ n: count() }).from(cohort))[0].n;
				const answer = await run(trainerActions.create, postEvent('/trainer?/create', {}, coach, fields));
				const after = (await db.select({ n: count() }).from(cohort))[0].n;
				if (valid) {
					if (answer.kind !== 'redirect') expect.fail(`a valid name was refused: ${JSON.stringify(answer).slice(0, 300)}`);
					const id = answer.location.split('/').pop()!;
					expect(answer.location).toBe(`/trainer/cohorts/${id}`);
					expect((await cohorts.cohortFor(coach, id))?.name).toBe(sent.trim());
					expect(after).toBe(before + 1);
				} else {
					expect(answer).toMatchObject({ kind: 'fail', status: 400 });
					if (answer.kind === 'fail') expect(answer.data.error).toMatch(/\S/);
					expect(after).toBe(before);
				}
			}),
			runs(150)
		);
	}, 60_000);

	it('create assignment: a due date that is not a real day (31 February, month 13, year 0) is refused, not moved or failed on', async () => {
		const { coach, cohortId } = await trainerSetting();
		for (const due of ['2026-02-31', '2027-02-29', '2026-13-01', '0000-01-01']) {
			const fields: Fields = [['target', 'lesson:customer-service'], ['due', due], ['audience', 'cohort']];
			const answer = await run(cohortActions.assign, postEvent(`/trainer/cohorts/${cohortId}?/assign`, { id: cohortId }, coach, fields));
			expect(answer, due).toMatchObject({ kind: 'fail', status: 400, data: { errors: { due: 'Choose a date.' } } });
		}
		expect(await cohorts.assignmentsOf([cohortId])).toEqual([]);
	});

	it('create assignment: valid fields are stored and read back equal; anything else is refused with messages and writes nothing', async () => {
		const { coach, cohortId, members, outsider } = await trainerSetting();
		const targets = assignable('en').map((t) => `${t.kind}:${t.slug}`);
		// Mostly valid forms with up to two fields blanked, swapped for a file or for junk, so that
		// each way a single field can be wrong is met next to otherwise valid input.
		const validFields = fc.record({
			target: fc.constantFrom(...targets),
			due: isoDay('2000-01-01', '2100-12-31'),
			audience: fc.constantFrom('cohort', 'chosen'),
			mode: fc.constantFrom('practice', 'assessment', ''),
			passMark: fc.oneof(fc.integer({ min: 1, max: 100 }).map(String), fc.constant('')),
			attempts: fc.oneof(fc.integer({ min: 1, max: 50 }).map(String), fc.constant('')),
			counting: fc.constantFrom(...countingRules, '')
		});
		const junkFor: Record<string, fc.Arbitrary<string>> = {
			target: fc.constantFrom('lesson:nope', 'simulation:', 'lesson: customer-service', 'Lesson:customer-service'),
			due: fc.constantFrom('2026-02-31', '2027-02-29', '2026-04-31', '2026-13-01', '0000-01-01', '1999-12-31', '2026-1-5', ' 2026-05-01', '2026-05-01T10:00', '99999-01-01'),
			audience: fc.constantFrom('everyone', 'Cohort'),
			mode: fc.constantFrom('exam', 'Practice'),
			passMark: fc.constantFrom('0', '101', '1.5', '1e1', ' 70 ', 'Infinity', '-5', '0x10'),
			attempts: fc.constantFrom('0', '51', '2.5', 'unlimited', ' '),
			counting: fc.constantFrom('worst', 'all')
		};
		const fieldsArb = fc
			.tuple(
				validFields,
				fc.array(fc.tuple(fc.constantFrom(...Object.keys(junkFor)), fc.nat(3), junkText), { maxLength: 2 })
			)
			.chain(([fields, breaks]) =>
				fc.tuple(...breaks.map(([name]) => junkFor[name])).map((picked) => {
					const out: Record<string, Value> = { ...fields };
					breaks.forEach(([name, how, junk], i) => (out[name] = [picked[i], '', junk, new File(['x'], 'x.txt')][how]));
					return out as Record<keyof typeof fields, Value>;
				})
			);
		const traineesArb = fc.array(fc.oneof(fc.constantFrom(...members), fc.constant(outsider), uuid, junkText, file), { maxLength: 4 });
		const whole = (s: string, min: number, max: number) => Number.isInteger(Number(s)) && Number(s) >= min && Number(s) <= max;
		const realDay = (s: string) => {
			const [y, m, d] = (/^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? []).slice(1).map(Number);
			return y >= 2000 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
		};

		await fc.assert(
			fc.asyncProperty(fieldsArb, traineesArb, extras, async (sent, trainees, extra) => {
				const fields: Fields = [...Object.entries(sent), ...trainees.map((t): [string, Value] => ['trainees', t]), ...extra];
				const f = Object.fromEntries(Object.entries(sent).map(([k, v]) => [k, isText(v) ? v : ''])) as Record<keyof typeof sent, string>;
				const chosen = [...new Set(trainees.filter((t): t is string => isText(t) && members.includes(t)))];
				const simulation = f.target.startsWith('simulation:');
				const valid =
					targets.includes(f.target) &&
					realDay(f.due) &&
					['cohort', 'chosen'].includes(f.audience) &&
					(f.mode === '' || ['practice', 'assessment'].includes(f.mode)) &&
					(f.passMark === '' || whole(f.passMark, 1, 100)) &&
					(f.attempts === '' || whole(f.attempts, 1, 50)) &&
					(f.counting === '' || (countingRules as readonly string[]).includes(f.counting)) &&
					(f.audience !== 'chosen' || chosen.length > 0);
				const before = await cohorts.assignmentsOf([cohortId]);
				const answer = await run(cohortActions.assign, postEvent(`/trainer/cohorts/${cohortId}?/assign`, { id: cohortId }, coach, fields));
				const after = await cohorts.assignmentsOf([cohortId]);
				if (!valid) {
					expect(answer, JSON.stringify(f)).toMatchObject({ kind: 'fail', status: 400, data: { action: 'assign' } });
					if (answer.kind === 'fail') expectMessages(answer.data.errors, ['target', 'due', 'audience', 'mode', 'passMark', 'attempts', 'counting', 'trainees']);
					expect(after).toEqual(before);
					return;
				}
				expect(answer, JSON.stringify(f)).toMatchObject({ kind: 'ok', data: { action: 'assign' } });
				const created = after.filter((a) => !before.some((b) => b.id === a.id));
				expect(created).toHaveLength(1);
				const [kind, slug] = f.target.split(':');
				expect(created[0]).toMatchObject({
					cohortId,
					kind,
					target: slug,
					mode: simulation ? f.mode || 'practice' : null,
					passMark: simulation ? Number(f.passMark || '70') : null,
					attemptsAllowed: simulation && f.attempts !== '' ? Number(f.attempts) : null,
					counting: simulation ? f.counting || 'best' : null
				});
				// Due at the end of the chosen day: the same calendar day reads back.
				expect(created[0].dueAt.toISOString()).toBe(`${f.due}T23:59:59.000Z`);
				const audience = (await cohorts.audienceOf([created[0].id])).get(created[0].id);
				expect([...(audience ?? [])].sort()).toEqual(f.audience === 'chosen' ? chosen.sort() : []);
				await db.delete(assignment).where(eq(assignment.id, created[0].id));
			}),
			runs(150)
		);
	}, 60_000);
});
