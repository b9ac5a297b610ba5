import { count } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { user, type Role } from '$lib/server/db/schema';
import { createUser } from '$lib/server/users';

// Listed in the README. Created only on the embedded database or by `npm run db:seed`.
export const demoAccounts: { email: string; name: string; password: string; role: Role }[] = [
	{ email: 'admin@rehearse.test', name: 'Ada Admin', password: 'rehearse-admin', role: 'admin' },
	{ email: 'trainer@rehearse.test', name: 'Teresa Trainer', password: 'rehearse-trainer', role: 'trainer' },
	{ email: 'mina@rehearse.test', name: 'Mina Park', password: 'rehearse-trainee', role: 'trainee' },
	{ email: 'wei@rehearse.test', name: 'Li Wei', password: 'rehearse-trainee', role: 'trainee' }
];

export async function seedDemo() {
	for (const account of demoAccounts) await createUser(account);
}

export async function seedDemoIfEmpty() {
	const [{ users }] = await db.select({ users: count() }).from(user);
	if (users === 0) await seedDemo();
}
