import { error, redirect } from '@sveltejs/kit';
import { acceptInvite, usableInvite } from '$lib/server/cohorts';
import { requireUser } from '$lib/server/guard';

const notUsable = 'This invitation link has expired, was already used, or is meant for another e-mail address. Ask your trainer for a new one.';

// Joining changes data, so it happens on POST; opening the link only shows what it is for.
export async function load(event) {
	const user = requireUser(event);
	const invite = await usableInvite(event.params.code, user.email);
	if (!invite) error(404, notUsable);
	return { cohortName: invite.cohortName };
}

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		if (!(await acceptInvite(event.params.code, user))) error(404, notUsable);
		redirect(303, '/?joined=1');
	}
};
