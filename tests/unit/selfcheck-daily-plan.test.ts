import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildForms } from '$lib/server/content/forms';
import type { DailyPlanForm } from '$lib/selfcheck/definition';
import { blockField, minutes, parsePlan, summarisePlan } from '$lib/selfcheck/daily-plan';
import { evaluate } from '$lib/selfcheck/score';
import { translate } from '$lib/i18n';
import type { Message } from '$lib/selfcheck/answers';

const { forms } = buildForms({ 'forms/daily-plan.en.yaml': readFileSync('content/forms/daily-plan.en.yaml', 'utf8') });
const form = forms[0] as DailyPlanForm;
const say = (message: Message | undefined, locale: 'en' | 'zh-CN' | 'ko' = 'en') => message && translate(locale, message.key, message.params);

/** Form fields for a day of blocks: [start, end, activity, tag]. */
function fields(blocks: [string, string, string, string][], day: Record<string, string> = {}) {
	const out: Record<string, string> = { date: '2026-05-14', 'day-start': '09:00', 'day-end': '18:00', ...day };
	blocks.forEach(([start, end, activity, tag], i) => {
		out[blockField(i, 'start')] = start;
		out[blockField(i, 'end')] = end;
		out[blockField(i, 'activity')] = activity;
		out[blockField(i, 'tag')] = tag;
	});
	return out;
}

// The lesson's example day, built from the seven elements.
const exampleDay: [string, string, string, string][] = [
	['07:00', '07:30', 'Thirty-minute walk', 'exercise'],
	['08:00', '09:00', "Read the files for today's three visits", 'homework'],
	['09:00', '10:30', 'Ten calls to referrals', 'prospecting'],
	['10:30', '13:00', 'Visits to two customers in the same district', 'out-of-office'],
	['14:00', '15:30', 'Third customer', 'appointments'],
	['15:30', '16:30', 'Unplanned time', 'slack'],
	['16:30', '17:00', "Update records; write tomorrow's plan", 'other'],
	['18:00', '20:00', 'Dinner at home, phone off', 'family'],
	['20:00', '20:30', "Cinema ticket for Saturday if all visits happen", 'reward']
];

describe('daily plan', () => {
	it('reads HH:MM times and refuses anything else', () => {
		expect(minutes('07:30')).toBe(450);
		expect(minutes('23:59')).toBe(1439);
		expect(minutes('24:00')).toBeNaN();
		expect(minutes('7:30')).toBeNaN();
	});

	it("the lesson's example day covers all seven elements and keeps slack", () => {
		const outcome = evaluate(form, fields(exampleDay));
		if (!outcome.ok || outcome.submission.result.kind !== 'daily-plan') throw new Error('expected a plan');
		const result = outcome.submission.result;
		expect(result.covered).toHaveLength(7);
		expect(result.missing).toEqual([]);
		expect(result.percent).toBe(100);
		expect(result.band).toBe('complete');
		// 09:00–18:00 is 540 minutes: 60 kept as slack, gaps at 13:00–14:00 and 17:00–18:00.
		expect(result.windowMinutes).toBe(540);
		expect(result.reservedSlack).toBe(60);
		expect(result.plannedMinutes).toBe(90 + 150 + 90 + 30);
		expect(result.gapMinutes).toBe(60 + 60);
		expect(result.slackMinutes).toBe(180);
		expect(result.recommendations).toEqual([]);
	});

	it('names the missing elements with their lesson section, and too little slack first', () => {
		const packed = fields([
			['09:00', '13:00', 'Visits', 'out-of-office'],
			['13:00', '18:00', 'Appointments all afternoon', 'appointments']
		]);
		const outcome = evaluate(form, packed);
		if (!outcome.ok || outcome.submission.result.kind !== 'daily-plan') throw new Error('expected a plan');
		const result = outcome.submission.result;
		expect(result.covered).toEqual(['out-of-office', 'appointments']);
		expect(result.percent).toBe(29);
		expect(result.band).toBe('thin');
		expect(result.slackMinutes).toBe(0);
		expect(result.recommendations[0]).toEqual({ item: 'slack', lesson: 'time-management#leave-slack', percent: null });
		expect(result.recommendations.slice(1).map((r) => r.item)).toEqual(['homework', 'family', 'exercise']);
	});

	it('sorts blocks by time and ignores empty rows', () => {
		const parsed = parsePlan(form, fields([['14:00', '15:00', 'B', 'other'], ['', '', '', ''], ['09:00', '10:00', 'A', 'prospecting']]));
		expect(parsed.ok && parsed.answers.blocks.map((b) => b.activity)).toEqual(['A', 'B']);
	});

	it('clips blocks to the working day when counting slack', () => {
		const plan = { date: '2026-05-14', dayStart: '09:00', dayEnd: '12:00', blocks: [{ start: '08:00', end: '10:00', activity: 'x', tag: 'homework' }] };
		expect(summarisePlan(form, plan)).toMatchObject({ plannedMinutes: 60, gapMinutes: 120, slackMinutes: 120 });
	});

	it.each([
		['an empty plan', fields([]), blockField(0, 'activity'), 'Plan at least one block of your day.'],
		['a block that ends before it starts', fields([['10:00', '09:00', 'x', 'other']]), blockField(0, 'end'), 'The block must end after it starts.'],
		['a block without an activity', fields([['09:00', '10:00', '  ', 'other']]), blockField(0, 'activity'), 'Say what you will do in this block.'],
		['an unknown tag', fields([['09:00', '10:00', 'x', 'napping']]), blockField(0, 'tag'), 'Please choose what this block is for.'],
		['a time like 25:00', fields([['25:00', '26:00', 'x', 'other']]), blockField(0, 'start'), 'Please enter a start time like 09:00.'],
		['a working day that ends before it starts', fields([['09:00', '10:00', 'x', 'other']], { 'day-end': '08:00' }), 'day-end', 'The working day must end after it starts.'],
		['an impossible date', fields([['09:00', '10:00', 'x', 'other']], { date: '2026-02-30' }), 'date', 'Please enter a real date, like 2026-05-14.']
	])('refuses %s', (_name, input, field, message) => {
		const parsed = parsePlan(form, input);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(say(parsed.errors[field])).toBe(message);
	});

	it('refuses overlapping blocks and says which block it overlaps', () => {
		const parsed = parsePlan(form, fields([['09:00', '10:30', 'Calls', 'prospecting'], ['10:00', '11:00', 'Visit', 'out-of-office']]));
		expect(!parsed.ok && say(parsed.errors[blockField(1, 'start')])).toBe('This block overlaps 09:00–10:30 (Calls).');
		expect(!parsed.ok && say(parsed.errors[blockField(1, 'start')], 'zh-CN')).toBe('这个时间段与 09:00–10:30（Calls）重叠。');
	});

	it('reads no rows beyond the form’s maximum', () => {
		const input = fields([['09:00', '10:00', 'x', 'other']]);
		input[blockField(form.plan.maxBlocks, 'start')] = 'garbage';
		expect(parsePlan(form, input).ok).toBe(true);
	});
});
