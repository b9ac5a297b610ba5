import { error, redirect } from '@sveltejs/kit';
import { translate, type Locale } from '$lib/i18n';
import { acceptInvite, usableInvite } from '$lib/server/cohorts';
import { requireUser } from '$lib/server/guard';

// Answers like a missing page, but says why, in the learner's language.
function notUsable(locale: Locale): never {
	error(404, { message: translate(locale, 'error.notFound'), detail: translate(locale, 'join.notUsable') });
}

// Joining changes data, so it happens on POST; opening the link only shows what it is for.
export async function load(event) {
	const user = requireUser(event);
	const invite = await usableInvite(event.params.code, user.email);
	if (!invite) notUsable(event.locals.locale);
	return { cohortName: invite.cohortName };
}

export const actions = {
	default: async (event) => {
		const user = requireUser(event);
		if (!(await acceptInvite(event.params.code, user))) notUsable(event.locals.locale);
		redirect(303, '/?joined=1');
	}
};
