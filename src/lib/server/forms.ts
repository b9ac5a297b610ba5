import * as v from 'valibot';
import { isLocale, translate, type Locale, type MessageKey } from '$lib/i18n';

/** Text fields of a submitted form; files and missing fields become ''. */
export function textFields<K extends string>(form: FormData, keys: readonly K[]): Record<K, string> {
	return Object.fromEntries(
		keys.map((key) => {
			const value = form.get(key);
			return [key, typeof value === 'string' ? value : ''];
		})
	) as Record<K, string>;
}

// Schemas stay module constants; their messages are catalogue keys resolved in the locale the
// schema is run with (valibot hands `lang` from the parse config to every issue).
const issueLocale = (issue: v.BaseIssue<unknown>): Locale => (isLocale(issue.lang) ? issue.lang : 'en');

/** A valibot message: `key` in the request's locale. Params that are keys themselves are translated too. */
export const message =
	(key: MessageKey, params: Record<string, string | number> = {}, keyParams: Record<string, MessageKey> = {}) =>
	(issue: v.BaseIssue<unknown>) => {
		const locale = issueLocale(issue);
		const named = Object.fromEntries(Object.entries(keyParams).map(([name, k]) => [name, translate(locale, k)]));
		return translate(locale, key, { ...params, ...named });
	};

/** Validates `input` and returns either the typed output or one message per field, in `locale`. */
export function validate<S extends v.GenericSchema>(schema: S, input: unknown, locale: Locale = 'en') {
	// A check without its own message (a picklist, say) still answers in the learner's language.
	const result = v.safeParse(schema, input, { lang: locale, message: message('form.invalid') });
	if (result.success) return { ok: true as const, data: result.output };
	const errors: Record<string, string> = {};
	for (const issue of result.issues) {
		const key = v.getDotPath(issue) ?? 'form';
		errors[key] ??= issue.message;
	}
	return { ok: false as const, errors };
}

// Names, notes and answers: no control characters (NUL and friends), trimmed, bounded.
export const plainText = (label: MessageKey, max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(message('form.required', {}, { label })),
		v.maxLength(max, message('form.tooLong', { max }, { label })),
		v.check((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), message('form.badCharacters', {}, { label }))
	);

export const email = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty(message('form.email.required')),
	v.maxLength(254, message('form.email.tooLong')),
	v.email(message('form.email.invalid'))
);

/** A local path to return to after signing in; anything else (another site, `//host`) becomes '/'. */
export function safeNext(next: string | null) {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
