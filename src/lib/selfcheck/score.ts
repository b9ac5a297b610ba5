// Scoring of a self-check: points per item, per section and in total, the band, and the
// weakest items turned into recommendations. Shared by the browser preview and the server,
// whose result is the one stored.
import { bandFor, hourValueFields, isScored, type FormDefinition, type Item } from './definition';
import { parseItems, type Answers } from './answers';
import { parsePlan, summarisePlan, type PlanAnswers, type PlanSummary } from './daily-plan';
import { hourValue, type HourValue } from './hour-value';

export type Recommendation = { item: string; lesson: string; percent: number | null };
export type SectionScore = { id: string; points: number; max: number; percent: number | null };

export type AssessmentResult = {
	kind: 'assessment';
	points: number;
	max: number;
	percent: number;
	band: string;
	sections: SectionScore[];
	recommendations: Recommendation[];
};
export type HourValueResult = HourValue & {
	kind: 'hour-value';
	income: number;
	weeklyHours: number;
	daysPerWeek: number;
	idleMinutes: number;
	band: string;
	recommendations: Recommendation[];
};
export type DailyPlanResult = PlanSummary & { kind: 'daily-plan'; date: string; blockCount: number; band: string; recommendations: Recommendation[] };
export type Result = AssessmentResult | HourValueResult | DailyPlanResult;
export type Submission = { answers: Answers | PlanAnswers; result: Result };

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Share of an item's weight earned by an answer (0–1), or null when it does not count. */
export function itemFraction(item: Item, answer: Answers[string] | undefined): number | null {
	if (answer === undefined || !isScored(item)) return null;
	switch (item.kind) {
		case 'likert': {
			const f = (Number(answer) - 1) / 4;
			return item.reverse ? 1 - f : f;
		}
		case 'yesno':
			return answer === 'yes' ? 1 : answer === 'no' ? 0 : null;
		case 'choice':
			return item.options.find((o) => o.id === answer)?.score ?? null;
		case 'number': {
			let score = 0;
			for (const t of item.thresholds ?? []) if (Number(answer) >= t.min) score = Math.max(score, t.score);
			return score;
		}
		default:
			return null;
	}
}

export function scoreAssessment(form: Extract<FormDefinition, { kind: 'assessment' }>, answers: Answers): AssessmentResult {
	const weakest: (Recommendation & { lost: number; order: number })[] = [];
	let order = 0;
	const sections = form.sections.map((section) => {
		let points = 0;
		let max = 0;
		for (const item of section.items) {
			const f = itemFraction(item, answers[item.id]);
			order++;
			if (f === null) continue;
			points += f * item.weight;
			max += item.weight;
			const lesson = item.lesson ?? section.lesson;
			if (f < 1 && lesson) weakest.push({ item: item.id, lesson, percent: Math.round(f * 100), lost: (1 - f) * item.weight, order });
		}
		return { id: section.id, points: round2(points), max, percent: max ? Math.round((points / max) * 100) : null };
	});
	const points = sections.reduce((s, x) => s + x.points, 0);
	const max = sections.reduce((s, x) => s + x.max, 0);
	const percent = max ? Math.round((points / max) * 100) : 0;
	const recommendations = weakest
		.sort((a, b) => b.lost - a.lost || a.order - b.order)
		.slice(0, form.recommend)
		.map(({ item, lesson, percent }) => ({ item, lesson, percent }));
	return { kind: 'assessment', points: round2(points), max, percent, band: bandFor(form.bands, percent).id, sections, recommendations };
}

export function scoreHourValue(form: Extract<FormDefinition, { kind: 'hour-value' }>, answers: Answers): HourValueResult {
	const [income, weeklyHours, daysPerWeek, idleMinutes] = hourValueFields.map((id) => Number(answers[id]));
	const figures = hourValue(income, weeklyHours, idleMinutes, daysPerWeek);
	const idleItem = form.sections[0].items.find((i) => i.id === 'idle-minutes');
	const lesson = idleItem?.lesson ?? form.sections[0].lesson;
	return {
		kind: 'hour-value',
		income,
		weeklyHours,
		daysPerWeek,
		idleMinutes,
		...figures,
		band: bandFor(form.bands, figures.investedPercent).id,
		recommendations: idleMinutes > 0 && lesson ? [{ item: 'idle-minutes', lesson, percent: Math.round(figures.investedPercent) }] : []
	};
}

export function scorePlan(form: Extract<FormDefinition, { kind: 'daily-plan' }>, plan: PlanAnswers): DailyPlanResult {
	const summary = summarisePlan(form, plan);
	const recommendations: Recommendation[] = summary.missing.map((id) => ({
		item: id,
		lesson: form.plan.elements.find((e) => e.id === id)!.lesson,
		percent: 0
	}));
	if (summary.slackMinutes < form.plan.minSlack) recommendations.unshift({ item: 'slack', lesson: form.plan.slackLesson, percent: null });
	return {
		kind: 'daily-plan',
		date: plan.date,
		blockCount: plan.blocks.length,
		...summary,
		band: bandFor(form.bands, summary.percent).id,
		recommendations: recommendations.slice(0, form.recommend)
	};
}

/** Parse and score in one step: the server stores what this returns; the browser previews it. */
export function evaluate(form: FormDefinition, fields: Record<string, string>) {
	if (form.kind === 'daily-plan') {
		const parsed = parsePlan(form, fields);
		return parsed.ok ? { ok: true as const, submission: { answers: parsed.answers, result: scorePlan(form, parsed.answers) } } : parsed;
	}
	const parsed = parseItems(form, fields);
	if (!parsed.ok) return parsed;
	const result = form.kind === 'assessment' ? scoreAssessment(form, parsed.answers) : scoreHourValue(form, parsed.answers);
	return { ok: true as const, submission: { answers: parsed.answers, result } satisfies Submission };
}

/** The number the history chart follows for a form. */
export function trendValue(result: Result): number {
	return result.kind === 'hour-value' ? result.hourValue : result.percent;
}
