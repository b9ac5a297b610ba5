// Words for results: stored results keep ids only, so a later translation or a reworded prompt
// shows in the learner's history without rewriting old rows.
import { lessonHref, scales, type Band, type FormDefinition, type Item } from './definition';
import type { Recommendation } from './score';

export const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const whole = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });

export const bandById = (form: FormDefinition, id: string): Band | undefined => form.bands.find((b) => b.id === id);

/** Position of a band from 1 (lowest) to n: shown as text, so the level never depends on colour. */
export const bandLevel = (form: FormDefinition, id: string) => ({
	level: form.bands.findIndex((b) => b.id === id) + 1,
	of: form.bands.length
});

/** What the history chart's axis measures. */
export const trendLabel = (form: FormDefinition) =>
	form.kind === 'hour-value' ? 'Value of an hour' : form.kind === 'daily-plan' ? 'Elements covered (%)' : 'Score (%)';

export const formatTrend = (form: FormDefinition, value: number) =>
	form.kind === 'hour-value' ? money(value) : `${whole(value)}%`;

export function sectionTitle(form: FormDefinition, id: string) {
	return form.kind === 'daily-plan' ? id : (form.sections.find((s) => s.id === id)?.title ?? id);
}

export function elementLabel(form: FormDefinition, id: string) {
	if (form.kind !== 'daily-plan') return id;
	if (id === 'slack' || id === 'other') return form.plan.tags[id];
	return form.plan.elements.find((e) => e.id === id)?.label ?? id;
}

/** A recommendation in words: what was weak, what to do, and the lesson section that helps. */
export function describeRecommendation(form: FormDefinition, rec: Recommendation) {
	const href = lessonHref(rec.lesson);
	if (form.kind === 'daily-plan') {
		if (rec.item === 'slack')
			return { title: 'Leave more slack', advice: `Keep at least ${form.plan.minSlack} minutes of your working day open for the unexpected.`, href };
		const element = form.plan.elements.find((e) => e.id === rec.item);
		return { title: `Add: ${element?.label ?? rec.item}`, advice: element?.hint ?? '', href };
	}
	const item = form.sections.flatMap((s) => s.items).find((i) => i.id === rec.item);
	return { title: item?.prompt ?? rec.item, advice: item?.advice ?? '', href };
}

// Server and browser must print the same text (hydration), so dates are shown in UTC and say so.
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
export const formatDateTime = (d: Date | string) => `${dateTime.format(new Date(d))} UTC`;
export const formatDate = (d: Date | string) => dateOnly.format(new Date(d));
const timeOnly = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'UTC' });
export const formatTime = (d: Date | string) => `${timeOnly.format(new Date(d))} UTC`;

/** An answer as the learner chose it, in words. */
export function answerText(form: FormDefinition, item: Item, answer: string | number | undefined): string {
	if (answer === undefined || answer === '') return '(no answer)';
	switch (item.kind) {
		case 'likert':
			return scales[item.scale ?? (form.kind === 'daily-plan' ? 'frequency' : form.scale)][Number(answer) - 1] ?? String(answer);
		case 'yesno':
			return answer === 'yes' ? 'Yes' : answer === 'no' ? 'No' : 'Not applicable';
		case 'choice':
			return item.options.find((o) => o.id === answer)?.label ?? String(answer);
		case 'number':
			return `${Number(answer).toLocaleString('en-US', { maximumFractionDigits: 2 })}${item.unit ? ` ${item.unit}` : ''}`;
		default:
			return String(answer);
	}
}
