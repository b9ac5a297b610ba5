import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
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
		const { userId, role } = textFields(await event.request.formData(), ['userId', 'role']);
		if (!v.is(v.picklist(roles), role)) return fail(400, { userId, message: 'Choose one of the listed roles.' });
		if (userId === admin.id) return fail(400, { userId, message: 'You cannot change your own role.' });
		if (!v.is(v.pipe(v.string(), v.uuid()), userId) || !(await setRole(userId, role)))
			return fail(404, { userId, message: 'That user does not exist.' });
		return { userId, message: 'Role updated.' };
	}
};
