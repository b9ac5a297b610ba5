import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Role } from '$lib/server/db/schema';

/** The signed-in user, or a redirect to sign-in that comes back here afterwards. */
export function requireUser(event: Pick<RequestEvent, 'locals' | 'url'>) {
	const user = event.locals.user;
	if (!user) redirect(303, `/sign-in?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return user;
}

/** The signed-in user if their role is one of `roles`; 403 otherwise. Admins may do everything. */
export function requireRole(event: Pick<RequestEvent, 'locals' | 'url'>, ...roles: Role[]) {
	const user = requireUser(event);
	if (user.role !== 'admin' && !roles.includes(user.role)) error(403, 'You do not have access to this page.');
	return user;
}
