import { requireUser } from '$lib/server/guard';
import { catalogue } from '$lib/server/simulations';

export async function load(event) {
	const user = requireUser(event);
	return { scenarios: await catalogue(user.id, event.locals.locale) };
}
