// What trainees have done towards assignments, for many trainees and assignments in a fixed
// number of queries (one per kind of work), never one per trainee or per cell.
import { and, inArray, sql } from 'drizzle-orm';
import { countedScore, statusOf, type Status, type Work } from '$lib/assignments';
import { db } from '$lib/server/db';
import { attemptOverride, checkAttempt, lessonProgress, selfCheckSubmission, simulationAttempt, type Assignment } from '$lib/server/db/schema';
import { selfCheckBySlug } from '$lib/server/content';

export type Cell = Work & { status: Status };
export const cellKey = (assignmentId: string, userId: string) => `${assignmentId}:${userId}`;

/** Lessons: started once opened, done once completed; the score is the best knowledge-check result. */
async function lessonWork(userIds: string[], lessons: string[]) {
	const work = new Map<string, Work>();
	if (!userIds.length || !lessons.length) return work;
	const [progress, scores] = await Promise.all([
		db
			.select({ userId: lessonProgress.userId, lesson: lessonProgress.lesson, completedAt: lessonProgress.completedAt })
			.from(lessonProgress)
			.where(and(inArray(lessonProgress.userId, userIds), inArray(lessonProgress.lesson, lessons))),
		db
			.select({
				userId: checkAttempt.userId,
				lesson: checkAttempt.lesson,
				best: sql<number>`max(round(100.0 * ${checkAttempt.correct} / ${checkAttempt.total}))::int`
			})
			.from(checkAttempt)
			.where(and(inArray(checkAttempt.userId, userIds), inArray(checkAttempt.lesson, lessons)))
			.groupBy(checkAttempt.userId, checkAttempt.lesson)
	]);
	for (const p of progress) work.set(`${p.lesson}:${p.userId}`, { started: true, done: Boolean(p.completedAt), score: null });
	for (const s of scores) {
		const key = `${s.lesson}:${s.userId}`;
		work.set(key, { started: true, done: work.get(key)?.done ?? false, score: s.best });
	}
	return work;
}

/**
 * Self-checks: done once submitted after the assignment was made; the score is the latest
 * submission's percentage (the hour-value calculator has a value, not a score).
 */
async function selfCheckWork(assignments: Assignment[], userIds: string[]) {
	const work = new Map<string, Work>();
	const forms = [...new Set(assignments.map((a) => a.target))];
	if (!userIds.length || !forms.length) return work;
	const rows = await db
		.select({ userId: selfCheckSubmission.userId, form: selfCheckSubmission.form, value: selfCheckSubmission.value, createdAt: selfCheckSubmission.createdAt })
		.from(selfCheckSubmission)
		.where(and(inArray(selfCheckSubmission.userId, userIds), inArray(selfCheckSubmission.form, forms)))
		.orderBy(selfCheckSubmission.createdAt);
	for (const a of assignments) {
		const scored = selfCheckBySlug.get(a.target)?.kind !== 'hour-value';
		for (const row of rows)
			if (row.form === a.target && row.createdAt >= a.createdAt)
				work.set(cellKey(a.id, row.userId), { started: true, done: true, score: scored ? Math.round(row.value) : null });
	}
	return work;
}

export type SimulationRun = { id: string; userId: string; scenario: string; percent: number | null; scores: Record<string, number>; finishedAt: Date | null; startedAt: Date };

/**
 * Role-play attempts that count for each (assignment, trainee): those in the assignment's mode,
 * started after it was made, the first `attemptsAllowed` of them (a per-trainee override wins).
 */
export async function countedRuns(assignments: Assignment[], userIds: string[]) {
	const runs = new Map<string, SimulationRun[]>();
	const scenarios = [...new Set(assignments.map((a) => a.target))];
	if (!userIds.length || !scenarios.length) return runs;
	const [attempts, overrides] = await Promise.all([
		db
			.select({
				id: simulationAttempt.id,
				userId: simulationAttempt.userId,
				scenario: simulationAttempt.scenario,
				mode: simulationAttempt.mode,
				percent: simulationAttempt.percent,
				scores: simulationAttempt.scores,
				finishedAt: simulationAttempt.finishedAt,
				startedAt: simulationAttempt.startedAt
			})
			.from(simulationAttempt)
			.where(and(inArray(simulationAttempt.userId, userIds), inArray(simulationAttempt.scenario, scenarios)))
			.orderBy(simulationAttempt.startedAt),
		db.select().from(attemptOverride).where(inArray(attemptOverride.assignmentId, assignments.map((a) => a.id)))
	]);
	const allowed = new Map(overrides.map((o) => [cellKey(o.assignmentId, o.userId), o.attemptsAllowed]));
	for (const a of assignments) {
		const byUser = new Map<string, SimulationRun[]>();
		for (const run of attempts)
			if (run.scenario === a.target && run.mode === (a.mode ?? 'practice') && run.startedAt >= a.createdAt)
				byUser.set(run.userId, [...(byUser.get(run.userId) ?? []), run]);
		for (const [userId, list] of byUser) {
			const limit = allowed.get(cellKey(a.id, userId)) ?? a.attemptsAllowed;
			runs.set(cellKey(a.id, userId), limit ? list.slice(0, limit) : list);
		}
	}
	return runs;
}

/** Role-plays: started with a first attempt, done with a finished one; the score follows the counting rule. */
async function simulationWork(assignments: Assignment[], userIds: string[]) {
	const work = new Map<string, Work>();
	for (const [key, list] of await countedRuns(assignments, userIds)) {
		const a = assignments.find((x) => key.startsWith(`${x.id}:`))!;
		const finished = list.filter((r) => r.finishedAt && r.percent !== null);
		work.set(key, { started: true, done: finished.length > 0, score: countedScore(finished.map((r) => r.percent!), a.counting ?? 'best') });
	}
	return work;
}

/** One cell per (assignment, trainee) pair given: status and counted score. */
export async function cellsFor(assignments: Assignment[], userIds: string[], now = new Date()) {
	const [lessons, selfChecks, simulations] = await Promise.all([
		lessonWork(userIds, assignments.filter((a) => a.kind === 'lesson').map((a) => a.target)),
		selfCheckWork(assignments.filter((a) => a.kind === 'self-check'), userIds),
		simulationWork(assignments.filter((a) => a.kind === 'simulation'), userIds)
	]);
	const cells = new Map<string, Cell>();
	for (const a of assignments)
		for (const userId of userIds) {
			const work = a.kind === 'lesson' ? lessons.get(`${a.target}:${userId}`) : (a.kind === 'self-check' ? selfChecks : simulations).get(cellKey(a.id, userId));
			cells.set(cellKey(a.id, userId), {
				started: work?.started ?? false,
				done: work?.done ?? false,
				score: work?.score ?? null,
				status: statusOf(work, a.dueAt, now)
			});
		}
	return cells;
}
