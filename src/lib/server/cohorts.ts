import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import * as v from 'valibot';
import { db, prepared } from '$lib/server/db';
import {
	assignment,
	assignmentTrainee,
	attemptOverride,
	cohort,
	cohortInvite,
	cohortMember,
	cohortTrainer,
	user
} from '$lib/server/db/schema';

type Viewer = { id: string; role: string };

const isUuid = (id: string) => v.is(v.pipe(v.string(), v.uuid()), id);

/** The cohort when `viewer` may run it (a trainer of it, or an admin); null exactly as if it did not exist. */
export async function cohortFor(viewer: Viewer, cohortId: string) {
	if (!isUuid(cohortId)) return null;
	const [row] = await db
		.select({ id: cohort.id, name: cohort.name, archivedAt: cohort.archivedAt, createdAt: cohort.createdAt })
		.from(cohort)
		.where(
			and(
				eq(cohort.id, cohortId),
				viewer.role === 'admin'
					? undefined
					: sql`exists (select 1 from ${cohortTrainer} where ${cohortTrainer.cohortId} = ${cohort.id} and ${cohortTrainer.userId} = ${viewer.id})`
			)
		);
	return row ?? null;
}

export async function cohortsFor(viewer: Viewer) {
	const members = db
		.select({ cohortId: cohortMember.cohortId, n: sql<number>`count(*)::int`.as('n') })
		.from(cohortMember)
		.groupBy(cohortMember.cohortId)
		.as('members');
	const work = db
		.select({ cohortId: assignment.cohortId, n: sql<number>`count(*)::int`.as('w') })
		.from(assignment)
		.groupBy(assignment.cohortId)
		.as('work');
	return db
		.select({
			id: cohort.id,
			name: cohort.name,
			archivedAt: cohort.archivedAt,
			members: sql<number>`coalesce(${members.n}, 0)`,
			assignments: sql<number>`coalesce(${work.n}, 0)`
		})
		.from(cohort)
		.leftJoin(members, eq(members.cohortId, cohort.id))
		.leftJoin(work, eq(work.cohortId, cohort.id))
		.where(
			viewer.role === 'admin'
				? undefined
				: sql`exists (select 1 from ${cohortTrainer} where ${cohortTrainer.cohortId} = ${cohort.id} and ${cohortTrainer.userId} = ${viewer.id})`
		)
		.orderBy(asc(cohort.name));
}

export async function createCohort(trainerId: string, name: string) {
	return db.transaction(async (tx) => {
		const [created] = await tx.insert(cohort).values({ name }).returning({ id: cohort.id });
		await tx.insert(cohortTrainer).values({ cohortId: created.id, userId: trainerId });
		return created.id;
	});
}

export async function renameCohort(cohortId: string, name: string) {
	await db.update(cohort).set({ name }).where(eq(cohort.id, cohortId));
}

export async function setArchived(cohortId: string, archived: boolean) {
	await db
		.update(cohort)
		.set({ archivedAt: archived ? sql`now()` : null })
		.where(eq(cohort.id, cohortId));
}

export const trainersOf = (cohortId: string) =>
	db
		.select({ id: user.id, name: user.name, email: user.email })
		.from(cohortTrainer)
		.innerJoin(user, eq(user.id, cohortTrainer.userId))
		.where(eq(cohortTrainer.cohortId, cohortId))
		.orderBy(asc(user.name));

/** Adds a co-trainer by e-mail; only trainers and admins can be one. */
export async function addCoTrainer(cohortId: string, email: string) {
	const [found] = await db
		.select({ id: user.id, role: user.role })
		.from(user)
		.where(sql`lower(${user.email}) = lower(${email})`);
	if (!found || found.role === 'trainee') return false;
	await db.insert(cohortTrainer).values({ cohortId, userId: found.id }).onConflictDoNothing();
	return true;
}

export const membersOf = (cohortId: string) =>
	db
		.select({ id: user.id, name: user.name, email: user.email, joinedAt: cohortMember.joinedAt })
		.from(cohortMember)
		.innerJoin(user, eq(user.id, cohortMember.userId))
		.where(eq(cohortMember.cohortId, cohortId))
		.orderBy(asc(user.name));

export async function removeMember(cohortId: string, userId: string) {
	if (!isUuid(userId)) return false;
	const removed = await db
		.delete(cohortMember)
		.where(and(eq(cohortMember.cohortId, cohortId), eq(cohortMember.userId, userId)))
		.returning();
	return removed.length > 0;
}

// Invitations -------------------------------------------------------------------------------------

const DAY = 86_400_000;
const newCode = () => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));

/** A join link anyone holding it can use until it expires; replaces the cohort's previous one. */
export async function newJoinLink(cohortId: string, days: number) {
	return db.transaction(async (tx) => {
		await tx.delete(cohortInvite).where(and(eq(cohortInvite.cohortId, cohortId), isNull(cohortInvite.email)));
		const [row] = await tx
			.insert(cohortInvite)
			.values({ cohortId, code: newCode(), expiresAt: new Date(Date.now() + days * DAY) })
			.returning();
		return row;
	});
}

/** One personal invitation per address; inviting an address again renews its link. */
export async function inviteEmails(cohortId: string, emails: string[], days: number) {
	const expiresAt = new Date(Date.now() + days * DAY);
	await db.transaction(async (tx) => {
		for (const email of emails) {
			await tx
				.delete(cohortInvite)
				.where(and(eq(cohortInvite.cohortId, cohortId), sql`lower(${cohortInvite.email}) = lower(${email})`, isNull(cohortInvite.acceptedAt)));
			await tx.insert(cohortInvite).values({ cohortId, email, code: newCode(), expiresAt });
		}
	});
}

export const invitesOf = (cohortId: string) =>
	db
		.select()
		.from(cohortInvite)
		.where(and(eq(cohortInvite.cohortId, cohortId), isNull(cohortInvite.acceptedAt)))
		.orderBy(asc(cohortInvite.email));

export async function revokeInvite(cohortId: string, inviteId: string) {
	if (!isUuid(inviteId)) return false;
	const gone = await db
		.delete(cohortInvite)
		.where(and(eq(cohortInvite.cohortId, cohortId), eq(cohortInvite.id, inviteId)))
		.returning();
	return gone.length > 0;
}

/** The invitation behind a code, if it can still be used by `email`. */
export async function usableInvite(code: string, email: string) {
	if (!/^[a-z2-7]{16}$/.test(code)) return null;
	const [row] = await db
		.select({ id: cohortInvite.id, cohortId: cohortInvite.cohortId, email: cohortInvite.email, cohortName: cohort.name })
		.from(cohortInvite)
		.innerJoin(cohort, eq(cohort.id, cohortInvite.cohortId))
		.where(
			and(
				eq(cohortInvite.code, code),
				gt(cohortInvite.expiresAt, sql`now()`),
				isNull(cohortInvite.acceptedAt),
				isNull(cohort.archivedAt),
				or(isNull(cohortInvite.email), sql`lower(${cohortInvite.email}) = lower(${email})`)
			)
		);
	return row ?? null;
}

export async function acceptInvite(code: string, viewer: { id: string; email: string }) {
	const invite = await usableInvite(code, viewer.email);
	if (!invite) return null;
	await db.transaction(async (tx) => {
		await tx.insert(cohortMember).values({ cohortId: invite.cohortId, userId: viewer.id }).onConflictDoNothing();
		if (invite.email) await tx.update(cohortInvite).set({ acceptedAt: sql`now()` }).where(eq(cohortInvite.id, invite.id));
	});
	return invite;
}

// Assignments -------------------------------------------------------------------------------------

export type NewAssignment = Omit<typeof assignment.$inferInsert, 'id' | 'createdAt' | 'cohortId'> & { trainees: string[] };

/** The new assignment's id; null when trainees were chosen but none of them is in the cohort. */
export async function createAssignment(cohortId: string, input: NewAssignment) {
	const { trainees, ...fields } = input;
	return db.transaction(async (tx) => {
		// Only members of this cohort can be chosen, whatever ids the form carried.
		const chosen = trainees.length
			? await tx
					.select({ userId: cohortMember.userId })
					.from(cohortMember)
					.where(and(eq(cohortMember.cohortId, cohortId), inArray(cohortMember.userId, trainees.filter(isUuid))))
			: [];
		if (trainees.length && chosen.length === 0) return null;
		const [created] = await tx.insert(assignment).values({ ...fields, cohortId }).returning({ id: assignment.id });
		if (chosen.length)
			await tx.insert(assignmentTrainee).values(chosen.map((m) => ({ assignmentId: created.id, userId: m.userId })));
		return created.id;
	});
}

export async function deleteAssignment(cohortId: string, assignmentId: string) {
	if (!isUuid(assignmentId)) return false;
	const gone = await db
		.delete(assignment)
		.where(and(eq(assignment.cohortId, cohortId), eq(assignment.id, assignmentId)))
		.returning();
	return gone.length > 0;
}

export async function setAttemptOverride(cohortId: string, assignmentId: string, userId: string, attemptsAllowed: number | null) {
	if (!isUuid(assignmentId) || !isUuid(userId)) return false;
	const [owned] = await db
		.select({ id: assignment.id })
		.from(assignment)
		.innerJoin(cohortMember, and(eq(cohortMember.cohortId, assignment.cohortId), eq(cohortMember.userId, userId)))
		.where(and(eq(assignment.id, assignmentId), eq(assignment.cohortId, cohortId)));
	if (!owned) return false;
	if (attemptsAllowed === null)
		await db.delete(attemptOverride).where(and(eq(attemptOverride.assignmentId, assignmentId), eq(attemptOverride.userId, userId)));
	else
		await db
			.insert(attemptOverride)
			.values({ assignmentId, userId, attemptsAllowed })
			.onConflictDoUpdate({ target: [attemptOverride.assignmentId, attemptOverride.userId], set: { attemptsAllowed } });
	return true;
}

export const assignmentsOf = (cohortIds: string[]) =>
	cohortIds.length
		? db.select().from(assignment).where(inArray(assignment.cohortId, cohortIds)).orderBy(asc(assignment.dueAt), asc(assignment.createdAt))
		: Promise.resolve([]);

/** For each assignment given to chosen trainees, who they are; assignments for everyone are absent. */
export async function audienceOf(assignmentIds: string[]) {
	const rows = assignmentIds.length
		? await db.select().from(assignmentTrainee).where(inArray(assignmentTrainee.assignmentId, assignmentIds))
		: [];
	const audience = new Map<string, Set<string>>();
	for (const row of rows) {
		if (!audience.has(row.assignmentId)) audience.set(row.assignmentId, new Set());
		audience.get(row.assignmentId)!.add(row.userId);
	}
	return audience;
}

export async function overridesOf(assignmentIds: string[]) {
	const rows = assignmentIds.length
		? await db.select().from(attemptOverride).where(inArray(attemptOverride.assignmentId, assignmentIds))
		: [];
	return new Map(rows.map((r) => [`${r.assignmentId}:${r.userId}`, r.attemptsAllowed]));
}

const membershipsQuery = prepared('memberships', (db) =>
	db
		.select({ id: cohort.id, name: cohort.name })
		.from(cohortMember)
		.innerJoin(cohort, eq(cohort.id, cohortMember.cohortId))
		.where(and(eq(cohortMember.userId, sql.placeholder('userId')), isNull(cohort.archivedAt)))
		.orderBy(asc(cohort.name))
);

/** Active cohorts the trainee belongs to (the home page asks on every visit). */
export const memberships = (userId: string) => membershipsQuery().execute({ userId });
