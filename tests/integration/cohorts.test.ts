import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { lessonBySlug } from '$lib/server/content';
import { db } from '$lib/server/db';
import { assignment, cohortInvite, cohortMember, simulationAttempt, user } from '$lib/server/db/schema';
import * as cohorts from '$lib/server/cohorts';
import { markSectionRead, submitCheck } from '$lib/server/lessons';
import { findForm, submitSelfCheck } from '$lib/server/selfchecks';
import { cohortMatrix, REPORT_PAGE, traineeAssignments } from '$lib/server/reports';
import { createUser } from '$lib/server/users';
import { load as reportLoad } from '../../src/routes/trainer/cohorts/[id]/report/+page.server';
import { useDatabase } from './db';

useDatabase();

const person = (email: string, role: 'trainee' | 'trainer' | 'admin' = 'trainee') =>
	createUser({ email, name: email.split('@')[0], password: 'long enough pass', role }).then((u) => u!);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

async function setting() {
	const [owner, other, admin, mina, wei] = await Promise.all([
		person('owner@example.com', 'trainer'),
		person('other@example.com', 'trainer'),
		person('admin@example.com', 'admin'),
		person('mina@example.com'),
		person('wei@example.com')
	]);
	const cohortId = await cohorts.createCohort(owner.id, 'Spring');
	await db.insert(cohortMember).values([mina, wei].map((u) => ({ cohortId, userId: u.id })));
	return { owner, other, admin, mina, wei, cohortId };
}

describe('who may run a cohort', () => {
	it('its trainers and admins; another trainer and trainees see nothing, as if it did not exist', async () => {
		const { owner, other, admin, mina, cohortId } = await setting();
		expect((await cohorts.cohortFor(owner, cohortId))?.name).toBe('Spring');
		expect((await cohorts.cohortFor(admin, cohortId))?.name).toBe('Spring');
		expect(await cohorts.cohortFor(other, cohortId)).toBeNull();
		expect(await cohorts.cohortFor(mina, cohortId)).toBeNull();
		expect(await cohorts.cohortFor(owner, 'not-a-uuid')).toBeNull();
		expect(await cohorts.cohortsFor(other)).toEqual([]);
		expect((await cohorts.cohortsFor(admin)).map((c) => c.name)).toEqual(['Spring']);
	});

	it('a co-trainer gets the same access; a trainee cannot be made one', async () => {
		const { other, mina, cohortId } = await setting();
		expect(await cohorts.addCoTrainer(cohortId, mina.email)).toBe(false);
		expect(await cohorts.addCoTrainer(cohortId, 'OTHER@example.com')).toBe(true);
		expect((await cohorts.cohortFor(other, cohortId))?.id).toBe(cohortId);
		const [listed] = await cohorts.cohortsFor(other);
		expect(listed).toMatchObject({ name: 'Spring', members: 2, assignments: 0 });
	});
});

describe('invitations', () => {
	it('a join link lets anyone in until it expires, and a new link replaces the old', async () => {
		const { cohortId } = await setting();
		const newcomer = await person('new@example.com');
		const first = await cohorts.newJoinLink(cohortId, 7);
		const second = await cohorts.newJoinLink(cohortId, 7);
		expect(await cohorts.acceptInvite(first.code, newcomer)).toBeNull();
		expect((await cohorts.acceptInvite(second.code, newcomer))?.cohortName).toBe('Spring');
		// Joining twice changes nothing.
		expect(await cohorts.acceptInvite(second.code, newcomer)).not.toBeNull();
		expect((await cohorts.membersOf(cohortId)).map((m) => m.email)).toContain('new@example.com');

		await db.update(cohortInvite).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(cohortInvite.id, second.id));
		expect(await cohorts.acceptInvite(second.code, await person('late@example.com'))).toBeNull();
	});

	it('a personal invitation works once, and only for its address', async () => {
		const { cohortId } = await setting();
		await cohorts.inviteEmails(cohortId, ['jin@example.com'], 14);
		const [invite] = await cohorts.invitesOf(cohortId);
		const stranger = await person('stranger@example.com');
		expect(await cohorts.acceptInvite(invite.code, stranger)).toBeNull();
		const jin = await person('Jin@Example.com');
		expect(await cohorts.acceptInvite(invite.code, jin)).not.toBeNull();
		expect(await cohorts.invitesOf(cohortId)).toEqual([]);
		expect(await cohorts.acceptInvite(invite.code, jin)).toBeNull();
	});

	it('an archived cohort takes no one in, and malformed codes find nothing', async () => {
		const { cohortId } = await setting();
		const link = await cohorts.newJoinLink(cohortId, 7);
		await cohorts.setArchived(cohortId, true);
		expect(await cohorts.acceptInvite(link.code, await person('x@example.com'))).toBeNull();
		expect(await cohorts.usableInvite("' or 1=1 --", 'x@example.com')).toBeNull();
	});
});

describe('assignments and reports', () => {
	const lesson = lessonBySlug.get('time-management')!;
	const right = Object.fromEntries(lesson.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));

	it('only members can be chosen for an assignment', async () => {
		const { cohortId, mina } = await setting();
		const outsider = await person('out@example.com');
		const base = { kind: 'lesson' as const, target: lesson.slug, dueAt: inDays(3) };
		expect(await cohorts.createAssignment(cohortId, { ...base, trainees: [outsider.id, 'junk'] })).toBeNull();
		expect(await cohorts.assignmentsOf([cohortId])).toEqual([]);
		const id = await cohorts.createAssignment(cohortId, { ...base, trainees: [mina.id, outsider.id] });
		expect([...(await cohorts.audienceOf([id!])).get(id!)!]).toEqual([mina.id]);
	});

	it('the matrix and the trainee’s own list agree on status and score', async () => {
		const { cohortId, mina, wei } = await setting();
		await cohorts.createAssignment(cohortId, { kind: 'lesson', target: lesson.slug, dueAt: inDays(7), trainees: [] });
		await cohorts.createAssignment(cohortId, { kind: 'lesson', target: 'customer-service', dueAt: inDays(-1), trainees: [] });
		await cohorts.createAssignment(cohortId, { kind: 'lesson', target: 'phone-invitations', dueAt: inDays(2), trainees: [wei.id] });

		for (const s of lesson.sections) await markSectionRead(mina.id, lesson.slug, s.id);
		await submitCheck(mina.id, lesson, right);
		await markSectionRead(wei.id, lesson.slug, lesson.sections[0].id);

		const matrix = await cohortMatrix(cohortId);
		expect(matrix.assignments.map((a) => a.target)).toEqual(['customer-service', 'phone-invitations', 'time-management']);
		const row = (id: string) => matrix.rows.find((r) => r.trainee.id === id)!;
		expect(row(mina.id).cells.map((c) => c && [c.status, c.score])).toEqual([['overdue', null], null, ['done', 100]]);
		expect(row(wei.id).cells.map((c) => c && [c.status, c.score])).toEqual([['overdue', null], ['not-started', null], ['in-progress', null]]);
		expect(row(mina.id)).toMatchObject({ done: 1, overdue: 1, assigned: 2 });

		const own = await traineeAssignments(mina.id);
		expect(own.map((a) => [a.target, a.status, a.score])).toEqual([
			['customer-service', 'overdue', null],
			['time-management', 'done', 100]
		]);
	});

	it('a removed trainee and an archived cohort drop out of the trainee’s list', async () => {
		const { cohortId, mina, wei } = await setting();
		await cohorts.createAssignment(cohortId, { kind: 'lesson', target: lesson.slug, dueAt: inDays(7), trainees: [] });
		expect(await cohorts.removeMember(cohortId, mina.id)).toBe(true);
		expect(await traineeAssignments(mina.id)).toEqual([]);
		expect(await traineeAssignments(wei.id)).toHaveLength(1);
		await cohorts.setArchived(cohortId, true);
		expect(await traineeAssignments(wei.id)).toEqual([]);
	});

	it('overrides attempts only for members of the assignment’s cohort', async () => {
		const { cohortId, mina } = await setting();
		const other = await cohorts.createCohort((await person('t2@example.com', 'trainer')).id, 'Other');
		const id = (await cohorts.createAssignment(cohortId, { kind: 'lesson', target: lesson.slug, dueAt: inDays(7), trainees: [] }))!;
		expect(await cohorts.setAttemptOverride(other, id, mina.id, 5)).toBe(false);
		expect(await cohorts.setAttemptOverride(cohortId, id, mina.id, 5)).toBe(true);
		expect((await cohorts.overridesOf([id])).get(`${id}:${mina.id}`)).toBe(5);
	});

	it('a self-check is done once submitted after it was assigned, with its latest score', async () => {
		const { cohortId, mina, wei } = await setting();
		const form = findForm('telephone-standards')!;
		const answer = (value: string) =>
			Object.fromEntries(
				('sections' in form ? form.sections : [])
					.flatMap((s) => s.items)
					.map((item) => [item.id, item.kind === 'choice' ? item.options[0].id : item.kind === 'text' ? 'Me' : item.kind === 'likert' ? (value === 'yes' ? '5' : '1') : value])
			);
		// Before the assignment: does not count.
		expect((await submitSelfCheck(mina.id, form, answer('no'), crypto.randomUUID())).ok).toBe(true);
		await new Promise((r) => setTimeout(r, 5));
		await cohorts.createAssignment(cohortId, { kind: 'self-check', target: form.slug, dueAt: inDays(3), trainees: [] });
		let matrix = await cohortMatrix(cohortId);
		expect(matrix.rows.map((r) => r.cells[0]!.status)).toEqual(['not-started', 'not-started']);

		expect((await submitSelfCheck(mina.id, form, answer('no'), crypto.randomUUID())).ok).toBe(true);
		expect((await submitSelfCheck(mina.id, form, answer('yes'), crypto.randomUUID())).ok).toBe(true);
		matrix = await cohortMatrix(cohortId);
		const cell = (id: string) => matrix.rows.find((r) => r.trainee.id === id)!.cells[0]!;
		expect(cell(mina.id)).toMatchObject({ status: 'done', score: 100 });
		expect(cell(wei.id)).toMatchObject({ status: 'not-started', score: null });
		expect((await traineeAssignments(mina.id))[0]).toMatchObject({ kind: 'self-check', status: 'done', score: 100 });
	});

	it('a role-play counts attempts in its mode after it was assigned, up to the number allowed, by its counting rule', async () => {
		const { cohortId, mina, wei } = await setting();
		const scenario = 'complaint-new-car';
		const attempt = (userId: string, mode: 'practice' | 'assessment', percent: number | null, minutesAgo: number) => ({
			userId,
			scenario,
			mode,
			timer: 'x1' as const,
			node: 'opening',
			mood: 0,
			scores: {},
			percent,
			passed: percent !== null && percent >= 70,
			outcome: percent === null ? null : ('partial' as const),
			startedAt: new Date(Date.now() - minutesAgo * 60_000),
			finishedAt: percent === null ? null : new Date(Date.now() - minutesAgo * 60_000 + 1000)
		});
		const base = { kind: 'simulation' as const, target: scenario, dueAt: inDays(5), trainees: [] };
		const best = (await cohorts.createAssignment(cohortId, { ...base, mode: 'assessment', passMark: 70, counting: 'best', attemptsAllowed: 2 }))!;
		const first = (await cohorts.createAssignment(cohortId, { ...base, mode: 'assessment', passMark: 70, counting: 'first' }))!;
		const latest = (await cohorts.createAssignment(cohortId, { ...base, mode: 'practice', passMark: 70, counting: 'latest' }))!;
		await db.insert(simulationAttempt).values([
			attempt(mina.id, 'assessment', 95, 60 * 24 * 3), // before the assignments: never counts
			attempt(mina.id, 'assessment', 50, 30),
			attempt(mina.id, 'assessment', 80, 20),
			attempt(mina.id, 'assessment', 99, 10), // a third attempt, beyond the two allowed for "best"
			attempt(mina.id, 'practice', 40, 5),
			attempt(wei.id, 'practice', null, 1) // started, not finished
		]);
		// Assignments made "now" would exclude attempts started earlier; date them back an hour.
		await db.update(assignment).set({ createdAt: new Date(Date.now() - 60 * 60_000) }).where(inArray(assignment.id, [best, first, latest]));

		const matrix = await cohortMatrix(cohortId);
		const column = (id: string) => matrix.assignments.findIndex((a) => a.id === id);
		const cell = (userId: string, id: string) => matrix.rows.find((r) => r.trainee.id === userId)!.cells[column(id)]!;
		expect(cell(mina.id, best)).toMatchObject({ status: 'done', score: 80 });
		expect(cell(mina.id, first)).toMatchObject({ status: 'done', score: 50 });
		expect(cell(mina.id, latest)).toMatchObject({ status: 'done', score: 40 });
		expect(cell(wei.id, latest)).toMatchObject({ status: 'in-progress', score: null });
		expect(cell(wei.id, best)).toMatchObject({ status: 'not-started', score: null });

		// A per-trainee override lets Mina's third attempt count.
		expect(await cohorts.setAttemptOverride(cohortId, best, mina.id, 3)).toBe(true);
		expect((await cohortMatrix(cohortId)).rows.find((r) => r.trainee.id === mina.id)!.cells[column(best)]).toMatchObject({ score: 99 });
	});
});

describe('the progress report, page by page', () => {
	it('shows 50 trainees a page in the chosen order; the filter counts every match; a page past the end shows the last', async () => {
		const { owner, cohortId } = await setting();
		// 118 more trainees (120 in all), added in bulk: password hashes are not what is tested here.
		const added = await db
			.insert(user)
			.values(Array.from({ length: 118 }, (_, i) => ({ email: `t${i}@example.com`, name: `Trainee ${String(i).padStart(3, '0')}`, passwordHash: 'x' })))
			.returning({ id: user.id });
		await db.insert(cohortMember).values(added.map((u) => ({ cohortId, userId: u.id })));
		await cohorts.createAssignment(cohortId, { kind: 'lesson', target: lessonBySlug.keys().next().value!, dueAt: inDays(7), trainees: [] });
		const report = async (query: string) =>
			(await reportLoad({
				locals: { user: owner, session: null, locale: 'en' },
				url: new URL(`http://localhost/trainer/cohorts/${cohortId}/report?${query}`),
				params: { id: cohortId }
			} as unknown as Parameters<typeof reportLoad>[0]))!;

		const first = await report('');
		expect(first.rows).toHaveLength(REPORT_PAGE);
		expect(first).toMatchObject({ matching: 120, total: 120, paging: { page: 1, pages: 3, first: 1, last: 50 } });
		expect(first.rows[0].trainee.name).toBe('mina');
		const third = await report('page=3');
		const everyone = ['mina', 'wei', ...added.map((_, i) => `Trainee ${String(i).padStart(3, '0')}`)].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
		expect(third.rows.map((r) => r.trainee.name)).toEqual(everyone.slice(100));
		expect(third.paging).toEqual({ page: 3, pages: 3, first: 101, last: 120 });
		// Every trainee once over the pages, sorted descending as asked.
		const names = (await Promise.all([1, 2, 3].map((n) => report(`sort=name&dir=desc&page=${n}`)))).flatMap((r) => r.rows.map((row) => row.trainee.name));
		expect(names).toHaveLength(120);
		expect(new Set(names).size).toBe(120);
		expect(names).toEqual([...everyone].reverse());
		// Out of range or not a number: the nearest real page.
		expect((await report('page=99')).paging.page).toBe(3);
		expect((await report('page=-2')).paging.page).toBe(1);
		expect((await report('page=abc')).paging.page).toBe(1);
		// A search narrows what is paged.
		const searched = await report('q=trainee 01&page=2');
		expect(searched).toMatchObject({ matching: 10, total: 120, paging: { page: 1, pages: 1, first: 1, last: 10 } });
	});
});
