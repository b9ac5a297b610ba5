import { error, fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { cohortFor, cohortsFor, memberships, membersOf } from '$lib/server/cohorts';
import { translate } from '$lib/i18n';
import { textFields } from '$lib/server/forms';
import { requireUser } from '$lib/server/guard';
import { complaintScenarios, createTrio } from '$lib/server/trios';

/** Cohorts the viewer may start a trio in: the ones they run, or the ones they belong to. */
async function startable(user: { id: string; role: string }) {
	return user.role === 'trainee' ? memberships(user.id) : (await cohortsFor(user)).filter((c) => !c.archivedAt);
}

export async function load(event) {
	const user = requireUser(event);
	const cohorts = await startable(user);
	const chosen = cohorts.find((c) => c.id === event.url.searchParams.get('cohort')) ?? cohorts[0];
	return {
		cohorts: cohorts.map((c) => ({ id: c.id, name: c.name })),
		cohort: chosen ? { id: chosen.id, name: chosen.name } : null,
		members: chosen ? (await membersOf(chosen.id)).map((m) => ({ id: m.id, name: m.name })) : [],
		scenarios: complaintScenarios(event.locals.locale),
		me: user.role === 'trainee' ? user.id : null
	};
}

const Minutes = v.pipe(v.string(), v.toNumber(), v.integer(), v.minValue(15), v.maxValue(180));

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		const form = await event.request.formData();
		const { cohort: cohortId, minutes } = textFields(form, ['cohort', 'minutes']);
		const trainees = form.getAll('trainees').filter((t): t is string => typeof t === 'string');
		const scenarios = [1, 2, 3].map((r) => textFields(form, [`round${r}`])[`round${r}`]);

		const allowed = (await startable(user)).some((c) => c.id === cohortId);
		if (!allowed || (user.role !== 'trainee' && !(await cohortFor(user, cohortId)))) error(404, 'Not found');
		// A trainee starts a trio they play in.
		if (user.role === 'trainee' && !trainees.includes(user.id)) trainees.unshift(user.id);
		if (!v.is(Minutes, minutes)) return fail(400, { message: translate(event.locals.locale, 'trio.error.minutes') });

		const created = await createTrio({ cohortId, createdBy: user.id, trainees, totalMinutes: v.parse(Minutes, minutes), scenarios });
		if (!created.ok) return fail(400, { message: translate(event.locals.locale, created.message) });
		redirect(303, `/trios/${created.id}`);
	}
};
