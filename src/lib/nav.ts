import type { MessageKey } from '$lib/i18n';
import type { Role } from '$lib/roles';

export type NavItem = { href: string; label: MessageKey };

/** The navigation a role sees; the server checks access again on every page. */
export function navFor(role: Role | undefined): NavItem[] {
	if (!role) return [];
	return [
		{ href: '/', label: 'nav.home' },
		{ href: '/lessons', label: 'nav.lessons' },
		{ href: '/self-checks', label: 'nav.selfChecks' },
		...(role === 'trainer' || role === 'admin' ? [{ href: '/trainer', label: 'nav.trainer' } as const] : []),
		...(role === 'admin' ? [{ href: '/admin/users', label: 'nav.admin' } as const] : [])
	];
}
