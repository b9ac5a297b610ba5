import { error, type RequestEvent } from '@sveltejs/kit';
import { cohortFor } from '$lib/server/cohorts';
import { requireRole } from '$lib/server/guard';

/** The trainer and the cohort they run; anyone else's cohort answers 404, like a missing one. */
export async function cohortAccess(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>) {
	const user = requireRole(event, 'trainer');
	const cohort = await cohortFor(user, (event.params as { id: string }).id);
	if (!cohort) error(404, 'Not found');
	return { user, cohort };
}
