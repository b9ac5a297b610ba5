import { error, json } from '@sveltejs/kit';
import { requireUser } from '$lib/server/guard';
import { trioVersion } from '$lib/server/trios';

/** What each device polls to stay in step: a version that changes whenever the page would. */
export async function GET(event) {
	const user = requireUser(event);
	const version = await trioVersion(user, event.params.id);
	if (!version) error(404, 'Not found');
	return json({ version }, { headers: { 'cache-control': 'no-store' } });
}
