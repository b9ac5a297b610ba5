// What trainees have done towards assignments, for many trainees and assignments in a fixed
// number of queries (one per kind of work), never one per trainee or per cell.
import { and, inArray, sql } from 'drizzle-orm';
import { statusOf, type Status, type Work } from '$lib/assignments';
import { db } from '$lib/server/db';
import { checkAttempt, lessonProgress, type Assignment } from '$lib/server/db/schema';

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

/** One cell per (assignment, trainee) pair given: status and counted score. */
export async function cellsFor(assignments: Assignment[], userIds: string[], now = new Date()) {
	const lessons = await lessonWork(
		userIds,
		assignments.filter((a) => a.kind === 'lesson').map((a) => a.target)
	);
	const cells = new Map<string, Cell>();
	for (const a of assignments)
		for (const userId of userIds) {
			const work = a.kind === 'lesson' ? lessons.get(`${a.target}:${userId}`) : undefined;
			cells.set(cellKey(a.id, userId), {
				started: work?.started ?? false,
				done: work?.done ?? false,
				score: work?.score ?? null,
				status: statusOf(work, a.dueAt, now)
			});
		}
	return cells;
}
