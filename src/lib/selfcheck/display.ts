// Words for results: stored results keep ids only, so a later translation or a reworded prompt
// shows in the learner's history without rewriting old rows. The words come from the form as the
// reader's locale has it and from the interface catalogue; the same functions run on the server
// and in the browser, so both print the same text.
import { formatDate as formatDateIn, formatNumber, formatPercent, type Locale, type MessageKey, type Translate } from '$lib/i18n';
import type { Message } from './answers';
import { lessonHref, scales, type Band, type FormDefinition, type Item } from './definition';
import type { Recommendation } from './score';

/** The hour-value figures: in whatever currency the learner earns, so plain numbers to the cent. */
export const MONEY: Intl.NumberFormatOptions = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
export const WHOLE: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
export const money = (locale: Locale, n: number) => formatNumber(locale, n, MONEY);
export const whole = (locale: Locale, n: number) => formatNumber(locale, n, WHOLE);

export const bandById = (form: FormDefinition, id: string): Band | undefined => form.bands.find((b) => b.id === id);

/** Position of a band from 1 (lowest) to n: shown as text, so the level never depends on colour. */
export const bandLevel = (form: FormDefinition, id: string) => ({
	level: form.bands.findIndex((b) => b.id === id) + 1,
	of: form.bands.length
});

/** What the history chart's axis measures, with and without its unit. */
export const trendLabel = (form: FormDefinition): MessageKey =>
	form.kind === 'hour-value' ? 'selfCheck.trend.hourValue' : form.kind === 'daily-plan' ? 'selfCheck.trend.elements' : 'selfCheck.trend.score';
export const trendName = (form: FormDefinition): MessageKey =>
	form.kind === 'hour-value' ? 'selfCheck.trend.hourValue' : form.kind === 'daily-plan' ? 'selfCheck.trend.elementsName' : 'selfCheck.trend.scoreName';

export const formatTrend = (locale: Locale, form: Pick<FormDefinition, 'kind'>, value: number) =>
	form.kind === 'hour-value' ? money(locale, value) : formatPercent(locale, value);

export function elementLabel(form: FormDefinition, id: string) {
	if (form.kind !== 'daily-plan') return id;
	if (id === 'slack' || id === 'other') return form.plan.tags[id];
	return form.plan.elements.find((e) => e.id === id)?.label ?? id;
}

/** A recommendation in words: what was weak, what to do, and the lesson section that helps. */
export function describeRecommendation(form: FormDefinition, rec: Recommendation, translate: Translate) {
	const href = lessonHref(rec.lesson);
	if (form.kind === 'daily-plan') {
		if (rec.item === 'slack')
			return {
				title: translate('selfCheck.rec.slack'),
				advice: translate('selfCheck.rec.slackAdvice', { minutes: form.plan.minSlack }),
				href
			};
		const element = form.plan.elements.find((e) => e.id === rec.item);
		return { title: translate('selfCheck.rec.add', { element: element?.label ?? rec.item }), advice: element?.hint ?? '', href };
	}
	const item = form.sections.flatMap((s) => s.items).find((i) => i.id === rec.item);
	return { title: item?.prompt ?? rec.item, advice: item?.advice ?? '', href };
}

// Server and browser must print the same text (hydration), so times are shown in UTC, on a
// 24-hour clock, and say so.
const DATE_TIME: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' };
export const formatDateTime = (locale: Locale, d: Date | string) => formatDateIn(locale, new Date(d), DATE_TIME);
export const formatDate = (locale: Locale, d: Date | string) => formatDateIn(locale, new Date(d));
export const formatTime = (locale: Locale, d: Date | string) => formatDateIn(locale, new Date(d), TIME);
/** A date for a table cell or a chart axis: Chinese and Korean tables write it in figures (2026/5/14), which a phone column fits. */
export const formatDay = (locale: Locale, d: Date | string) =>
	formatDateIn(locale, new Date(d), locale === 'en' ? { dateStyle: 'medium' } : { year: 'numeric', month: 'numeric', day: 'numeric' });

// `translate` is the page's `t` in a browser, which has that page's catalogue only.

/** An answer as the learner chose it, in words. */
export function answerText(locale: Locale, translate: Translate, form: FormDefinition, item: Item, answer: string | number | undefined): string {
	if (answer === undefined || answer === '') return translate('selfCheck.noAnswer');
	switch (item.kind) {
		case 'likert': {
			const key = scales[item.scale ?? (form.kind === 'daily-plan' ? 'frequency' : form.scale)][Number(answer) - 1];
			return key ? translate(key) : String(answer);
		}
		case 'yesno':
			return translate(answer === 'yes' ? 'common.yes' : answer === 'no' ? 'common.no' : 'selfCheck.na');
		case 'choice':
			return item.options.find((o) => o.id === answer)?.label ?? String(answer);
		case 'number': {
			const value = formatNumber(locale, Number(answer), { maximumFractionDigits: 2 });
			return item.unit ? translate('selfCheck.withUnit', { value, unit: item.unit }) : value;
		}
		default:
			return String(answer);
	}
}

/**
 * A field's message in the reader's words. Messages come from checking the English definition;
 * the unit a range names is taken from the form the reader sees (same ids), so "hours" reads "小时".
 */
export function messageText(translate: Translate, form: FormDefinition, field: string, message: Message) {
	const params = { ...message.params };
	if ('unit' in params && form.kind !== 'daily-plan') {
		const item = form.sections.flatMap((s) => s.items).find((i) => i.id === field);
		if (item?.kind === 'number' && item.unit) params.unit = item.unit;
	}
	return translate(message.key, params);
}
