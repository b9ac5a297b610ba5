import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createCohort } from '$lib/server/cohorts';
import { scenarioBySlug, scenarioIn } from '$lib/server/content';
import { debriefOf } from '$lib/server/debrief';
import { db } from '$lib/server/db';
import { cohortMember, simulationAttempt, simulationEvent, xapiStatement } from '$lib/server/db/schema';
import {
	catalogue,
	getAttempt,
	listAttempts,
	recentFinished,
	recordEvent,
	saveReflection,
	startAttempt,
	wordsIn
} from '$lib/server/simulations';
import { createUser } from '$lib/server/users';
import { createActor } from 'xstate';
import { bestChoice } from '$lib/roleplay/analysis';
import { compileScenario, nodeOf, type RoleplayEvent } from '$lib/roleplay/machine';
import { useDatabase } from './db';

useDatabase();

const slug = 'complaint-nobody-answers';
const call = 'call-bad-line';
const choose = (choiceId: string): RoleplayEvent => ({ type: 'reply.choose', choiceId });
const best = (s: string) => scenarioBySlug.get(s)!.analysis.bestPath.map((step) => choose(step.choiceId!));

/** `first`, then the best reply at every beat it leads to, until an ending. */
function after(first: string, s = slug) {
	const { scenario } = scenarioBySlug.get(s)!;
	const actor = createActor(compileScenario(scenario)).start();
	const events = [choose(first)];
	actor.send(events[0]);
	while (actor.getSnapshot().status !== 'done') {
		const beat = scenario.beats.find((b) => b.id === nodeOf(actor.getSnapshot()))!;
		events.push(choose(bestChoice(beat).id));
		actor.send(events.at(-1)!);
	}
	return events;
}

async function trainee(name = 'Tia') {
	return (await createUser({ email: `${name.toLowerCase()}@example.com`, name, password: 'a long enough secret' }))!;
}

async function play(userId: string, attemptId: string, events: RoleplayEvent[], scenario = slug) {
	const results = [];
	for (const [i, event] of events.entries()) results.push(await recordEvent(userId, scenario, attemptId, i + 1, event));
	return results;
}

describe('attempts', () => {
	it('plays the best path to the end and stores the score the server computed', async () => {
		const tia = await trainee();
		const attempt = (await startAttempt(tia.id, slug, 'practice', 'x1'))!;
		const results = await play(tia.id, attempt.id, best(slug));
		expect(results.every((r) => r.status === 200)).toBe(true);
		expect(results.at(-1)).toMatchObject({ status: 200, finished: true, node: 'loyal' });
		const [row] = await db.select().from(simulationAttempt).where(eq(simulationAttempt.id, attempt.id));
		const { analysis } = scenarioBySlug.get(slug)!;
		expect(row).toMatchObject({ outcome: 'success', percent: 100, passed: true, total: analysis.maxTotal, steps: best(slug).length });
		expect(row.finishedAt).toBeInstanceOf(Date);
	});

	it('returns the original result for a resend and changes nothing', async () => {
		const tia = await trainee();
		const attempt = (await startAttempt(tia.id, slug, 'practice', 'x1'))!;
		const first = await recordEvent(tia.id, slug, attempt.id, 1, choose('listen-notes'));
		await recordEvent(tia.id, slug, attempt.id, 2, choose('read-back'));
		const again = await recordEvent(tia.id, slug, attempt.id, 1, choose('listen-notes'));
		expect(again).toEqual({ ...first, repeated: true });
		expect(await db.select().from(simulationEvent).where(eq(simulationEvent.attemptId, attempt.id))).toHaveLength(2);
		const [row] = await db.select().from(simulationAttempt).where(eq(simulationAttempt.id, attempt.id));
		expect(row).toMatchObject({ steps: 2, node: 'promise' });
	});

	it('refuses a changed payload for a recorded step, a gap, and an illegal reply, writing nothing', async () => {
		const tia = await trainee();
		const attempt = (await startAttempt(tia.id, slug, 'practice', 'x1'))!;
		await recordEvent(tia.id, slug, attempt.id, 1, choose('listen-notes'));
		expect(await recordEvent(tia.id, slug, attempt.id, 1, choose('hotline-policy'))).toMatchObject({ status: 409 });
		expect(await recordEvent(tia.id, slug, attempt.id, 3, choose('promise'))).toMatchObject({
			status: 409,
			message: 'sim.error.notNext',
			params: { seq: 3, next: 2 }
		});
		// A reply that belongs to a later beat, and a jump straight to an ending.
		expect(await recordEvent(tia.id, slug, attempt.id, 2, choose('own-promise'))).toMatchObject({ status: 422 });
		expect(await recordEvent(tia.id, slug, attempt.id, 2, choose('loyal'))).toMatchObject({
			status: 422,
			message: 'sim.error.notAllowed',
			params: { choice: 'loyal' }
		});
		expect(await recordEvent(tia.id, slug, attempt.id, 2, { type: 'reply.timeout' })).toMatchObject({ status: 422 });
		const [row] = await db.select().from(simulationAttempt).where(eq(simulationAttempt.id, attempt.id));
		expect(row).toMatchObject({ steps: 1, node: 'story', finishedAt: null });
	});

	it('a finished attempt cannot change', async () => {
		const tia = await trainee();
		const attempt = (await startAttempt(tia.id, slug, 'assessment', 'x1'))!;
		const events = best(slug);
		await play(tia.id, attempt.id, events);
		expect(await recordEvent(tia.id, slug, attempt.id, events.length + 1, choose('listen-notes'))).toEqual({
			status: 409,
			message: 'sim.error.finished'
		});
		// The last step resent still answers with its original result.
		expect(await recordEvent(tia.id, slug, attempt.id, events.length, events.at(-1)!)).toMatchObject({ status: 200, finished: true, repeated: true });
	});

	it('records silence on a call, and refuses it when the learner turned timers off', async () => {
		const tia = await trainee();
		const timed = (await startAttempt(tia.id, call, 'practice', 'x2'))!;
		expect(await recordEvent(tia.id, call, timed.id, 1, { type: 'reply.timeout' })).toMatchObject({ status: 200, node: 'hung-up', finished: true });
		const [row] = await db.select().from(simulationAttempt).where(eq(simulationAttempt.id, timed.id));
		expect(row.outcome).toBe('failure');
		expect(row.total).toBe(-2);
		expect(row.percent).toBe(0);

		const untimed = (await startAttempt(tia.id, call, 'practice', 'off'))!;
		expect(await recordEvent(tia.id, call, untimed.id, 1, { type: 'reply.timeout' })).toEqual({
			status: 422,
			message: 'sim.error.timersOff'
		});
	});

	it("another trainee's attempt answers exactly like a missing one", async () => {
		const tia = await trainee();
		const sam = await trainee('Sam');
		const attempt = (await startAttempt(tia.id, slug, 'practice', 'x1'))!;
		expect(await recordEvent(sam.id, slug, attempt.id, 1, choose('listen-notes'))).toEqual({ status: 404, message: 'error.notFound' });
		expect(await recordEvent(tia.id, 'complaint-new-car', attempt.id, 1, choose('listen-notes'))).toEqual({ status: 404, message: 'error.notFound' });
		expect(await getAttempt(sam, slug, attempt.id)).toBeNull();
		expect(await getAttempt(tia, slug, 'not-a-uuid')).toBeNull();
		expect(await saveReflection(sam.id, slug, attempt.id, 'mine now')).toBe(false);
		// A trainer with no cohort of Tia's cannot review it even when it is finished.
		const trainer = { id: sam.id, role: 'trainer' };
		expect(await getAttempt(trainer, slug, attempt.id)).toBeNull();
		await play(tia.id, attempt.id, best(slug));
		expect(await getAttempt(trainer, slug, attempt.id)).toBeNull();
	});

	it('two tabs sending the same step at once store exactly one event', async () => {
		const tia = await trainee();
		const attempt = (await startAttempt(tia.id, slug, 'practice', 'x1'))!;
		const results = await Promise.all([
			recordEvent(tia.id, slug, attempt.id, 1, choose('listen-notes')),
			recordEvent(tia.id, slug, attempt.id, 1, choose('listen-notes'))
		]);
		expect(results.map((r) => r.status)).toEqual([200, 200]);
		expect(await db.select().from(simulationEvent).where(eq(simulationEvent.attemptId, attempt.id))).toHaveLength(1);
	});

	it('many tabs racing for one step, some with another reply: one is stored, the rest are told which won', async () => {
		const tia = await trainee();
		const attempt = (await startAttempt(tia.id, slug, 'practice', 'x1'))!;
		const first = await recordEvent(tia.id, slug, attempt.id, 1, choose('listen-notes'));
		const beat = scenarioBySlug.get(slug)!.scenario.beats.find((b) => first.status === 200 && b.id === first.node)!;
		const [second, other] = beat.choices.map((c) => choose(c.id));
		const sends = Array.from({ length: 8 }, (_, i) => (i % 2 ? other : second));
		const results = await Promise.all(sends.map((e) => recordEvent(tia.id, slug, attempt.id, 2, e)));
		const stored = await db.select().from(simulationEvent).where(eq(simulationEvent.attemptId, attempt.id));
		expect(stored.map((e) => e.seq)).toEqual([1, 2]);
		const won = sends[results.findIndex((r) => r.status === 200 && !r.repeated)];
		expect(results.filter((r) => r.status === 200 && !r.repeated)).toHaveLength(1);
		expect(stored[1].choiceId).toBe((won as { choiceId: string }).choiceId);
		// The others: a resend of the winning reply, or a different reply refused.
		results.forEach((r, i) => expect(r.status === 200 ? true : sends[i] !== won && r.status === 409).toBe(true));
		const [row] = await db.select().from(simulationAttempt).where(eq(simulationAttempt.id, attempt.id));
		expect(row.steps).toBe(2);
		expect(await db.select().from(xapiStatement).where(eq(xapiStatement.userId, tia.id))).toHaveLength(2);
	});

	it('resumes from the stored events, keeps the reflection, and reports history and the catalogue', async () => {
		const tia = await trainee();
		const first = (await startAttempt(tia.id, slug, 'practice', 'x1'))!;
		await play(tia.id, first.id, [choose('listen-notes'), choose('no-voicemail')]);
		const resumed = await getAttempt(tia, slug, first.id);
		expect(resumed?.events).toEqual([choose('listen-notes'), choose('no-voicemail')]);
		expect(resumed?.attempt.node).toBe('boiling');
		expect(await saveReflection(tia.id, slug, first.id, 'Unfinished')).toBe(false);

		const second = (await startAttempt(tia.id, slug, 'practice', 'x1'))!;
		await play(tia.id, second.id, best(slug));
		expect(await saveReflection(tia.id, slug, second.id, 'I would take notes sooner.')).toBe(true);
		const history = await listAttempts(tia.id, slug);
		expect(history.map((a) => a.id)).toEqual([second.id, first.id]);
		const entry = (await catalogue(tia.id)).find((c) => c.slug === slug);
		expect(entry).toMatchObject({ attempts: 2, best: 100, passed: true });
		expect((await catalogue(tia.id)).find((c) => c.slug === call)).toMatchObject({ attempts: 0, best: null });
		// Reviewers: an admin, and a trainer of one of Tia's cohorts; not a trainer of another cohort.
		const [admin, coach, stranger] = await Promise.all(
			(['admin', 'trainer', 'trainer'] as const).map((role, i) => createUser({ email: `r${i}@example.com`, name: `R${i}`, password: 'long enough pass', role }).then((u) => u!))
		);
		const cohortId = await createCohort(coach.id, 'Tia’s cohort');
		await db.insert(cohortMember).values({ cohortId, userId: tia.id });
		await createCohort(stranger.id, 'Another cohort');
		for (const reviewer of [admin, coach]) {
			const recent = await recentFinished(reviewer, slug);
			expect(recent).toHaveLength(1);
			expect(recent[0]).toMatchObject({ name: 'Tia', reflection: 'I would take notes sooner.', percent: 100 });
			expect((await getAttempt(reviewer, slug, second.id))?.own).toBe(false);
			expect(await getAttempt(reviewer, slug, first.id)).toBeNull(); // unfinished
		}
		expect(await recentFinished(stranger, slug)).toEqual([]);
		expect(await getAttempt(stranger, slug, second.id)).toBeNull();
	});

	it('a debrief in Korean scores like the English one and reads in Korean, step by step', async () => {
		const tia = await trainee();
		const built = scenarioBySlug.get(slug)!;
		const korean = scenarioIn('ko', slug)!.scenario;
		expect(wordsIn('ko', built)).toBe(korean);
		expect(korean.title).not.toBe(built.scenario.title);
		const attempt = (await startAttempt(tia.id, slug, 'practice', 'x1'))!;
		// A mistake first, so the debrief has a better reply to show.
		await play(tia.id, attempt.id, after('busy-weeks'));
		const loaded = (await getAttempt(tia, slug, attempt.id))!;
		const en = debriefOf(built, loaded.attempt, loaded.events);
		const ko = debriefOf(built, loaded.attempt, loaded.events, korean);
		expect(ko.result.percent).toBe(loaded.attempt.percent);
		expect({ ...ko.result, dimensions: ko.result.dimensions.map(({ label: _label, ...d }) => d) }).toEqual({
			...en.result,
			dimensions: en.result.dimensions.map(({ label: _label, ...d }) => d)
		});
		expect(ko.result.dimensions.map((d) => d.label)).toEqual(korean.rubric.map((d) => d.label));
		expect(ko.steps.map((s) => [s.beat, s.points, s.mistake])).toEqual(en.steps.map((s) => [s.beat, s.points, s.mistake]));
		const first = korean.beats.find((b) => b.id === built.scenario.start)!;
		expect(ko.steps[0]).toMatchObject({
			say: first.say,
			reply: first.choices.find((c) => c.id === 'busy-weeks')!.text,
			feedback: first.choices.find((c) => c.id === 'busy-weeks')!.feedback,
			better: { text: first.choices.find((c) => c.id === 'listen-notes')!.text }
		});
		expect(ko.ending).toEqual(korean.endings.find((e) => e.id === en.ending!.id));
	});

	it('the catalogue reads in the learner’s language with the same attempts', async () => {
		const tia = await trainee();
		await play(tia.id, (await startAttempt(tia.id, slug, 'practice', 'x1'))!.id, best(slug));
		const [en, zh] = [await catalogue(tia.id), await catalogue(tia.id, 'zh-CN')];
		expect(zh.map((c) => c.title)).toEqual(zh.map((c) => scenarioIn('zh-CN', c.slug)!.scenario.title));
		expect(zh.map(({ title: _t, summary: _s, ...rest }) => rest)).toEqual(en.map(({ title: _t, summary: _s, ...rest }) => rest));
	});

	it('refuses to start an unknown scenario', async () => {
		const tia = await trainee();
		expect(await startAttempt(tia.id, 'no-such-scenario', 'practice', 'x1')).toBeNull();
	});
});
