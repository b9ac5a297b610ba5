import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { cohortsFor, createCohort } from '$lib/server/cohorts';
import { plainText, textFields, validate } from '$lib/server/forms';
import { requireRole } from '$lib/server/guard';

export async function load(event) {
	const user = requireRole(event, 'trainer');
	return { cohorts: await cohortsFor(user) };
}

export const actions = {
	create: async (event) => {
		const user = requireRole(event, 'trainer');
		const { name } = textFields(await event.request.formData(), ['name']);
		const parsed = validate(v.object({ name: plainText('field.cohortName', 100) }), { name }, event.locals.locale);
		if (!parsed.ok) return fail(400, { name, error: parsed.errors.name });
		redirect(303, `/trainer/cohorts/${await createCohort(user.id, parsed.data.name)}`);
	}
};
