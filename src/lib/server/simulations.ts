// Role-play attempts. The client sends events only; every result here comes from replaying the
// stored events through the scenario's machine. A client's score, state or snapshot is never read.
import { and, asc, desc, eq, getTableColumns, isNotNull, sql } from 'drizzle-orm';
import type { Locale, MessageKey } from '$lib/i18n';
import { compileScenario, nodeOf, replay, type RoleplayEvent, type RoleplayMachine } from '$lib/roleplay/machine';
import { resultOf } from '$lib/roleplay/score';
import { scenarioBySlug, scenarioIn, scenariosFor } from '$lib/server/content';
import type { BuiltScenario } from '$lib/server/content/scenarios';
import { db, prepared } from '$lib/server/db';
import { isUniqueViolation } from '$lib/server/db/errors';
import {
	cohortMember,
	cohortTrainer,
	simulationAttempt,
	simulationEvent,
	user,
	type AttemptMode,
	type SimulationAttempt,
	type SimulationEvent,
	type TimerSetting
} from '$lib/server/db/schema';
import { endingStatements, replyStatement } from '$lib/server/xapi/roleplay';
import { recording } from '$lib/server/xapi/statements';

export type { BuiltScenario };

// Compiled once per scenario: machines are pure descriptions, safe to share between requests.
const machines = new Map<string, RoleplayMachine>();
export function machineFor(slug: string) {
	const built = scenarioBySlug.get(slug);
	if (!built) return null;
	let machine = machines.get(slug);
	if (!machine) machines.set(slug, (machine = compileScenario(built.scenario)));
	return { built, machine };
}

/** What `locale` reads of a scenario: the same ids and structure as the English one, for display only. */
export const wordsIn = (locale: Locale, built: BuiltScenario) => scenarioIn(locale, built.scenario.slug)?.scenario ?? built.scenario;

export const toEvent = (row: Pick<SimulationEvent, 'type' | 'choiceId'>): RoleplayEvent =>
	row.type === 'reply.timeout' ? { type: 'reply.timeout' } : { type: 'reply.choose', choiceId: row.choiceId ?? '' };

export async function startAttempt(userId: string, slug: string, mode: AttemptMode, timer: TimerSetting) {
	const found = machineFor(slug);
	if (!found) return null;
	const { scenario } = found.built;
	const [attempt] = await db
		.insert(simulationAttempt)
		.values({
			userId,
			scenario: slug,
			mode,
			timer,
			node: scenario.start,
			mood: scenario.customer.mood,
			scores: Object.fromEntries(scenario.rubric.map((d) => [d.id, 0]))
		})
		.returning();
	return attempt;
}

/** The attempt if it belongs to this user (or the viewer may review others'); null otherwise, like a missing one. */
export async function getAttempt(viewer: { id: string; role: string }, slug: string, attemptId: string) {
	if (!/^[0-9a-f-]{36}$/i.test(attemptId)) return null;
	const attempt = await db.query.simulationAttempt.findFirst({
		where: and(eq(simulationAttempt.id, attemptId), eq(simulationAttempt.scenario, slug))
	});
	if (!attempt) return null;
	// Others' attempts: finished ones only, and only for an admin or a trainer of one of the trainee's cohorts.
	if (attempt.userId !== viewer.id && !(attempt.finishedAt && (viewer.role === 'admin' || (viewer.role === 'trainer' && (await trains(viewer.id, attempt.userId))))))
		return null;
	const events = await db.query.simulationEvent.findMany({
		where: eq(simulationEvent.attemptId, attempt.id),
		orderBy: asc(simulationEvent.seq)
	});
	return { attempt, events: events.map(toEvent), own: attempt.userId === viewer.id };
}

/** A refusal names its message by catalogue key; the route words it in the reader's language. */
export type EventOutcome =
	| { status: 200; seq: number; node: string; finished: boolean; repeated: boolean }
	| { status: 404 | 409 | 422; message: MessageKey; params?: Record<string, string | number> };

const refusals = { ended: 'sim.error.ended', noTimer: 'sim.error.noTimer', notAllowed: 'sim.error.notAllowed' } as const satisfies Record<string, MessageKey>;

const samePayload = (a: RoleplayEvent, b: RoleplayEvent) =>
	a.type === b.type && (a.type === 'reply.timeout' || (b.type === 'reply.choose' && a.choiceId === b.choiceId));

/**
 * Records event number `seq` of an attempt. A resend of a recorded step returns the original
 * result; anything else that does not follow on from the stored events is refused. The event,
 * the replayed state, its xAPI statements and, at an ending, the score are written by one
 * statement, so all of them are stored or none.
 *
 * Two round trips, no lock: the attempt is read with its events, replayed, then written. Two tabs
 * sending a step at once both get that far, but the primary key (attempt, step) lets one write
 * only; the other reads again and is answered as a resend of that step, or refused.
 */
export async function recordEvent(userId: string, slug: string, attemptId: string, seq: number, event: RoleplayEvent): Promise<EventOutcome> {
	const found = machineFor(slug);
	if (!found || !/^[0-9a-f-]{36}$/i.test(attemptId)) return { status: 404, message: 'error.notFound' };
	// The endpoint's schema checks this too; without it, step 0 would read a stored step that is not there.
	if (!Number.isSafeInteger(seq) || seq < 1) return { status: 422, message: 'sim.error.badStep' };
	for (let tries = 1; ; tries++) {
		try {
			return await tryRecordEvent(found, userId, slug, attemptId, seq, event);
		} catch (error) {
			if (!isUniqueViolation(error) || tries === 3) throw error;
		}
	}
}

// The attempt with its stored steps, one round trip; run on every step of every role-play.
const attemptToExtend = prepared('attempt_to_extend', (db) =>
	db
		.select({
			...getTableColumns(simulationAttempt),
			stored: sql<[RoleplayEvent['type'], string | null][]>`coalesce((select json_agg(json_build_array(${simulationEvent.type}, ${simulationEvent.choiceId}) order by ${simulationEvent.seq}) from ${simulationEvent} where ${simulationEvent.attemptId} = ${simulationAttempt.id}), '[]')`,
			// When the step arrived: the time its row, the attempt and its statements get.
			now: sql<Date>`now()`.mapWith(simulationEvent.createdAt)
		})
		.from(simulationAttempt)
		.where(
			and(
				eq(simulationAttempt.id, sql.placeholder('attemptId')),
				eq(simulationAttempt.userId, sql.placeholder('userId')),
				eq(simulationAttempt.scenario, sql.placeholder('slug'))
			)
		)
);

async function tryRecordEvent(
	{ built, machine }: NonNullable<ReturnType<typeof machineFor>>,
	userId: string,
	slug: string,
	attemptId: string,
	seq: number,
	event: RoleplayEvent
): Promise<EventOutcome> {
	const [attempt] = await attemptToExtend().execute({ attemptId, userId, slug });
	if (!attempt) return { status: 404, message: 'error.notFound' };
	const stored = attempt.stored.map(([type, choiceId]) => toEvent({ type, choiceId }));

	if (seq <= stored.length) {
		if (!samePayload(stored[seq - 1], event)) return { status: 409, message: 'sim.error.changed', params: { seq } };
		const earlier = replay(machine, stored.slice(0, seq));
		return { status: 200, seq, node: nodeOf(earlier.snapshot), finished: earlier.snapshot.status === 'done', repeated: true };
	}
	if (attempt.finishedAt) return { status: 409, message: 'sim.error.finished' };
	if (seq !== stored.length + 1) return { status: 409, message: 'sim.error.notNext', params: { seq, next: stored.length + 1 } };
	if (event.type === 'reply.timeout' && attempt.timer === 'off') return { status: 422, message: 'sim.error.timersOff' };

	const result = replay(machine, [...stored, event]);
	if (!result.ok) return { status: 422, message: refusals[result.reason], params: event.type === 'reply.choose' ? { choice: event.choiceId } : {} };
	const { snapshot } = result;
	const finished = snapshot.status === 'done';
	const score = resultOf(built.scenario, built.analysis, snapshot.context);
	const ending = finished ? built.scenario.endings.find((e) => e.id === nodeOf(snapshot)) : undefined;
	const at = attempt.now;

	const insertEvent = db.insert(simulationEvent).values({ attemptId, seq, type: event.type, choiceId: event.type === 'reply.choose' ? event.choiceId : null, createdAt: at });
	const updateAttempt = db
		.update(simulationAttempt)
		.set({
			steps: seq,
			node: nodeOf(snapshot),
			mood: snapshot.context.mood,
			total: snapshot.context.total,
			scores: snapshot.context.scores,
			updatedAt: at,
			...(ending ? { outcome: ending.outcome, percent: score.percent, passed: score.passed, finishedAt: at } : {})
		})
		.where(eq(simulationAttempt.id, attemptId));
	const statements = recording(db, userId, [
		replyStatement(userId, built.scenario, attempt, seq, snapshot.context.path.at(-1)!, at),
		...(ending ? endingStatements(userId, built.scenario, attempt, score, at) : [])
	]);
	// Data-modifying WITH clauses run to completion whatever the main statement reads; a step
	// stored meanwhile by another tab makes the event's insert, and so the whole statement, fail.
	await db.execute(sql`with event as (${insertEvent.getSQL()}), attempt as (${updateAttempt.getSQL()}) ${statements.getSQL()}`);
	return { status: 200, seq, node: nodeOf(snapshot), finished, repeated: false };
}

/** Keeps the trainee's answer to "what would you do differently?" with a finished attempt. */
export async function saveReflection(userId: string, slug: string, attemptId: string, reflection: string) {
	const updated = await db
		.update(simulationAttempt)
		.set({ reflection, updatedAt: sql`now()` })
		.where(
			and(
				eq(simulationAttempt.id, attemptId),
				eq(simulationAttempt.userId, userId),
				eq(simulationAttempt.scenario, slug),
				isNotNull(simulationAttempt.finishedAt)
			)
		)
		.returning({ id: simulationAttempt.id });
	return updated.length === 1;
}

/** One learner's attempts at one scenario, newest first. */
export function listAttempts(userId: string, slug: string) {
	return db
		.select({
			id: simulationAttempt.id,
			mode: simulationAttempt.mode,
			timer: simulationAttempt.timer,
			steps: simulationAttempt.steps,
			outcome: simulationAttempt.outcome,
			percent: simulationAttempt.percent,
			passed: simulationAttempt.passed,
			startedAt: simulationAttempt.startedAt,
			finishedAt: simulationAttempt.finishedAt
		})
		.from(simulationAttempt)
		.where(and(eq(simulationAttempt.userId, userId), eq(simulationAttempt.scenario, slug)))
		.orderBy(desc(simulationAttempt.startedAt));
}

export type AttemptSummary = Awaited<ReturnType<typeof listAttempts>>[number];

/** The catalogue in `locale`: every scenario with this learner's attempt count and best finished score. */
export async function catalogue(userId: string, locale: Locale = 'en') {
	const rows = await db
		.select({
			scenario: simulationAttempt.scenario,
			attempts: sql<number>`count(*)::int`,
			best: sql<number | null>`max(${simulationAttempt.percent})::int`,
			passed: sql<boolean>`coalesce(bool_or(${simulationAttempt.passed}), false)`
		})
		.from(simulationAttempt)
		.where(eq(simulationAttempt.userId, userId))
		.groupBy(simulationAttempt.scenario);
	const stats = new Map(rows.map((r) => [r.scenario, r]));
	return scenariosFor(locale).map(({ scenario, analysis }) => ({
		slug: scenario.slug,
		kind: scenario.kind,
		title: scenario.title,
		summary: scenario.summary,
		minutes: scenario.minutes,
		passMark: scenario.passMark,
		decisions: analysis.longestPath,
		attempts: stats.get(scenario.slug)?.attempts ?? 0,
		best: stats.get(scenario.slug)?.best ?? null,
		passed: stats.get(scenario.slug)?.passed ?? false
	}));
}

/** Whether `trainerId` runs a cohort that `traineeId` belongs to. */
export async function trains(trainerId: string, traineeId: string) {
	const [row] = await db
		.select({ one: sql`1` })
		.from(cohortMember)
		.innerJoin(cohortTrainer, eq(cohortTrainer.cohortId, cohortMember.cohortId))
		.where(and(eq(cohortMember.userId, traineeId), eq(cohortTrainer.userId, trainerId)))
		.limit(1);
	return Boolean(row);
}

/** For trainers: the latest finished attempts at a scenario by trainees they train (all, for an admin), with reflections. */
export function recentFinished(viewer: { id: string; role: string }, slug: string, limit = 50) {
	return db
		.select({
			id: simulationAttempt.id,
			name: user.name,
			mode: simulationAttempt.mode,
			percent: simulationAttempt.percent,
			passed: simulationAttempt.passed,
			outcome: simulationAttempt.outcome,
			reflection: simulationAttempt.reflection,
			finishedAt: simulationAttempt.finishedAt
		})
		.from(simulationAttempt)
		.innerJoin(user, eq(user.id, simulationAttempt.userId))
		.where(
			and(
				eq(simulationAttempt.scenario, slug),
				isNotNull(simulationAttempt.finishedAt),
				viewer.role === 'admin'
					? undefined
					: sql`exists (select 1 from ${cohortMember} join ${cohortTrainer} on ${cohortTrainer.cohortId} = ${cohortMember.cohortId} where ${cohortMember.userId} = ${simulationAttempt.userId} and ${cohortTrainer.userId} = ${viewer.id})`
			)
		)
		.orderBy(desc(simulationAttempt.finishedAt))
		.limit(limit);
}

export type { SimulationAttempt };
