// Property-based tests of the role-play event recorder: arbitrary sequences of legal replies,
// illegal choice ids, choices from other beats, endings, silence, wrong and repeated step numbers
// and junk strings. The oracle (tests/roleplay-oracle.ts) walks the scenario *file*, not the XState
// machine the server uses, so the machine and the stored score are checked against an
// independent reading of it.
import { asc, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoleplayEvent } from '$lib/roleplay/machine';
import { MOOD_MAX, MOOD_MIN } from '$lib/roleplay/schema';
import { resultOf } from '$lib/roleplay/score';
import { scenarioBySlug, scenarios } from '$lib/server/content';
import { db } from '$lib/server/db';
import { simulationAttempt, simulationEvent, timerSettings } from '$lib/server/db/schema';
import { recordEvent, startAttempt, toEvent } from '$lib/server/simulations';
import { createUser } from '$lib/server/users';
import { runs } from '../property';
import { commandArb, expectedStatus, knownIds, legalAt, resolve, walk } from '../roleplay-oracle';
import { useDatabase } from './db';

useDatabase();

// Ids a forger would try: every choice of every scenario (so replies from other beats), beat and
// ending ids (a jump to an ending), and the scenario slugs.
const forgedIds = knownIds(scenarios.map((s) => s.scenario));

async function stored(attemptId: string) {
	const [row] = await db.select().from(simulationAttempt).where(eq(simulationAttempt.id, attemptId));
	const events = await db.select().from(simulationEvent).where(eq(simulationEvent.attemptId, attemptId)).orderBy(asc(simulationEvent.seq));
	return { row, events };
}

describe('the role-play event recorder, under arbitrary event sequences', () => {
	it('refuses step 0, a negative or a fractional step with a 422 instead of failing', async () => {
		const tia = (await createUser({ email: 'tia@example.com', name: 'Tia', password: 'a long enough secret' }))!;
		const slug = 'complaint-nobody-answers';
		const attempt = (await startAttempt(tia.id, slug, 'practice', 'x1'))!;
		for (const seq of [0, -1, 0.5, Number.NaN])
			expect(await recordEvent(tia.id, slug, attempt.id, seq, { type: 'reply.choose', choiceId: 'listen-notes' })).toMatchObject({ status: 422 });
		expect((await stored(attempt.id)).events).toEqual([]);
	});

	it('refuses every illegal event with a 4xx and a message, changing nothing; stores legal ones once; the stored score is the replay of the stored events', async () => {
		const tia = (await createUser({ email: 'tia@example.com', name: 'Tia', password: 'a long enough secret' }))!;
		const seen = new Map<string, number>();
		const note = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...scenarioBySlug.keys()),
				fc.constantFrom(...timerSettings),
				fc.constantFrom('practice', 'assessment' as const),
				fc.array(commandArb(forgedIds), { minLength: 1, maxLength: 24 }),
				async (slug, timer, mode, commands) => {
					const { scenario, analysis } = scenarioBySlug.get(slug)!;
					const attempt = (await startAttempt(tia.id, slug, mode, timer))!;
					const accepted: RoleplayEvent[] = [];
					let before = await stored(attempt.id);

					for (const command of commands) {
						const { seq, event } = resolve(command, scenario, accepted);
						// What the file says should happen, worked out before the server answers.
						const expected = expectedStatus(scenario, accepted, seq, event, timer === 'off');
						const resend = seq >= 1 && seq <= accepted.length;
						const outcome = await recordEvent(tia.id, slug, attempt.id, seq, event);
						note(`${outcome.status}${resend ? ' resend' : ''}`);
						expect(outcome.status, JSON.stringify({ seq, event: JSON.stringify(event).slice(0, 200) })).toBe(expected);
						if (outcome.status === 200) {
							if (!resend) accepted.push(event);
							// A resend answers what the step answered the first time.
							const at = walk(scenario, accepted.slice(0, seq))!;
							expect(outcome).toEqual({ status: 200, seq, node: at.node, finished: Boolean(at.ending), repeated: resend });
						} else expect(outcome.message).toMatch(/\S/);

						const after = await stored(attempt.id);
						// Stored exactly once, in order, as sent.
						expect(after.events.map((e) => e.seq)).toEqual(accepted.map((_, i) => i + 1));
						expect(after.events.map(toEvent)).toEqual(accepted);
						// A refused event or a resend leaves the attempt row as it was, to the timestamp.
						if (outcome.status !== 200 || resend) expect(after).toEqual(before);

						// The stored state and score are the replay of the stored events.
						const at = walk(scenario, after.events.map(toEvent))!;
						const score = resultOf(scenario, analysis, at.context);
						expect(after.row).toMatchObject({ steps: accepted.length, node: at.node, mood: at.context.mood, total: at.context.total, scores: at.context.scores });
						if (at.ending) {
							expect(after.row).toMatchObject({ outcome: at.ending.outcome, percent: score.percent, passed: score.passed });
							expect(after.row.finishedAt).toBeInstanceOf(Date);
						} else expect(after.row).toMatchObject({ outcome: null, percent: null, passed: null, finishedAt: null });
						// Within the rubric's bounds.
						expect(after.row.mood).toBeGreaterThanOrEqual(MOOD_MIN);
						expect(after.row.mood).toBeLessThanOrEqual(MOOD_MAX);
						expect(after.row.total).toBeLessThanOrEqual(analysis.maxTotal);
						for (const d of scenario.rubric) expect(after.row.scores[d.id]).toBeLessThanOrEqual(analysis.maxByDimension[d.id]);
						expect(Object.keys(after.row.scores).sort()).toEqual(scenario.rubric.map((d) => d.id).sort());
						if (after.row.percent !== null) {
							expect(after.row.percent).toBeGreaterThanOrEqual(0);
							expect(after.row.percent).toBeLessThanOrEqual(100);
						}
						before = after;
					}

					// A finished attempt takes nothing more, whatever is sent.
					if (walk(scenario, accepted)?.ending) {
						note('finished');
						for (const event of [...legalAt(scenario, []), { type: 'reply.timeout' } as const]) {
							const outcome = await recordEvent(tia.id, slug, attempt.id, accepted.length + 1, event);
							expect(outcome).toEqual({ status: 409, message: 'sim.error.finished' });
						}
						expect(await stored(attempt.id)).toEqual(before);
					}
				}
			),
			runs(100)
		);
		// The generator reaches every kind of answer, and the ends of conversations.
		for (const what of ['200', '200 resend', '409', '409 resend', '422', 'finished']) expect(seen.get(what), what).toBeGreaterThan(0);
	}, 120_000);
});
