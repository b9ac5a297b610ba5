import { fail } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { passwordProblem } from '$lib/server/auth/password';
import { startSession } from '$lib/server/auth/session';
import { textFields } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import { changePassword } from '$lib/server/users';

export function load(event) {
	const user = requireUser(event);
	return { account: { name: user.name, email: user.email, role: user.role } };
}

export const actions = {
	password: async (event) => {
		const user = requireUser(event);
		const { current, next } = textFields(await event.request.formData(), ['current', 'next']);
		const errors: Record<string, string> = {};
		const weak = passwordProblem(next, user.email, event.locals.locale);
		if (weak) errors.next = weak;
		else if (!(await changePassword(user.id, current.slice(0, 1024), next)))
			errors.current = translate(event.locals.locale, 'account.password.wrong');
		if (weak || errors.current) return fail(400, { errors });
		// Every session, this one included, ended with the change; this browser gets a new one.
		event.locals.session = null;
		await startSession(event, user.id);
		return { changed: true };
	}
};
