import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { translate } from '$lib/i18n';
import { roles } from '$lib/server/db/schema';
import { textFields } from '$lib/server/forms';
import { requireRole } from '$lib/server/guard';
import { listUsers, setRole } from '$lib/server/users';

export async function load(event) {
	requireRole(event, 'admin');
	return { users: await listUsers() };
}

export const actions = {
	role: async (event) => {
		const admin = requireRole(event, 'admin');
		const locale = event.locals.locale;
		const { userId, role } = textFields(await event.request.formData(), ['userId', 'role']);
		if (!v.is(v.picklist(roles), role)) return fail(400, { userId, message: translate(locale, 'admin.badRole') });
		if (userId === admin.id) return fail(400, { userId, message: translate(locale, 'admin.self') });
		if (!v.is(v.pipe(v.string(), v.uuid()), userId) || !(await setRole(userId, role)))
			return fail(404, { userId, message: translate(locale, 'admin.noUser') });
		return { userId, updated: true, message: translate(locale, 'admin.updated') };
	}
};
