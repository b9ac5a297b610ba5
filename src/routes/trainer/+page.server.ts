import { requireRole } from '$lib/server/guard';
import { listUsers } from '$lib/server/users';

export async function load(event) {
	requireRole(event, 'trainer');
	const users = await listUsers();
	return { trainees: users.filter((u) => u.role === 'trainee') };
}
