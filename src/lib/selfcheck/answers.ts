// Turns the text fields of a submitted self-check into typed answers, or a message per field.
// The same code runs in the browser (live preview) and on the server (the one that counts).
// Messages are catalogue keys with their figures, so the page says them in the reader's language.
import * as v from 'valibot';
import type { MessageKey } from '$lib/i18n';
import { hourValueFields, isRequired, type FormDefinition, type Item } from './definition';

export type Answer = number | string;
export type Answers = Record<string, Answer>;
/** What is wrong with a field, to be translated where it is shown. */
export type Message = { key: MessageKey; params?: Record<string, string | number> };
export type Parsed<T> = { ok: true; answers: T } | { ok: false; errors: Record<string, Message> };

// NUL and other control characters have no place in a short answer (tabs and newlines do).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** "80,000", "80 000" and "80000" are the same number; anything else that is not a number is refused. */
export function parseNumber(raw: string): number {
	const cleaned = raw.trim().replace(/(?<=\d)[,\s](?=\d{3}\b)/g, '');
	return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
}

/** Two decimals at most: 45 hours over 4 days is 11.25 hours a day, 10 over 3 is 3.33. */
const round2 = (n: number) => Math.round(n * 100) / 100;

// Each check's message is its catalogue key; the figures it needs are the item's own (`itemParams`).
function itemSchema(item: Item): v.GenericSchema<string, Answer> {
	const choose: MessageKey = 'selfCheck.error.choose';
	switch (item.kind) {
		case 'likert':
			return v.pipe(v.string(), v.picklist(['1', '2', '3', '4', '5'], choose), v.transform(Number));
		case 'yesno':
			return v.picklist(item.na ? ['yes', 'no', 'na'] : ['yes', 'no'], choose);
		case 'choice':
			return v.picklist(
				item.options.map((o) => o.id),
				choose
			);
		case 'number': {
			const range: MessageKey = item.unit ? 'selfCheck.error.rangeUnit' : 'selfCheck.error.range';
			return v.pipe(
				v.string(),
				v.transform(parseNumber),
				v.number('selfCheck.error.notNumber' satisfies MessageKey),
				v.check((n) => !item.integer || Number.isInteger(n), 'selfCheck.error.whole' satisfies MessageKey),
				v.minValue(item.min, range),
				v.maxValue(item.max, range)
			);
		}
		case 'text':
			return v.pipe(
				v.string(),
				v.trim(),
				v.maxLength(item.maxLength, 'selfCheck.error.tooLong' satisfies MessageKey),
				v.check((s) => !CONTROL.test(s), 'selfCheck.error.characters' satisfies MessageKey)
			);
	}
}

/** The figures an item's messages may name. The unit is the definition's word; pages show their own locale's. */
function itemParams(item: Item): Message['params'] {
	if (item.kind === 'number') return { min: item.min, max: item.max, example: item.default ?? item.min, unit: item.unit ?? '' };
	if (item.kind === 'text') return { max: item.maxLength };
	return undefined;
}

function emptyMessage(item: Item): Message {
	if (item.kind === 'number') return { key: 'selfCheck.error.numberEmpty' };
	if (item.kind === 'text') return { key: 'selfCheck.error.textEmpty' };
	return { key: 'selfCheck.error.choose' };
}

/** Answers of an assessment or the hour-value calculator, keyed by item id. */
export function parseItems(form: Extract<FormDefinition, { sections: unknown }>, fields: Record<string, string>): Parsed<Answers> {
	const answers: Answers = {};
	const errors: Record<string, Message> = {};
	const items = form.sections.flatMap((s) => s.items);
	for (const item of items) {
		const raw = (fields[item.id] ?? '').trim();
		if (raw === '') {
			if (isRequired(item)) errors[item.id] = emptyMessage(item);
			else if (item.kind === 'text') answers[item.id] = '';
			continue;
		}
		const result = v.safeParse(itemSchema(item), raw);
		if (result.success) answers[item.id] = result.output;
		else errors[item.id] = { key: result.issues[0].message as MessageKey, params: itemParams(item) };
	}
	// A "why not?" becomes required by the answer it follows.
	for (const item of items) {
		if (item.kind !== 'text' || !item.requiredWhen || errors[item.id] || answers[item.id]) continue;
		const other = answers[item.requiredWhen.item];
		if (typeof other === 'string' && item.requiredWhen.in.includes(other)) errors[item.id] = { key: 'selfCheck.error.why' };
	}
	if (form.kind === 'hour-value') Object.assign(errors, hourValueProblems(answers, errors));
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}

/** What each field alone cannot see: a working day longer than a day, idle time longer than the working day. */
function hourValueProblems(answers: Answers, errors: Record<string, Message>) {
	const [, weeklyKey, daysKey, idleKey] = hourValueFields;
	const problems: Record<string, Message> = {};
	const weekly = answers[weeklyKey];
	const days = answers[daysKey];
	const idle = answers[idleKey];
	if (typeof weekly !== 'number' || typeof days !== 'number' || errors[weeklyKey] || errors[daysKey]) return problems;
	const perDay = weekly / days;
	if (perDay > 16)
		problems[weeklyKey] = { key: 'selfCheck.error.longDay', params: { weekly, days, perDay: round2(perDay) } };
	else if (typeof idle === 'number' && !errors[idleKey] && idle > perDay * 60)
		problems[idleKey] = { key: 'selfCheck.error.idleTooLong', params: { minutes: round2(perDay * 60) } };
	return problems;
}
