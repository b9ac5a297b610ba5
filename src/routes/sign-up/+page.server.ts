import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { translate } from '$lib/i18n';
import { passwordProblem } from '$lib/server/auth/password';
import { startSession } from '$lib/server/auth/session';
import { email, plainText, textFields, validate } from '$lib/server/forms';
import { createUser } from '$lib/server/users';

const SignUp = v.object({ name: plainText('field.name', 100), email, password: v.string() });

export function load({ locals }) {
	if (locals.user) redirect(303, '/');
}

export const actions = {
	default: async (event) => {
		const locale = event.locals.locale;
		const fields = textFields(await event.request.formData(), ['name', 'email', 'password']);
		const values = { name: fields.name, email: fields.email };
		const parsed = validate(SignUp, fields, locale);
		const errors: Record<string, string> = parsed.ok ? {} : parsed.errors;
		const weak = passwordProblem(fields.password, fields.email.trim(), locale);
		if (weak) errors.password = weak;
		if (!parsed.ok || weak) return fail(400, { values, errors });

		// Every new account starts as a trainee; a role field in the post is ignored.
		const user = await createUser({ name: parsed.data.name, email: parsed.data.email, password: fields.password });
		if (!user) {
			errors.email = translate(locale, 'signUp.exists');
			return fail(400, { values, errors });
		}
		await startSession(event, user.id);
		redirect(303, '/');
	}
};
