// Turns the text fields of a submitted self-check into typed answers, or a message per field.
// The same code runs in the browser (live preview) and on the server (the one that counts).
import * as v from 'valibot';
import { hourValueFields, isRequired, type FormDefinition, type Item } from './definition';

export type Answer = number | string;
export type Answers = Record<string, Answer>;
export type Parsed<T> = { ok: true; answers: T } | { ok: false; errors: Record<string, string> };

// NUL and other control characters have no place in a short answer (tabs and newlines do).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** "80,000", "80 000" and "80000" are the same number; anything else that is not a number is refused. */
export function parseNumber(raw: string): number {
	const cleaned = raw.trim().replace(/(?<=\d)[,\s](?=\d{3}\b)/g, '');
	return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : NaN;
}

const format = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

function itemSchema(item: Item): v.GenericSchema<string, Answer> {
	switch (item.kind) {
		case 'likert':
			return v.pipe(
				v.string(),
				v.picklist(['1', '2', '3', '4', '5'], 'Please choose one answer.'),
				v.transform(Number)
			);
		case 'yesno':
			return v.picklist(item.na ? ['yes', 'no', 'na'] : ['yes', 'no'], 'Please choose one answer.');
		case 'choice':
			return v.picklist(
				item.options.map((o) => o.id),
				'Please choose one answer.'
			);
		case 'number': {
			const unit = item.unit ? ` ${item.unit}` : '';
			const range = `Enter a number from ${format(item.min)} to ${format(item.max)}${unit}.`;
			return v.pipe(
				v.string(),
				v.transform(parseNumber),
				v.number(`Please enter a number, like ${format(item.default ?? item.min)}.`),
				v.check((n) => !item.integer || Number.isInteger(n), 'Please enter a whole number.'),
				v.minValue(item.min, range),
				v.maxValue(item.max, range)
			);
		}
		case 'text':
			return v.pipe(
				v.string(),
				v.trim(),
				v.maxLength(item.maxLength, `Please keep this to ${item.maxLength} characters or fewer.`),
				v.check((s) => !CONTROL.test(s), 'This contains characters we cannot store.')
			);
	}
}

function emptyMessage(item: Item) {
	if (item.kind === 'number') return 'Please enter a number.';
	if (item.kind === 'text') return 'Please write a short answer.';
	return 'Please choose one answer.';
}

/** Answers of an assessment or the hour-value calculator, keyed by item id. */
export function parseItems(form: Extract<FormDefinition, { sections: unknown }>, fields: Record<string, string>): Parsed<Answers> {
	const answers: Answers = {};
	const errors: Record<string, string> = {};
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
		else errors[item.id] = result.issues[0].message;
	}
	// A "why not?" becomes required by the answer it follows.
	for (const item of items) {
		if (item.kind !== 'text' || !item.requiredWhen || errors[item.id] || answers[item.id]) continue;
		const other = answers[item.requiredWhen.item];
		if (typeof other === 'string' && item.requiredWhen.in.includes(other)) errors[item.id] = 'Please say why, in a sentence or two.';
	}
	if (form.kind === 'hour-value') Object.assign(errors, hourValueProblems(answers, errors));
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, answers };
}

/** What each field alone cannot see: a working day longer than a day, idle time longer than the working day. */
function hourValueProblems(answers: Answers, errors: Record<string, string>) {
	const [, weeklyKey, daysKey, idleKey] = hourValueFields;
	const problems: Record<string, string> = {};
	const weekly = answers[weeklyKey];
	const days = answers[daysKey];
	const idle = answers[idleKey];
	if (typeof weekly !== 'number' || typeof days !== 'number' || errors[weeklyKey] || errors[daysKey]) return problems;
	const perDay = weekly / days;
	if (perDay > 16)
		problems[weeklyKey] = `${format(weekly)} hours over ${format(days)} days is ${format(perDay)} hours a day. Check the hours or the days.`;
	else if (typeof idle === 'number' && !errors[idleKey] && idle > perDay * 60)
		problems[idleKey] = `Your working day is ${format(perDay * 60)} minutes; idle time cannot be longer than that.`;
	return problems;
}
