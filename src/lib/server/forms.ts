import * as v from 'valibot';

/** Text fields of a submitted form; files and missing fields become ''. */
export function textFields<K extends string>(form: FormData, keys: readonly K[]): Record<K, string> {
	return Object.fromEntries(
		keys.map((key) => {
			const value = form.get(key);
			return [key, typeof value === 'string' ? value : ''];
		})
	) as Record<K, string>;
}

/** Validates `input` and returns either the typed output or one message per field. */
export function validate<S extends v.GenericSchema>(schema: S, input: unknown) {
	const result = v.safeParse(schema, input);
	if (result.success) return { ok: true as const, data: result.output };
	const errors: Record<string, string> = {};
	for (const issue of result.issues) {
		const key = v.getDotPath(issue) ?? 'form';
		errors[key] ??= issue.message;
	}
	return { ok: false as const, errors };
}

// Names, notes and answers: no control characters (NUL and friends), trimmed, bounded.
export const plainText = (label: string, max: number) =>
	v.pipe(
		v.string(),
		v.trim(),
		v.nonEmpty(`Please enter your ${label}.`),
		v.maxLength(max, `Your ${label} can be at most ${max} characters.`),
		v.check((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), `Your ${label} contains characters we cannot store.`)
	);

export const email = v.pipe(
	v.string(),
	v.trim(),
	v.nonEmpty('Please enter your e-mail address.'),
	v.maxLength(254, 'That e-mail address is too long.'),
	v.email('Please enter a valid e-mail address, like name@example.com.')
);

/** A local path to return to after signing in; anything else (another site, `//host`) becomes '/'. */
export function safeNext(next: string | null) {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
