import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { passwordProblem } from '$lib/server/auth/password';
import { startSession } from '$lib/server/auth/session';
import { email, plainText, textFields, validate } from '$lib/server/forms';
import { createUser } from '$lib/server/users';

const SignUp = v.object({ name: plainText('name', 100), email, password: v.string() });

export function load({ locals }) {
	if (locals.user) redirect(303, '/');
}

export const actions = {
	default: async (event) => {
		const fields = textFields(await event.request.formData(), ['name', 'email', 'password']);
		const values = { name: fields.name, email: fields.email };
		const parsed = validate(SignUp, fields);
		const errors: Record<string, string> = parsed.ok ? {} : parsed.errors;
		const weak = passwordProblem(fields.password, fields.email.trim());
		if (weak) errors.password = weak;
		if (!parsed.ok || weak) return fail(400, { values, errors });

		// Every new account starts as a trainee; a role field in the post is ignored.
		const user = await createUser({ name: parsed.data.name, email: parsed.data.email, password: fields.password });
		if (!user) {
			errors.email = 'An account with this e-mail address already exists. Sign in instead.';
			return fail(400, { values, errors });
		}
		await startSession(event, user.id);
		redirect(303, '/');
	}
};
