import type { Role } from '$lib/roles';

export type NavItem = { href: string; label: string };

const everyone: NavItem[] = [
	{ href: '/', label: 'Home' },
	{ href: '/lessons', label: 'Lessons' },
	{ href: '/simulations', label: 'Role-plays' }
];

/** The navigation a role sees; the server checks access again on every page. */
export function navFor(role: Role | undefined): NavItem[] {
	if (!role) return [];
	return [
		...everyone,
		...(role === 'trainer' || role === 'admin' ? [{ href: '/trainer', label: 'Trainer' }] : []),
		...(role === 'admin' ? [{ href: '/admin/users', label: 'Admin' }] : [])
	];
}
