import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay, type RoleplayEvent } from '$lib/roleplay/machine';
import { resultOf } from '$lib/roleplay/score';
import type { Beat } from '$lib/roleplay/schema';
import type { Item } from '$lib/selfcheck/definition';
import { createCohort } from '$lib/server/cohorts';
import { lessonBySlug, scenarioBySlug } from '$lib/server/content';
import { db } from '$lib/server/db';
import { cohortMember, simulationAttempt, simulationEvent, xapiStatement } from '$lib/server/db/schema';
import { markSectionRead, submitCheck } from '$lib/server/lessons';
import { findForm, submitSelfCheck } from '$lib/server/selfchecks';
import { machineFor, recordEvent, startAttempt } from '$lib/server/simulations';
import { createUser } from '$lib/server/users';
import { deliverPending } from '$lib/server/xapi/outbox';
import { duration, stableId } from '$lib/server/xapi/statements';
import { statementProblems } from '$lib/server/xapi/validate';
import { GET as cohortDownload } from '../../src/routes/trainer/cohorts/[id]/xapi.json/+server';
import { useDatabase } from './db';

useDatabase();

const lesson = lessonBySlug.get('time-management')!;
const right = Object.fromEntries(lesson.questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));

/**
 * A small learning-record store on loopback that misbehaves on purpose: some requests fail
 * before storing, some store and then lose the reply. It keeps statements by id, as an LRS must.
 */
function flakyLrs() {
	const stored = new Map<string, unknown>();
	let requests = 0;
	const server: Server = createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			requests++;
			if (req.headers['x-experience-api-version'] !== '1.0.3' || req.headers.authorization !== `Basic ${btoa('lrs:secret')}`) {
				res.writeHead(401).end();
				return;
			}
			if (requests % 3 === 1) {
				res.writeHead(503).end();
				return;
			}
			const statements = JSON.parse(body) as { id: string }[];
			const problems = statements.flatMap((s) => statementProblems(s));
			if (problems.length) {
				res.writeHead(400).end(problems.join('\n'));
				return;
			}
			const conflict = statements.some((s) => stored.has(s.id) && JSON.stringify(stored.get(s.id)) !== JSON.stringify(s));
			for (const s of statements) if (!stored.has(s.id)) stored.set(s.id, s);
			if (requests % 3 === 2) {
				req.socket.destroy(); // stored, but the reply is lost
				return;
			}
			res.writeHead(conflict ? 409 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(statements.map((s) => s.id)));
		});
	});
	return { server, stored, requests: () => requests };
}

describe('xAPI statements', () => {
	it('records valid statements for answers, the check result and the completed lesson', async () => {
		const user = (await createUser({ email: 'x@example.com', name: 'X', password: 'long enough pass' }))!;
		await submitCheck(user.id, lesson, right);
		for (const s of lesson.sections) await markSectionRead(user.id, lesson.slug, s.id);
		const rows = await db.select().from(xapiStatement);
		const statements = rows.map((r) => r.statement as { verb: { id: string }; object: { id: string }; result?: { score?: { scaled: number } } });
		for (const s of statements) expect(statementProblems(s)).toEqual([]);
		const verbs = statements.map((s) => s.verb.id.split('/').pop());
		expect(verbs.filter((v) => v === 'answered')).toHaveLength(lesson.questions.length);
		expect(verbs).toContain('passed');
		expect(verbs.filter((v) => v === 'completed')).toHaveLength(1);
		expect(statements.find((s) => s.verb.id.endsWith('passed'))!.result!.score!.scaled).toBe(1);
		// Marking read again does not complete the lesson a second time.
		await markSectionRead(user.id, lesson.slug, lesson.sections[0].id);
		expect(await db.select().from(xapiStatement)).toHaveLength(rows.length);
	});

	it('the validator catches statements that break the rules', () => {
		expect(statementProblems({ actor: {}, verb: { id: 'not an iri' }, object: { id: 'x' } })).toEqual(
			expect.arrayContaining(['actor must have exactly one inverse functional identifier', 'verb.id must be an IRI', 'object.id must be an IRI'])
		);
		expect(
			statementProblems({
				actor: { mbox: 'mailto:a@b.c' },
				verb: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { english: 'passed' } },
				object: { id: 'http://x/y', definition: { interactionType: 'quiz' } },
				result: { score: { scaled: 2, raw: 5, min: 0, max: 4 }, duration: '90 seconds', extensions: { effects: {} } },
				context: { extensions: { 'http://x/mode': 'practice', mode: 'practice' } },
				timestamp: 'yesterday'
			})
		).toEqual(
			expect.arrayContaining([
				'verb.display has an invalid language tag "english"',
				'object.definition.interactionType is not an xAPI interaction type',
				'result.score.scaled must be between -1 and 1',
				'result.score.raw must lie between min and max',
				'result.duration must be an ISO 8601 duration',
				'result.extensions key "effects" must be an IRI',
				'context.extensions key "mode" must be an IRI',
				'timestamp must be ISO 8601 with a time zone'
			])
		);
	});
});

type Stored = {
	id: string;
	verb: { id: string };
	object: { id: string; definition: { type: string; interactionType?: string; choices?: { id: string }[] } };
	result?: {
		response?: string;
		success?: boolean;
		completion?: boolean;
		duration?: string;
		score?: { scaled: number; raw: number; min: number; max: number };
		extensions?: Record<string, unknown>;
	};
	context: { registration?: string; contextActivities?: { parent: { id: string; definition: { type: string } }[] }; extensions?: Record<string, unknown> };
	timestamp: string;
};
const statements = async () => (await db.select().from(xapiStatement).orderBy(asc(xapiStatement.storedAt))).map((r) => r.statement as unknown as Stored);
const verbOf = (s: Stored) => s.verb.id.split('/').pop();
const person = async (name: string, role: 'trainee' | 'trainer' = 'trainee') =>
	(await createUser({ email: `${name}@example.com`, name, password: 'long enough pass', role }))!;

const slug = 'call-bad-line';
const built = scenarioBySlug.get(slug)!;
const scenario = built.scenario;
const beatById = new Map(scenario.beats.map((b) => [b.id, b]));
const best = (beat: Beat): RoleplayEvent => ({ type: 'reply.choose', choiceId: built.analysis.bestPath.find((s) => s.beat === beat.id)?.choiceId ?? beat.choices[0].id });

/** Plays an attempt to its end through the server, choosing each reply by `policy`; the events sent. */
async function play(userId: string, attemptId: string, policy: (beat: Beat) => RoleplayEvent) {
	const sent: RoleplayEvent[] = [];
	let node = scenario.start;
	for (let seq = 1; beatById.has(node); seq++) {
		const event = policy(beatById.get(node)!);
		const outcome = await recordEvent(userId, slug, attemptId, seq, event);
		if (outcome.status !== 200) throw new Error(outcome.message);
		sent.push(event);
		node = outcome.node;
	}
	return sent;
}

describe('role-play and self-check statements', () => {
	it('makes name-based UUIDs as RFC 4122 version 5 does, and ISO 8601 durations', () => {
		expect(stableId('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
		expect(stableId('a')).toBe(stableId('a'));
		expect(stableId('a')).not.toBe(stableId('b'));
		expect([duration(0), duration(1500), duration(61_234)]).toEqual(['PT0S', 'PT1.5S', 'PT61.23S']);
	});

	it('records one answered per reply, a timeout as its own response, then completed and the server’s pass or fail', async () => {
		const tia = await person('tia');
		const attempt = (await startAttempt(tia.id, slug, 'assessment', 'x1'))!;
		// The best reply everywhere except silence at the line that is hard to hear.
		const sent = await play(tia.id, attempt.id, (beat) => (beat.id === 'line-unclear' ? { type: 'reply.timeout' } : best(beat)));
		const all = await statements();
		for (const s of all) expect(statementProblems(s)).toEqual([]);

		const answered = all.filter((s) => verbOf(s) === 'answered');
		expect(answered.map((s) => s.result!.response)).toEqual(sent.map((e) => (e.type === 'reply.timeout' ? 'timeout' : e.choiceId)));
		const events = await db.select().from(simulationEvent).where(eq(simulationEvent.attemptId, attempt.id)).orderBy(asc(simulationEvent.seq));
		for (const [i, s] of answered.entries()) {
			expect(s.id).toBe(stableId(`simulation-event/${attempt.id}/${i + 1}`));
			expect(s.timestamp).toBe(events[i].createdAt.toISOString());
			expect(s.context.registration).toBe(attempt.id);
			expect(s.context.contextActivities!.parent[0]).toMatchObject({
				id: expect.stringMatching(/\/simulations\/call-bad-line$/),
				definition: { type: 'http://adlnet.gov/expapi/activities/simulation' }
			});
			const beat = scenario.beats.find((b) => s.object.id.endsWith(`#${b.id}`))!;
			expect(s.object.definition).toMatchObject({ type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice' });
			expect(s.object.definition.choices!.map((c) => c.id)).toEqual([...beat.choices.map((c) => c.id), 'timeout']);
			const reply = s.result!.response === 'timeout' ? beat.timeout! : beat.choices.find((c) => c.id === s.result!.response)!;
			expect(Object.entries(s.result!.extensions!).find(([key]) => key.endsWith('/rubric-effects'))![1]).toEqual(reply.effects);
		}
		expect(answered.find((s) => s.result!.response === 'timeout')!.result!.success).toBe(false);

		// The score the statements carry is the one the server replayed and stored.
		const [row] = await db.select().from(simulationAttempt).where(eq(simulationAttempt.id, attempt.id));
		const replayed = replay(machineFor(slug)!.machine, sent);
		const score = resultOf(scenario, built.analysis, replayed.snapshot.context);
		expect(row.percent).toBe(score.percent);
		expect(all.filter((s) => verbOf(s) === 'completed')).toHaveLength(1);
		const judged = all.filter((s) => verbOf(s) === 'passed' || verbOf(s) === 'failed');
		expect(judged).toHaveLength(1);
		expect(verbOf(judged[0])).toBe(row.passed ? 'passed' : 'failed');
		expect(judged[0].result).toMatchObject({
			success: row.passed,
			completion: true,
			score: { scaled: score.percent / 100, raw: score.total, min: 0, max: score.maxTotal },
			duration: expect.stringMatching(/^PT[\d.]+S$/)
		});
		expect(judged[0].context.registration).toBe(attempt.id);
		expect(judged[0].context.extensions).toMatchObject({ 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': scenario.passMark / 100 });
		expect(judged[0].timestamp).toBe(row.finishedAt!.toISOString());
		expect(all).toHaveLength(sent.length + 2);
	});

	it('records failed when silence ends the call at once', async () => {
		const tia = await person('tia');
		const attempt = (await startAttempt(tia.id, slug, 'practice', 'x1'))!;
		const sent = await play(tia.id, attempt.id, () => ({ type: 'reply.timeout' }));
		const all = await statements();
		for (const s of all) expect(statementProblems(s)).toEqual([]);
		expect(all.map(verbOf)).toEqual([...sent.map(() => 'answered'), 'completed', 'failed']);
		const [row] = await db.select().from(simulationAttempt).where(eq(simulationAttempt.id, attempt.id));
		expect(row.passed).toBe(false);
		expect(all.at(-1)!.result).toMatchObject({ success: false, score: { scaled: row.percent! / 100 } });
		// A step after the ending is refused and records nothing.
		expect(await recordEvent(tia.id, slug, attempt.id, sent.length + 1, { type: 'reply.timeout' })).toMatchObject({ status: 409 });
		expect(await statements()).toHaveLength(all.length);
	});

	it('records nothing more for a resend, two tabs sending one step, or a refused event', async () => {
		const tia = await person('tia');
		const attempt = (await startAttempt(tia.id, slug, 'practice', 'off'))!;
		const answer = beatById.get(scenario.start)!;
		await recordEvent(tia.id, slug, attempt.id, 1, best(answer));
		expect(await recordEvent(tia.id, slug, attempt.id, 1, best(answer))).toMatchObject({ status: 200, repeated: true });
		const next = beatById.get(answer.choices.find((c) => c.id === (best(answer) as { choiceId: string }).choiceId)!.next)!;
		const tabs = await Promise.all([recordEvent(tia.id, slug, attempt.id, 2, best(next)), recordEvent(tia.id, slug, attempt.id, 2, best(next))]);
		expect(tabs.map((t) => t.status === 200 && t.repeated).sort()).toEqual([false, true]);
		expect(await statements()).toHaveLength(2);

		// A changed reply for a recorded step, a reply from another beat, a timeout with timers off, a gap.
		expect(await recordEvent(tia.id, slug, attempt.id, 1, { type: 'reply.choose', choiceId: answer.choices[1].id })).toMatchObject({ status: 409 });
		expect(await recordEvent(tia.id, slug, attempt.id, 3, { type: 'reply.choose', choiceId: 'facts' })).toMatchObject({ status: 422 });
		expect(await recordEvent(tia.id, slug, attempt.id, 3, { type: 'reply.timeout' })).toMatchObject({ status: 422 });
		expect(await recordEvent(tia.id, slug, attempt.id, 5, best(next))).toMatchObject({ status: 409 });
		expect(await statements()).toHaveLength(2);
	});

	it('records a completed self-check, scored when the form gives the learner a score, once per submission', async () => {
		const mina = await person('mina');
		const form = findForm('time-management')!;
		// Good but not perfect answers: neither 0 nor 1 scaled.
		const answer = (i: Item) =>
			i.kind === 'likert' ? '4' : i.kind === 'yesno' ? 'yes' : i.kind === 'choice' ? i.options[1].id : i.kind === 'number' ? String(i.default ?? i.min) : 'A note';
		const fields = Object.fromEntries(form.kind === 'daily-plan' ? [] : form.sections.flatMap((s) => s.items).map((i) => [i.id, answer(i)]));
		const key = crypto.randomUUID();
		const first = await submitSelfCheck(mina.id, form, fields, key);
		expect(first.ok).toBe(true);
		expect(await submitSelfCheck(mina.id, form, fields, key)).toEqual(first);
		expect((await submitSelfCheck(mina.id, form, { nonsense: '1' }, crypto.randomUUID())).ok).toBe(false);
		const hour = await submitSelfCheck(mina.id, findForm('hour-value')!, { income: '80000', 'weekly-hours': '40', 'days-per-week': '5', 'idle-minutes': '60' }, crypto.randomUUID());
		expect(hour.ok).toBe(true);

		const [check, calculator] = await statements();
		expect(await statements()).toHaveLength(2);
		for (const s of [check, calculator]) expect(statementProblems(s)).toEqual([]);
		expect(verbOf(check)).toBe('completed');
		expect(check.id).toBe(stableId(`self-check-submission/${first.ok && first.id}`));
		expect(check.object).toMatchObject({ id: expect.stringMatching(/\/self-checks\/time-management$/), definition: { type: 'http://adlnet.gov/expapi/activities/assessment' } });
		expect(check.result).toMatchObject({ completion: true, score: { scaled: expect.any(Number), min: 0 } });
		expect(check.result!.score!.scaled).toBeGreaterThan(0);
		expect(check.result!.score!.scaled).toBeLessThan(1);
		// The calculator gives a value, not a score.
		expect(calculator.result).toEqual({ completion: true });
	});

	it('the cohort download holds role-play and self-check statements of its trainees only', async () => {
		const coach = await person('coach', 'trainer');
		const tia = await person('tia');
		const stranger = await person('stranger');
		const cohortId = await createCohort(coach.id, 'Callers');
		await db.insert(cohortMember).values({ cohortId, userId: tia.id });
		for (const who of [tia, stranger]) {
			const attempt = (await startAttempt(who.id, slug, 'assessment', 'x1'))!;
			await play(who.id, attempt.id, best);
		}
		await submitSelfCheck(tia.id, findForm('hour-value')!, { income: '80000', 'weekly-hours': '40', 'days-per-week': '5', 'idle-minutes': '0' }, crypto.randomUUID());

		const response = await cohortDownload({
			locals: { user: coach, session: null },
			url: new URL(`http://localhost/trainer/cohorts/${cohortId}/xapi.json`),
			params: { id: cohortId }
		} as unknown as Parameters<typeof cohortDownload>[0]);
		const body = (await response.json()) as { statements: Stored[] };
		const mine = (await db.select().from(xapiStatement).where(eq(xapiStatement.userId, tia.id))).map((r) => r.id);
		expect(body.statements.map((s) => s.id).sort()).toEqual(mine.sort());
		const verbs = body.statements.map(verbOf);
		expect(verbs).toContain('answered');
		expect(verbs).toContain('passed');
		expect(body.statements.some((s) => s.object.id.endsWith('/self-checks/hour-value'))).toBe(true);
		for (const s of body.statements) expect(statementProblems(s)).toEqual([]);
	});
});

describe('delivery to a learning-record store', () => {
	const lrs = flakyLrs();
	let endpoint = '';
	beforeAll(async () => {
		await new Promise<void>((resolve) => lrs.server.listen(0, '127.0.0.1', resolve));
		endpoint = `http://127.0.0.1:${(lrs.server.address() as AddressInfo).port}/xapi`;
	});
	afterAll(() => new Promise<void>((resolve) => lrs.server.close(() => resolve())));

	it('delivers every statement exactly once through failures and lost replies', async () => {
		const user = (await createUser({ email: 'y@example.com', name: 'Y', password: 'long enough pass' }))!;
		for (let i = 0; i < 3; i++) await submitCheck(user.id, lesson, right);
		const total = (await db.select().from(xapiStatement)).length;
		const config = { endpoint, username: 'lrs', password: 'secret', timeoutMs: 2_000 };

		for (let round = 0; round < 12; round++) {
			await deliverPending(config, 10);
			// Skip the back-off wait: make every failed row due again.
			await db.update(xapiStatement).set({ nextTryAt: new Date(0) });
		}
		const rows = await db.select().from(xapiStatement);
		expect(rows.filter((r) => r.sentAt === null)).toEqual([]);
		expect(lrs.stored.size).toBe(total);
		expect(new Set(rows.map((r) => r.id))).toEqual(new Set(lrs.stored.keys()));
		expect(lrs.requests()).toBeGreaterThan(Math.ceil(total / 10));
	});

	it('keeps statements, with the error and a later retry time, while the store is down', async () => {
		const user = (await createUser({ email: 'z@example.com', name: 'Z', password: 'long enough pass' }))!;
		await submitCheck(user.id, lesson, right);
		const result = await deliverPending({ endpoint: 'http://127.0.0.1:9/xapi', timeoutMs: 500 });
		expect(result.sent).toBe(0);
		const rows = await db.select().from(xapiStatement);
		expect(rows.every((r) => r.sentAt === null && r.tries === 1 && r.lastError && r.nextTryAt.getTime() > Date.now())).toBe(true);
		// Not due yet: the next run leaves them alone.
		expect(await deliverPending({ endpoint, username: 'lrs', password: 'secret' })).toEqual({ sent: 0, failed: 0 });
	});
});
