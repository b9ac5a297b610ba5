// Tomorrow's plan in time blocks, each tagged with one of the manual's daily-plan elements
// (or as slack, or other work). Parsing and the coverage/slack summary are pure.
import * as v from 'valibot';
import type { MessageKey } from '$lib/i18n';
import { bandFor, type DailyPlanForm } from './definition';
import type { Message, Parsed } from './answers';

export type Block = { start: string; end: string; activity: string; tag: string };
export type PlanAnswers = { date: string; dayStart: string; dayEnd: string; blocks: Block[] };

export const blockField = (i: number, part: 'start' | 'end' | 'activity' | 'tag') => `block-${i}-${part}`;
export const ACTIVITY_MAX = 120;

/** Minutes since midnight of "HH:MM", or NaN. */
export function minutes(time: string): number {
	const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
	return match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
}

const isDate = (s: string) => {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) && s >= '2000-01-01' && s <= '2100-12-31';
};

// Each check's message is its catalogue key.
const Activity = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('selfCheck.plan.error.activity' satisfies MessageKey),
	v.maxLength(ACTIVITY_MAX, 'selfCheck.error.tooLong' satisfies MessageKey),
	v.check((s) => !/[\u0000-\u001f\u007f]/.test(s), 'selfCheck.error.characters' satisfies MessageKey)
);

export function parsePlan(form: DailyPlanForm, fields: Record<string, string>): Parsed<PlanAnswers> {
	const errors: Record<string, Message> = {};
	const get = (key: string) => (fields[key] ?? '').trim();
	const date = get('date');
	if (!date) errors.date = { key: 'selfCheck.plan.error.dateEmpty' };
	else if (!isDate(date)) errors.date = { key: 'selfCheck.plan.error.date', params: { example: '2026-05-14' } };

	const dayStart = get('day-start');
	const dayEnd = get('day-end');
	if (Number.isNaN(minutes(dayStart))) errors['day-start'] = { key: 'selfCheck.plan.error.time', params: { example: '08:30' } };
	if (Number.isNaN(minutes(dayEnd))) errors['day-end'] = { key: 'selfCheck.plan.error.time', params: { example: '18:00' } };
	else if (minutes(dayEnd) <= minutes(dayStart)) errors['day-end'] = { key: 'selfCheck.plan.error.dayOrder' };

	const tags = new Set([...form.plan.elements.map((e) => e.id), 'slack', 'other']);
	const blocks: (Block & { row: number })[] = [];
	for (let i = 0; i < form.plan.maxBlocks; i++) {
		const [start, end, activity, tag] = (['start', 'end', 'activity', 'tag'] as const).map((p) => get(blockField(i, p)));
		if (!start && !end && !activity && !tag) continue; // an unused row
		const before = Object.keys(errors).length;
		if (Number.isNaN(minutes(start))) errors[blockField(i, 'start')] = { key: 'selfCheck.plan.error.start', params: { example: '09:00' } };
		if (Number.isNaN(minutes(end))) errors[blockField(i, 'end')] = { key: 'selfCheck.plan.error.end', params: { example: '10:30' } };
		else if (minutes(end) <= minutes(start)) errors[blockField(i, 'end')] = { key: 'selfCheck.plan.error.blockOrder' };
		const parsed = v.safeParse(Activity, activity);
		if (!parsed.success) errors[blockField(i, 'activity')] = { key: parsed.issues[0].message as MessageKey, params: { max: ACTIVITY_MAX } };
		if (!tags.has(tag)) errors[blockField(i, 'tag')] = { key: 'selfCheck.plan.error.tag' };
		if (Object.keys(errors).length === before) blocks.push({ row: i, start, end, activity: parsed.output as string, tag });
	}
	if (blocks.length === 0 && !Object.keys(errors).some((k) => k.startsWith('block-')))
		errors[blockField(0, 'activity')] = { key: 'selfCheck.plan.error.empty' };

	const sorted = [...blocks].sort((a, b) => minutes(a.start) - minutes(b.start));
	for (let i = 1; i < sorted.length; i++) {
		const previous = sorted[i - 1];
		if (minutes(sorted[i].start) < minutes(previous.end))
			errors[blockField(sorted[i].row, 'start')] ??= {
				key: 'selfCheck.plan.error.overlap',
				params: { start: previous.start, end: previous.end, activity: previous.activity }
			};
	}
	if (Object.keys(errors).length) return { ok: false, errors };
	return { ok: true, answers: { date, dayStart, dayEnd, blocks: sorted.map(({ row: _row, ...block }) => block) } };
}

export type PlanSummary = {
	covered: string[];
	missing: string[];
	percent: number;
	windowMinutes: number;
	plannedMinutes: number;
	reservedSlack: number;
	gapMinutes: number;
	slackMinutes: number;
};

/** Minutes of [from, to) that a sorted list of non-overlapping blocks covers. */
const coveredWithin = (blocks: Block[], from: number, to: number) =>
	blocks.reduce((sum, b) => sum + Math.max(0, Math.min(minutes(b.end), to) - Math.max(minutes(b.start), from)), 0);

/**
 * Which elements the plan covers, and how much slack the working day keeps: time reserved as
 * slack plus the gaps no block fills. Blocks outside the working day (exercise at 7, family at 7 pm)
 * count for coverage but not for slack.
 */
export function summarisePlan(form: DailyPlanForm, plan: PlanAnswers): PlanSummary {
	const used = new Set(plan.blocks.map((b) => b.tag));
	const covered = form.plan.elements.filter((e) => used.has(e.id)).map((e) => e.id);
	const missing = form.plan.elements.filter((e) => !used.has(e.id)).map((e) => e.id);
	const from = minutes(plan.dayStart);
	const to = minutes(plan.dayEnd);
	const windowMinutes = to - from;
	const reservedSlack = coveredWithin(plan.blocks.filter((b) => b.tag === 'slack'), from, to);
	const plannedMinutes = coveredWithin(plan.blocks.filter((b) => b.tag !== 'slack'), from, to);
	const gapMinutes = windowMinutes - reservedSlack - plannedMinutes;
	return {
		covered,
		missing,
		percent: Math.round((covered.length / form.plan.elements.length) * 100),
		windowMinutes,
		plannedMinutes,
		reservedSlack,
		gapMinutes,
		slackMinutes: reservedSlack + gapMinutes
	};
}

export const planBand = (form: DailyPlanForm, summary: PlanSummary) => bandFor(form.bands, summary.percent);
