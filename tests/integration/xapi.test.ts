import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonBySlug } from '$lib/server/content';
import { db } from '$lib/server/db';
import { xapiStatement } from '$lib/server/db/schema';
import { markSectionRead, submitCheck } from '$lib/server/lessons';
import { createUser } from '$lib/server/users';
import { deliverPending } from '$lib/server/xapi/outbox';
import { statementProblems } from '$lib/server/xapi/validate';
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
				result: { score: { scaled: 2, raw: 5, min: 0, max: 4 } },
				timestamp: 'yesterday'
			})
		).toEqual(
			expect.arrayContaining([
				'verb.display has an invalid language tag "english"',
				'object.definition.interactionType is not an xAPI interaction type',
				'result.score.scaled must be between -1 and 1',
				'result.score.raw must lie between min and max',
				'timestamp must be ISO 8601 with a time zone'
			])
		);
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
