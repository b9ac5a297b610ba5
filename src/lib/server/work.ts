// What trainees have done towards assignments, for many trainees and assignments in a fixed
// number of queries (one per kind of work), never one per trainee or per cell.
import { and, inArray, sql } from 'drizzle-orm';
import { countedScore, statusOf, type Status, type Work } from '$lib/assignments';
import { db, rawRows } from '$lib/server/db';
import { assignment, attemptOverride, checkAttempt, lessonProgress, selfCheckSubmission, simulationAttempt, type Assignment } from '$lib/server/db/schema';
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

export type CountedWork = Work & { scores: Record<string, number> | null; attempts: number };

/**
 * Role-play attempts that count for each (assignment, trainee): those in the assignment's mode,
 * started after it was made, the first `attemptsAllowed` of them (a per-trainee override wins).
 * Per cell: started (any counted attempt), done (a finished one), the score by the assignment's
 * rule over the finished ones oldest first, and the rubric scores of the attempt that score came
 * from (the first with it). Worked out in the database, so a cohort's report reads one row per
 * cell, not every attempt (thousands of rows for 200 trainees); cells with no attempt are absent.
 */
export async function countedWork(assignments: Assignment[], userIds: string[]) {
	const work = new Map<string, CountedWork>();
	if (!userIds.length || !assignments.length) return work;
	const a = assignment;
	const s = simulationAttempt;
	const o = attemptOverride;
	const ids = assignments.map((x) => x.id);
	// The per-trainee overrides as one object, looked up once: joined row by row instead, the
	// planner may rescan the override table for every attempt.
	const overrides = sql`(select coalesce(jsonb_object_agg(${o.assignmentId}::text || ':' || ${o.userId}::text, ${o.attemptsAllowed}), '{}') from ${o} where ${inArray(o.assignmentId, ids)})`;
	// Inner: every attempt that could count, numbered oldest first per cell. Outer: one row per
	// cell from those within the allowance, with its finished attempts' percent and rubric
	// scores, oldest first; the counting rule is then applied here, as everywhere else.
	const rows = await rawRows<{ assignment_id: string; user_id: string; attempts: number; finished: { percent: number; scores: Record<string, number> }[] | null }>(sql`
		select assignment_id, user_id, count(*)::int as attempts, json_agg(json_build_object('percent', percent, 'scores', scores) order by n) filter (where finished) as finished
		from (
			select ${a.id} as assignment_id, ${s.userId} as user_id, ${s.percent} as percent, ${s.scores} as scores,
				${s.finishedAt} is not null and ${s.percent} is not null as finished,
				row_number() over (partition by ${a.id}, ${s.userId} order by ${s.startedAt}, ${s.id}) as n,
				coalesce((${overrides} ->> (${a.id}::text || ':' || ${s.userId}::text))::int, ${a.attemptsAllowed}) as allowed
			from ${a}
			join ${s} on ${s.scenario} = ${a.target} and ${s.mode} = coalesce(${a.mode}, 'practice') and ${s.startedAt} >= ${a.createdAt}
			where ${inArray(a.id, ids)} and ${inArray(s.userId, userIds)}
		) runs
		where coalesce(allowed, 0) = 0 or n <= allowed
		group by assignment_id, user_id`);
	const rule = new Map(assignments.map((x) => [x.id, x.counting ?? 'best']));
	for (const row of rows) {
		const finished = row.finished ?? [];
		const score = countedScore(finished.map((f) => f.percent), rule.get(row.assignment_id)!);
		work.set(cellKey(row.assignment_id, row.user_id), {
			started: true,
			done: finished.length > 0,
			score,
			scores: finished.find((f) => f.percent === score)?.scores ?? null,
			attempts: Number(row.attempts)
		});
	}
	return work;
}

/** One cell per (assignment, trainee) pair given: status and counted score. */
export async function cellsFor(assignments: Assignment[], userIds: string[], now = new Date()) {
	const [lessons, selfChecks, simulations] = await Promise.all([
		lessonWork(userIds, assignments.filter((a) => a.kind === 'lesson').map((a) => a.target)),
		selfCheckWork(assignments.filter((a) => a.kind === 'self-check'), userIds),
		countedWork(assignments.filter((a) => a.kind === 'simulation'), userIds)
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
