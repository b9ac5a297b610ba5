import { count } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { cohortMember, user, type Role } from '$lib/server/db/schema';
import { createAssignment, createCohort, newJoinLink } from '$lib/server/cohorts';
import { createUser, findUserByEmail } from '$lib/server/users';

// Listed in the README. Created only on the embedded database or by `npm run db:seed`.
export const demoAccounts: { email: string; name: string; password: string; role: Role }[] = [
	{ email: 'admin@rehearse.test', name: 'Ada Admin', password: 'rehearse-admin', role: 'admin' },
	{ email: 'trainer@rehearse.test', name: 'Teresa Trainer', password: 'rehearse-trainer', role: 'trainer' },
	{ email: 'mina@rehearse.test', name: 'Mina Park', password: 'rehearse-trainee', role: 'trainee' },
	{ email: 'wei@rehearse.test', name: 'Li Wei', password: 'rehearse-trainee', role: 'trainee' }
];

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

/** The demo accounts and a cohort run by the demo trainer with both trainees and two lessons due. */
export async function seedDemo() {
	for (const account of demoAccounts) await createUser(account);
	const [trainer, mina, wei] = await Promise.all(
		['trainer@rehearse.test', 'mina@rehearse.test', 'wei@rehearse.test'].map((email) => findUserByEmail(email))
	);
	const cohortId = await createCohort(trainer.id, 'Demo cohort: showroom team');
	await db.insert(cohortMember).values([mina, wei].map((u) => ({ cohortId, userId: u.id })));
	await newJoinLink(cohortId, 30);
	for (const [target, days] of [['handling-complaints', 7], ['time-management', 14]] as const)
		await createAssignment(cohortId, { kind: 'lesson', target, dueAt: inDays(days), trainees: [] });
}

export async function seedDemoIfEmpty() {
	const [{ users }] = await db.select({ users: count() }).from(user);
	if (users === 0) await seedDemo();
}
