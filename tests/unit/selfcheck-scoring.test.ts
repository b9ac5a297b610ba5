import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildForms } from '$lib/server/content/forms';
import { checkContent } from '$lib/server/content/check';
import { bandFor, type FormDefinition } from '$lib/selfcheck/definition';
import { hourValue } from '$lib/selfcheck/hour-value';
import { parseItems, parseNumber, type Message } from '$lib/selfcheck/answers';
import { answerText, messageText } from '$lib/selfcheck/display';
import { evaluate, itemFraction, scoreAssessment } from '$lib/selfcheck/score';
import { translate, type Locale, type Translate } from '$lib/i18n';

/** What a page's `t` is, for one locale. */
const words = (locale: Locale): Translate => (key, params) => translate(locale, key, params);

const files: Record<string, string> = {};
for (const name of readdirSync('content/forms')) files[`forms/${name}`] = readFileSync(`content/forms/${name}`, 'utf8');
const { forms, problems } = buildForms(files);
const form = <K extends FormDefinition['kind']>(slug: string) => forms.find((f) => f.slug === slug) as Extract<FormDefinition, { kind: K }>;
/** A message as an English reader sees it. */
const say = (message: Message | undefined) => message && translate('en', message.key, message.params);

describe('value of an hour (manual 000, Topic 2)', () => {
	it("reproduces the manual's example: 80,000 a year at 40 h a week is 38.46 an hour; one idle hour a day costs 10,000", () => {
		const r = hourValue(80_000, 40, 60);
		expect(r.hoursPerYear).toBe(2080);
		expect(r.hourValue).toBe(38.46);
		expect(r.hoursPerDay).toBe(8);
		expect(r.idleCostYear).toBe(10_000);
		expect(r.investedPercent).toBe(87.5);
	});

	it("matches the lesson's table for 40,000 and 120,000", () => {
		expect(hourValue(40_000, 40, 60)).toMatchObject({ hourValue: 19.23, idleCostYear: 5_000 });
		expect(hourValue(120_000, 40, 60)).toMatchObject({ hourValue: 57.69, idleCostYear: 15_000 });
	});

	it('agrees with the other direction the lesson gives: hour value × idle hours × working days', () => {
		const r = hourValue(80_000, 40, 60);
		expect(r.workingDaysPerYear).toBe(260);
		expect(Math.round((80_000 / 2080) * 260)).toBe(r.idleCostYear);
		expect(r.idleCostDay).toBe(38.46);
	});

	it('uses the length of the working day, so half an hour idle in a 10-hour, 6-day week costs 1/20 of income', () => {
		const r = hourValue(60_000, 60, 30, 6);
		expect(r.hoursPerDay).toBe(10);
		expect(r.idleCostYear).toBe(3_000);
		expect(r.hourValue).toBe(19.23);
	});

	it('refuses impossible inputs instead of returning Infinity', () => {
		expect(() => hourValue(80_000, 0, 60)).toThrow(RangeError);
		expect(() => hourValue(-1, 40, 60)).toThrow(RangeError);
	});
});

describe('form files', () => {
	it('all six forms load without problems and link only to lesson sections that exist', () => {
		expect(problems).toEqual([]);
		expect(forms.map((f) => f.slug).sort()).toEqual(
			['complaint-observer', 'daily-plan', 'hour-value', 'post-visit', 'telephone-standards', 'time-management'].sort()
		);
		const lessonFiles: Record<string, string> = { ...files };
		for (const dir of readdirSync('content/lessons'))
			for (const name of readdirSync(`content/lessons/${dir}`))
				lessonFiles[`lessons/${dir}/${name}`] = readFileSync(`content/lessons/${dir}/${name}`, 'utf8');
		const formProblems = checkContent(lessonFiles).problems.filter((p) => p.startsWith('forms/') || p.includes('self-check'));
		expect(formProblems).toEqual([]);
	});

	it('the time-management self-check has at least 15 scored items drawn from Topic 2', () => {
		const tm = form<'assessment'>('time-management');
		const lessons = tm.sections.flatMap((s) => s.items.map((i) => i.lesson ?? s.lesson ?? ''));
		expect(lessons.length).toBeGreaterThanOrEqual(15);
		for (const lesson of lessons) expect(lesson).toMatch(/^(time-management|customer-records)#[a-z-]+$/);
	});

	it('reports a broken file: unknown kind, a scored item without a lesson, duplicate ids, a slug that is not the file name', () => {
		const broken = buildForms({
			'forms/bad-kind.en.yaml': 'slug: bad-kind\nkind: quiz\n',
			'forms/no-lesson.en.yaml': `slug: other-name
kind: assessment
title: T
summary: S
minutes: 2
lesson: time-management
sections:
  - id: s
    title: S
    items:
      - { id: a, kind: yesno, prompt: P }
      - { id: a, kind: yesno, prompt: Q, lesson: "time-management#daily-plan" }
bands:
  - { id: low, min: 0, label: L, interpretation: I }
  - { id: high, min: 50, label: H, interpretation: J }
`
		});
		expect(broken.forms).toEqual([]);
		const text = broken.problems.join('\n');
		expect(text).toMatch(/bad-kind\.en\.yaml/);
		expect(text).toMatch(/item "a" is scored but names no lesson section/);
		expect(text).toMatch(/item id "a" is used twice/);
		expect(text).toMatch(/slug "other-name" must equal the file name "no-lesson"/);
	});

	it('reports bands that do not start at 0 or do not rise', () => {
		const result = buildForms({
			'forms/x.en.yaml': `slug: x
kind: assessment
title: T
summary: S
minutes: 2
lesson: time-management
sections: [{ id: s, title: S, lesson: "time-management#daily-plan", items: [{ id: a, kind: yesno, prompt: P }] }]
bands: [{ id: a, min: 10, label: L, interpretation: I }, { id: b, min: 5, label: H, interpretation: J }]
`
		});
		expect(result.problems.join()).toMatch(/first band must start at 0/);
		expect(result.problems.join()).toMatch(/bands must rise/);
	});
});

describe('bands', () => {
	const bands = form<'assessment'>('time-management').bands;
	it.each([
		[0, 'spending'],
		[39, 'spending'],
		[40, 'starting'],
		[59, 'starting'],
		[60, 'solid'],
		[79, 'solid'],
		[80, 'investing'],
		[100, 'investing']
	])('a score of %i falls in "%s"', (score, band) => {
		expect(bandFor(bands, score).id).toBe(band);
	});
});

describe('assessment scoring', () => {
	const tm = form<'assessment'>('time-management');
	const items = tm.sections.flatMap((s) => s.items);
	/** Every item answered at one level: likert 1–5, yes/no, and the matching choice. */
	const answerAll = (level: 1 | 5) =>
		Object.fromEntries(
			items.map((item) => {
				if (item.kind === 'likert') return [item.id, String(item.reverse ? 6 - level : level)];
				if (item.kind === 'yesno') return [item.id, level === 5 ? 'yes' : 'no'];
				if (item.kind === 'choice') return [item.id, item.options[level === 5 ? item.options.length - 1 : 0].id];
				return [item.id, ''];
			})
		);

	it('the best answers everywhere score 100% with nothing to recommend', () => {
		const outcome = evaluate(tm, answerAll(5));
		expect(outcome.ok).toBe(true);
		if (!outcome.ok || outcome.submission.result.kind !== 'assessment') return;
		expect(outcome.submission.result.percent).toBe(100);
		expect(outcome.submission.result.band).toBe('investing');
		expect(outcome.submission.result.recommendations).toEqual([]);
		expect(outcome.submission.result.sections.every((s) => s.percent === 100)).toBe(true);
	});

	it('the worst answers score 0% in the lowest band and recommend the heaviest items first', () => {
		const outcome = evaluate(tm, answerAll(1));
		if (!outcome.ok || outcome.submission.result.kind !== 'assessment') throw new Error('expected a result');
		const result = outcome.submission.result;
		expect(result.percent).toBe(0);
		expect(result.band).toBe('spending');
		expect(result.recommendations).toHaveLength(3);
		// prospecting-time and plan-tomorrow weigh 2: they cost the most points.
		expect(result.recommendations.map((r) => r.item)).toEqual(['prospecting-time', 'plan-tomorrow', 'invested-or-spent']);
		expect(result.recommendations[0].lesson).toBe('time-management#daily-plan');
	});

	it('a reversed item scores high when the bad habit is rare', () => {
		const item = items.find((i) => i.id === 'day-wrecked')!;
		expect(itemFraction(item, 1)).toBe(1);
		expect(itemFraction(item, 5)).toBe(0);
		expect(itemFraction(item, 3)).toBe(0.5);
	});

	it('weights points, rounds sections and picks the weakest items with their lesson sections', () => {
		const answers = { ...answerAll(5), 'leave-slack': '1', 'one-place': '3', homework: '4' };
		const outcome = evaluate(tm, answers);
		if (!outcome.ok || outcome.submission.result.kind !== 'assessment') throw new Error('expected a result');
		const result = outcome.submission.result;
		const slack = result.sections.find((s) => s.id === 'slack-and-tools')!;
		expect(slack).toEqual({ id: 'slack-and-tools', points: 2.5, max: 4, percent: 63 });
		expect(result.max).toBe(items.reduce((sum, i) => sum + i.weight, 0));
		expect(result.points).toBe(result.max - 1 - 0.5 - 0.25);
		expect(result.recommendations).toEqual([
			{ item: 'leave-slack', lesson: 'time-management#leave-slack', percent: 0 },
			{ item: 'one-place', lesson: 'time-management#use-tools', percent: 50 },
			{ item: 'homework', lesson: 'time-management#daily-plan', percent: 75 }
		]);
	});

	it('"not applicable" leaves an item out of the total rather than counting it as a miss', () => {
		const ts = form<'assessment'>('telephone-standards');
		const base: Record<string, string> = { rater: 'self' };
		for (const item of ts.sections.flatMap((s) => s.items)) if (item.kind === 'yesno') base[item.id] = 'yes';
		const all = scoreAssessment(ts, parseOk(ts, base));
		const withNa = scoreAssessment(ts, parseOk(ts, { ...base, 'unclear-line': 'na', 'call-back': 'na' }));
		expect(all.percent).toBe(100);
		expect(withNa.percent).toBe(100);
		expect(withNa.max).toBe(all.max - 4);
		const missed = scoreAssessment(ts, parseOk(ts, { ...base, 'no-silence': 'no' }));
		expect(missed.percent).toBe(Math.round(((all.max - 2) / all.max) * 100));
		expect(missed.band).toBe('nearly');
	});
});

function parseOk(f: FormDefinition, fields: Record<string, string>) {
	if (f.kind === 'daily-plan') throw new Error('not an item form');
	const parsed = parseItems(f, fields);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
	return parsed.answers;
}

describe('validation of answers', () => {
	const hv = form<'hour-value'>('hour-value');
	const good = { income: '80,000', 'weekly-hours': '40', 'days-per-week': '5', 'idle-minutes': '60' };

	it('accepts 80,000 with a thousands separator and computes the stored result on the same code', () => {
		const outcome = evaluate(hv, good);
		expect(outcome.ok && outcome.submission.result).toMatchObject({ kind: 'hour-value', hourValue: 38.46, idleCostYear: 10_000, band: 'room-to-invest' });
	});

	it.each([
		['weekly-hours', '', 'Please enter a number.'],
		['weekly-hours', '-5', 'Enter a number from 1 to 100 hours.'],
		['weekly-hours', '200', 'Enter a number from 1 to 100 hours.'],
		['weekly-hours', 'forty', 'Please enter a number, like 40.'],
		['income', '0', 'Enter a number from 1 to 100,000,000.'],
		['income', '1e9', 'Please enter a number, like 80,000.'],
		['income', '999999999999', 'Enter a number from 1 to 100,000,000.'],
		['days-per-week', '4.5', 'Please enter a whole number.'],
		['days-per-week', '8', 'Enter a number from 1 to 7 days.'],
		['idle-minutes', '-1', 'Enter a number from 0 to 1,440 minutes.']
	])('%s = "%s" is refused: %s', (field, value, message) => {
		const outcome = evaluate(hv, { ...good, [field]: value });
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(say(outcome.errors[field])).toBe(message);
	});

	it('refuses a working day longer than 16 hours and idle time longer than the working day', () => {
		const longDays = evaluate(hv, { ...good, 'weekly-hours': '100', 'days-per-week': '5' });
		expect(!longDays.ok && say(longDays.errors['weekly-hours'])).toMatch(/20 hours a day/);
		const idle = evaluate(hv, { ...good, 'idle-minutes': '600' });
		expect(!idle.ok && say(idle.errors['idle-minutes'])).toMatch(/working day is 480 minutes/);
	});

	it('messages found on the English definition read in the learner’s language, with the units of their form', () => {
		const translated = (locale: 'zh-CN' | 'ko') => buildForms(files, locale).forms.find((f) => f.slug === 'hour-value')!;
		const outcome = evaluate(hv, { ...good, 'weekly-hours': '200', income: 'lots' });
		if (outcome.ok) throw new Error('expected errors');
		expect(messageText(words('zh-CN'), translated('zh-CN'), 'weekly-hours', outcome.errors['weekly-hours'])).toBe('请输入 1 到 100 小时之间的数字。');
		expect(messageText(words('ko'), translated('ko'), 'weekly-hours', outcome.errors['weekly-hours'])).toBe('1~100시간 사이로 입력해 주세요.');
		expect(messageText(words('ko'), translated('ko'), 'income', outcome.errors.income)).toBe('80,000처럼 숫자를 입력해 주세요.');
		const long = evaluate(hv, { ...good, 'weekly-hours': '45', 'days-per-week': '2' });
		expect(!long.ok && messageText(words('zh-CN'), translated('zh-CN'), 'weekly-hours', long.errors['weekly-hours'])).toBe('2 天工作 45 小时，相当于每天 22.5 小时。请检查小时数或天数。');
	});

	it('answers are put in words in the learner’s language', () => {
		const tm = form<'assessment'>('time-management');
		const item = (id: string) => tm.sections.flatMap((s) => s.items).find((i) => i.id === id)!;
		expect(answerText('en', words('en'), tm, item('plan-tomorrow'), 5)).toBe('Always');
		expect(answerText('zh-CN', words('zh-CN'), tm, item('plan-tomorrow'), 1)).toBe('从不');
		expect(answerText('ko', words('ko'), tm, item('know-hour-value'), 'no')).toBe('아니요');
		expect(answerText('ko', words('ko'), tm, item('plan-tomorrow'), undefined)).toBe('(답변 없음)');
	});

	it('parses numbers strictly', () => {
		expect(parseNumber('80,000')).toBe(80000);
		expect(parseNumber('1 000 000')).toBe(1000000);
		expect(parseNumber('38.46')).toBe(38.46);
		expect(parseNumber('80,00')).toBeNaN();
		expect(parseNumber('0x10')).toBeNaN();
		expect(parseNumber('Infinity')).toBeNaN();
	});

	it('an empty assessment answers a message for every required question and none for optional ones', () => {
		const pv = form<'assessment'>('post-visit');
		const outcome = evaluate(pv, {});
		if (outcome.ok) throw new Error('expected errors');
		expect(say(outcome.errors['goal-reached'])).toBe('Please choose one answer.');
		expect(say(outcome.errors.customer)).toBe('Please write a short answer.');
		expect(outcome.errors['why-not']).toBeUndefined();
	});

	it('"why not?" becomes required once the goal was not reached', () => {
		const pv = form<'assessment'>('post-visit');
		const fields: Record<string, string> = { customer: 'Kim Mart', goal: 'Order for spring', 'goal-reached': 'partly', strengths: 'Prepared', improve: 'Samples' };
		for (const item of pv.sections.flatMap((s) => s.items)) {
			if (item.kind === 'likert') fields[item.id] = '4';
			if (item.kind === 'yesno') fields[item.id] = 'yes';
		}
		const missing = evaluate(pv, fields);
		expect(!missing.ok && say(missing.errors['why-not'])).toBe('Please say why, in a sentence or two.');
		expect(evaluate(pv, { ...fields, 'why-not': 'The buyer was away.' }).ok).toBe(true);
		expect(evaluate(pv, { ...fields, 'goal-reached': 'reached' }).ok).toBe(true);
	});

	it('refuses unknown options, control characters and over-long text', () => {
		const co = form<'assessment'>('complaint-observer');
		const outcome = evaluate(co, { listened: 'maybe', salesperson: 'Jun\u0000', worked: 'x'.repeat(801) });
		if (outcome.ok) throw new Error('expected errors');
		expect(say(outcome.errors.listened)).toBe('Please choose one answer.');
		expect(say(outcome.errors.salesperson)).toBe('This contains characters we cannot store.');
		expect(say(outcome.errors.worked)).toBe('Please keep this to 800 characters or fewer.');
	});
});
