// Live role-play trios (manual 000, Exercise 1). All shared state is in PostgreSQL, so the
// three devices (or one shared screen) can be served by any server process and stay in step
// by polling the trio's version.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { Locale } from '$lib/i18n';
import { scenarioBySlug, scenarioIn, scenariosFor } from '$lib/server/content';
import { db, type Transaction } from '$lib/server/db';
import { cohort, cohortMember, cohortTrainer, selfCheckSubmission, trio, trioRound, trioSeat, user } from '$lib/server/db/schema';
import { roleOf, ROUNDS, seatOf } from '$lib/trio/rotation';

type Viewer = { id: string; role: string };
const isUuid = (id: string) => v.is(v.pipe(v.string(), v.uuid()), id);

export const OBSERVER_FORM = 'complaint-observer';

/** Complaint scenarios whose customer and brief make the round's role cards. */
export const complaintScenarios = (locale: Locale) =>
	scenariosFor(locale).filter((s) => s.scenario.kind === 'complaint').map((s) => ({ slug: s.scenario.slug, title: s.scenario.title }));

export async function createTrio(input: { cohortId: string; createdBy: string; trainees: string[]; totalMinutes: number; scenarios: string[] }) {
	const { cohortId, createdBy, trainees, totalMinutes, scenarios: chosen } = input;
	if (new Set(trainees).size !== 3 || !trainees.every(isUuid)) return { ok: false as const, message: 'trio.error.three' as const };
	if (chosen.length !== ROUNDS || !chosen.every((slug) => scenarioBySlug.get(slug)?.scenario.kind === 'complaint'))
		return { ok: false as const, message: 'trio.error.scenarios' as const };
	return db.transaction(async (tx) => {
		const members = await tx
			.select({ userId: cohortMember.userId })
			.from(cohortMember)
			.where(and(eq(cohortMember.cohortId, cohortId), inArray(cohortMember.userId, trainees)));
		if (members.length !== 3) return { ok: false as const, message: 'trio.error.members' as const };
		const [created] = await tx.insert(trio).values({ cohortId, createdBy, totalMinutes }).returning({ id: trio.id });
		await tx.insert(trioSeat).values(trainees.map((userId, seat) => ({ trioId: created.id, seat, userId })));
		await tx.insert(trioRound).values(chosen.map((scenario, i) => ({ trioId: created.id, round: i + 1, scenario })));
		return { ok: true as const, id: created.id };
	});
}

/** The trio when the viewer sits in it, trains its cohort or is an admin; null as if it did not exist. */
export async function trioFor(viewer: Viewer, trioId: string) {
	if (!isUuid(trioId)) return null;
	const [row] = await db
		.select({ trio, cohortName: cohort.name })
		.from(trio)
		.innerJoin(cohort, eq(cohort.id, trio.cohortId))
		.where(eq(trio.id, trioId));
	if (!row) return null;
	const [seats, rounds, trains] = await Promise.all([
		db
			.select({ seat: trioSeat.seat, userId: trioSeat.userId, name: user.name })
			.from(trioSeat)
			.innerJoin(user, eq(user.id, trioSeat.userId))
			.where(eq(trioSeat.trioId, trioId))
			.orderBy(asc(trioSeat.seat)),
		db
			.select({ round: trioRound.round, scenario: trioRound.scenario, completedAt: trioRound.completedAt, result: selfCheckSubmission.result, band: selfCheckSubmission.band, value: selfCheckSubmission.value })
			.from(trioRound)
			.leftJoin(selfCheckSubmission, eq(selfCheckSubmission.id, trioRound.submissionId))
			.where(eq(trioRound.trioId, trioId))
			.orderBy(asc(trioRound.round)),
		db
			.select({ userId: cohortTrainer.userId })
			.from(cohortTrainer)
			.where(and(eq(cohortTrainer.cohortId, row.trio.cohortId), eq(cohortTrainer.userId, viewer.id)))
	]);
	const seat = seats.find((s) => s.userId === viewer.id)?.seat ?? null;
	const supervises = viewer.role === 'admin' || trains.length > 0;
	if (seat === null && !supervises) return null;
	return { ...row.trio, cohortName: row.cohortName, seats, rounds, seat, supervises };
}

export type TrioView = NonNullable<Awaited<ReturnType<typeof trioFor>>>;

/** Who plays what in a round, by name. */
export const castOf = (t: TrioView, round: number) =>
	t.seats.map((s) => ({ ...s, role: roleOf(s.seat, round) })).sort((a, b) => a.role.localeCompare(b.role));

/**
 * Links the observer's checklist to the current round and moves the trio on, in the caller's
 * transaction. Only the observer of the trio's current round can do it, once per round.
 */
export async function recordObservation(tx: Transaction, trioId: string, round: number, observerId: string, submissionId: string) {
	const [current] = await tx.select().from(trio).where(eq(trio.id, trioId)).for('update');
	if (!current || current.finishedAt || current.round !== round) return false;
	const [observer] = await tx
		.select({ userId: trioSeat.userId })
		.from(trioSeat)
		.where(and(eq(trioSeat.trioId, trioId), eq(trioSeat.seat, seatOf('observer', round))));
	if (observer?.userId !== observerId) return false;
	await tx
		.update(trioRound)
		.set({ submissionId, completedAt: sql`now()` })
		.where(and(eq(trioRound.trioId, trioId), eq(trioRound.round, round)));
	await tx
		.update(trio)
		.set(round < ROUNDS ? { round: round + 1, roundStartedAt: sql`now()` } : { finishedAt: sql`now()` })
		.where(eq(trio.id, trioId));
	return true;
}

/** The observer of the trio's current round, with what the checklist needs to know. */
export async function observerRound(viewer: Viewer, trioId: string, round: number, locale: Locale = 'en') {
	const t = await trioFor(viewer, trioId);
	if (!t || t.finishedAt || t.round !== round || t.seat === null || roleOf(t.seat, round) !== 'observer') return null;
	const salesperson = t.seats.find((s) => roleOf(s.seat, round) === 'salesperson')!;
	const scenario = scenarioIn(locale, t.rounds[round - 1].scenario)?.scenario;
	return { trio: t, salesperson: salesperson.name, complaint: scenario?.title ?? '' };
}

export async function addMinutes(trioId: string, minutes: number) {
	await db
		.update(trio)
		.set({ totalMinutes: sql`least(${trio.totalMinutes} + ${minutes}, 240)` })
		.where(eq(trio.id, trioId));
}

/** What devices poll: it changes whenever anything on the trio's page would. */
export const versionOf = (t: { round: number; finishedAt: Date | null; totalMinutes: number }) =>
	`${t.round}:${t.finishedAt?.getTime() ?? ''}:${t.totalMinutes}`;

export async function trioVersion(viewer: Viewer, trioId: string) {
	const t = await trioFor(viewer, trioId);
	return t && versionOf(t);
}

/** Trios of a cohort with each round's salesperson, observer and result, newest first. */
export async function triosOfCohort(cohortId: string, locale: Locale = 'en') {
	const trios = await db.select().from(trio).where(eq(trio.cohortId, cohortId)).orderBy(desc(trio.startedAt));
	if (!trios.length) return [];
	const ids = trios.map((t) => t.id);
	const [seats, rounds] = await Promise.all([
		db
			.select({ trioId: trioSeat.trioId, seat: trioSeat.seat, userId: trioSeat.userId, name: user.name })
			.from(trioSeat)
			.innerJoin(user, eq(user.id, trioSeat.userId))
			.where(inArray(trioSeat.trioId, ids)),
		db
			.select({ trioId: trioRound.trioId, round: trioRound.round, scenario: trioRound.scenario, value: selfCheckSubmission.value, band: selfCheckSubmission.band })
			.from(trioRound)
			.leftJoin(selfCheckSubmission, eq(selfCheckSubmission.id, trioRound.submissionId))
			.where(inArray(trioRound.trioId, ids))
	]);
	return trios.map((t) => {
		const mine = seats.filter((s) => s.trioId === t.id);
		const inRole = (role: Parameters<typeof seatOf>[0], round: number) => mine.find((s) => s.seat === seatOf(role, round))!;
		return {
			id: t.id,
			startedAt: t.startedAt,
			finishedAt: t.finishedAt,
			round: t.round,
			trainees: mine.sort((a, b) => a.seat - b.seat).map((s) => ({ id: s.userId, name: s.name })),
			rounds: rounds
				.filter((r) => r.trioId === t.id)
				.sort((a, b) => a.round - b.round)
				.map((r) => ({
					round: r.round,
					complaint: scenarioIn(locale, r.scenario)?.scenario.title ?? r.scenario,
					salesperson: inRole('salesperson', r.round).name,
					customer: inRole('customer', r.round).name,
					observer: inRole('observer', r.round).name,
					roles: Object.fromEntries(mine.map((s) => [s.userId, roleOf(s.seat, r.round)])),
					score: r.value === null ? null : Math.round(r.value),
					band: r.band
				}))
		};
	});
}
