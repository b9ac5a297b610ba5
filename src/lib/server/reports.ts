import { scenarioIn } from '$lib/server/content';
import { cellKey, cellsFor, countedWork, type Cell } from '$lib/server/work';
import { assignmentsOf, audienceOf, memberships, membersOf } from '$lib/server/cohorts';
import { targetHref, targetTitle } from '$lib/server/targets';
import { and, eq, inArray } from 'drizzle-orm';
import { db } from '$lib/server/db';
import { attemptOverride, type Assignment } from '$lib/server/db/schema';
import type { Locale } from '$lib/i18n';

/** Trainees per page of a cohort's report: 200 of them with 20 assignments are 4,000 cells, too many at once. */
export const REPORT_PAGE = 50;

const describe = (a: Assignment, locale: Locale) => ({
	id: a.id,
	kind: a.kind,
	target: a.target,
	title: targetTitle(a.kind, a.target, locale),
	href: targetHref(a.kind, a.target),
	dueAt: a.dueAt,
	mode: a.mode,
	passMark: a.passMark,
	attemptsAllowed: a.attemptsAllowed,
	counting: a.counting
});

/** Trainees × assignments of one cohort. A cell is null where the assignment is not for that trainee. */
export async function cohortMatrix(cohortId: string, now = new Date(), locale: Locale = 'en') {
	const [members, assignments] = await Promise.all([membersOf(cohortId), assignmentsOf([cohortId])]);
	const [audience, cells] = await Promise.all([
		audienceOf(assignments.map((a) => a.id)),
		cellsFor(assignments, members.map((m) => m.id), now)
	]);
	return {
		assignments: assignments.map((a) => describe(a, locale)),
		rows: members.map((member) => {
			const row = assignments.map((a) =>
				!audience.has(a.id) || audience.get(a.id)!.has(member.id) ? cells.get(cellKey(a.id, member.id))! : null
			);
			const given = row.filter((c): c is Cell => c !== null);
			return {
				trainee: { id: member.id, name: member.name, email: member.email },
				cells: row,
				done: given.filter((c) => c.status === 'done').length,
				overdue: given.filter((c) => c.status === 'overdue').length,
				assigned: given.length
			};
		})
	};
}

/** A trainee's assignments across their active cohorts: open ones soonest due first, then done ones. */
export async function traineeAssignments(userId: string, now = new Date(), locale: Locale = 'en') {
	const cohorts = await memberships(userId);
	const all = await assignmentsOf(cohorts.map((c) => c.id));
	const audience = await audienceOf(all.map((a) => a.id));
	const mine = all.filter((a) => !audience.has(a.id) || audience.get(a.id)!.has(userId));
	const cells = await cellsFor(mine, [userId], now);
	const cohortName = new Map(cohorts.map((c) => [c.id, c.name]));
	return mine
		.map((a) => ({ ...describe(a, locale), cohort: cohortName.get(a.cohortId)!, ...cells.get(cellKey(a.id, userId))! }))
		.sort((a, b) => Number(a.status === 'done') - Number(b.status === 'done') || a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * For each role-play assigned to the cohort: the average share of each rubric dimension's
 * maximum in the attempts that count (one per trainee, by the assignment's rule), weakest first.
 */
export async function skillHeatmap(cohortId: string, locale: Locale = 'en') {
	const [members, assignments] = await Promise.all([membersOf(cohortId), assignmentsOf([cohortId])]);
	const simulations = assignments.filter((a) => a.kind === 'simulation');
	const work = await countedWork(simulations, members.map((m) => m.id));
	return simulations.flatMap((a) => {
		const built = scenarioIn(locale, a.target);
		if (!built) return [];
		// The rubric scores of each trainee's counted attempt.
		const counted = members.map((m) => work.get(cellKey(a.id, m.id))?.scores).filter((scores) => scores != null);
		const dimensions = built.scenario.rubric
			.map((d) => {
				const max = built.analysis.maxByDimension[d.id] ?? 0;
				const shares = counted.map((scores) => (max > 0 ? Math.max(0, scores[d.id] ?? 0) / max : 0));
				return { id: d.id, label: d.label, average: shares.length ? Math.round((100 * shares.reduce((x, y) => x + y, 0)) / shares.length) : null };
			})
			.sort((x, y) => (x.average ?? 101) - (y.average ?? 101));
		return [{ assignmentId: a.id, title: targetTitle(a.kind, a.target, locale), trainees: counted.length, dimensions }];
	});
}

/**
 * What a trainee's assignments of one role-play ask, for its start page: mode, pass mark, due
 * date, and how many of the attempts that count are used (a per-trainee allowance wins).
 */
export async function roleplayAssignments(userId: string, slug: string) {
	const cohorts = await memberships(userId);
	const all = (await assignmentsOf(cohorts.map((c) => c.id))).filter((a) => a.kind === 'simulation' && a.target === slug);
	if (!all.length) return [];
	const audience = await audienceOf(all.map((a) => a.id));
	const mine = all.filter((a) => !audience.has(a.id) || audience.get(a.id)!.has(userId));
	if (!mine.length) return [];
	const [work, overrides] = await Promise.all([
		countedWork(mine, [userId]),
		db
			.select()
			.from(attemptOverride)
			.where(and(eq(attemptOverride.userId, userId), inArray(attemptOverride.assignmentId, mine.map((a) => a.id))))
	]);
	const cohortName = new Map(cohorts.map((c) => [c.id, c.name]));
	return mine.map((a) => {
		const counted = work.get(cellKey(a.id, userId));
		return {
			id: a.id,
			cohort: cohortName.get(a.cohortId)!,
			dueAt: a.dueAt,
			mode: a.mode ?? 'practice',
			passMark: a.passMark,
			counting: a.counting ?? 'best',
			allowed: overrides.find((o) => o.assignmentId === a.id)?.attemptsAllowed ?? a.attemptsAllowed,
			used: counted?.attempts ?? 0,
			score: counted?.score ?? null
		};
	});
}
