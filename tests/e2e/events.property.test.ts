// The role-play event endpoint over HTTP, property-based: a signed-in trainee (with the Origin
// header a browser sends) posts arbitrary bodies to an attempt's event URL: legal steps, forged,
// repeated and out-of-order ones, wrong types, junk JSON, text that is not JSON at all, and each
// with and without a JSON content type. Every answer is the status the scenario file predicts,
// never a 500, with a message whenever it is not 200.
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { parse } from 'yaml';
import type { RoleplayEvent } from '../../src/lib/roleplay/machine';
import { parseScenario, type Scenario } from '../../src/lib/roleplay/schema';
import { junkText, runs } from '../property';
import { commandArb, expectedStatus, knownIds, resolve, walk, type Command } from '../roleplay-oracle';
import { uniqueEmail } from './helpers';

const scenarios = new Map(
	readdirSync('content/scenarios')
		.filter((f) => f.endsWith('.en.yaml'))
		.map((f) => {
			const parsed = parseScenario(parse(readFileSync(`content/scenarios/${f}`, 'utf8')));
			if (!parsed.ok) throw new Error(parsed.problems.join('; '));
			return [parsed.scenario.slug, parsed.scenario] as const;
		})
);

/** The event a body stands for by the endpoint's published contract, or null when it must answer 400. */
function contract(raw: string): { seq: number; event: RoleplayEvent } | null {
	let body: unknown;
	try {
		body = JSON.parse(raw);
	} catch {
		return null;
	}
	if (typeof body !== 'object' || body === null) return null;
	const { seq, event } = body as { seq?: unknown; event?: { type?: unknown; choiceId?: unknown } | null };
	if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1 || seq > 500 || typeof event !== 'object' || event === null) return null;
	if (event.type === 'reply.timeout') return { seq, event: { type: 'reply.timeout' } };
	if (event.type === 'reply.choose' && typeof event.choiceId === 'string' && /^[a-z0-9-]{1,80}$/.test(event.choiceId))
		return { seq, event: { type: 'reply.choose', choiceId: event.choiceId } };
	return null;
}

// What a forger adds to a real step: a score, a state, a beat of their choosing. All ignored.
const forged = fc.dictionary(fc.constantFrom('score', 'total', 'percent', 'state', 'snapshot', 'context', 'beat', 'node', 'finished'), fc.jsonValue(), { maxKeys: 3 });

type Request =
	| { kind: 'step'; command: Command; extra: Record<string, unknown> }
	| { kind: 'shape'; body: unknown }
	| { kind: 'text'; raw: string };

const requestArb: fc.Arbitrary<Request & { json: boolean }> = fc
	.tuple(
		fc.oneof(
			{ weight: 6, arbitrary: fc.record({ kind: fc.constant('step' as const), command: commandArb(knownIds([...scenarios.values()])), extra: forged }) },
			{
				weight: 2,
				arbitrary: fc.record({
					kind: fc.constant('shape' as const),
					body: fc.oneof(
						fc.record({ seq: fc.oneof(fc.jsonValue(), fc.constantFrom('1', 1.5, 0, -1, 501, 1e21, null)), event: fc.oneof(fc.jsonValue(), fc.record({ type: fc.constantFrom('reply.choose', 'reply.timeout', 'xstate.done', 'REPLY.CHOOSE'), choiceId: fc.oneof(junkText, fc.jsonValue()) })) }),
						fc.jsonValue(),
						fc.anything().map((v) => JSON.parse(JSON.stringify(v) ?? 'null'))
					)
				})
			},
			{ weight: 1, arbitrary: fc.record({ kind: fc.constant('text' as const), raw: fc.oneof(junkText, fc.constantFrom('{', '{"seq":1,', 'seq=1&event=x', 'null', '[]', '""', '\u0000')) }) }
		),
		fc.boolean()
	)
	.map(([request, json]) => ({ ...request, json }));

test('the event endpoint answers arbitrary bodies with the predicted 2xx or 4xx, never a 500, and stores each step once', async ({ playwright, baseURL }) => {
	test.setTimeout(120_000);
	// Form posts as a browser without JavaScript makes them (303 redirects), with its Origin header.
	const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL!, accept: 'text/html' } });
	const signUp = await api.post('/sign-up', { form: { name: 'Prop Tester', email: uniqueEmail('props'), password: 'a fine long passphrase' }, maxRedirects: 0 });
	expect(signUp.status()).toBe(303);
	let finished = 0;
	const statuses = new Set<number>();

	await fc.assert(
		fc.asyncProperty(fc.constantFrom(...scenarios.keys()), fc.constantFrom('x1', 'off'), fc.array(requestArb, { minLength: 1, maxLength: 16 }), async (slug, timer, requests) => {
			const scenario = scenarios.get(slug)!;
			const start = await api.post(`/simulations/${slug}?/start`, { form: { mode: 'practice', timer }, maxRedirects: 0 });
			expect(start.status()).toBe(303);
			const path = `${start.headers().location}/events`;
			const accepted: RoleplayEvent[] = [];

			for (const request of requests) {
				const raw =
					request.kind === 'step'
						? (({ seq, event }) => JSON.stringify({ ...request.extra, seq, event }))(resolve(request.command, scenario, accepted))
						: request.kind === 'shape'
							? JSON.stringify(request.body)
							: request.raw;
				const meant = contract(raw);
				const expected = meant ? expectedStatus(scenario, accepted, meant.seq, meant.event, timer === 'off') : 400;
				const response = await api.post(path, { data: Buffer.from(raw), headers: { 'content-type': request.json ? 'application/json' : 'text/plain' } });
				const answer = await response.json().catch(() => null);
				expect(response.status(), raw.slice(0, 200)).toBe(expected);
				statuses.add(expected);
				if (expected !== 200) {
					expect(answer?.message, raw.slice(0, 200)).toMatch(/\S/);
					continue;
				}
				const resend = meant!.seq <= accepted.length;
				if (!resend) accepted.push(meant!.event);
				const at = walk(scenario, accepted.slice(0, meant!.seq))!;
				expect(answer).toEqual({ seq: meant!.seq, node: at.node, finished: Boolean(at.ending), repeated: resend });
			}

			// Every accepted step was stored once, in order: each resend answers its original result.
			for (const [i, event] of accepted.entries()) {
				const again = await api.post(path, { data: { seq: i + 1, event } });
				expect(again.status()).toBe(200);
				expect(await again.json()).toMatchObject({ seq: i + 1, node: walk(scenario, accepted.slice(0, i + 1))!.node, repeated: true });
			}
			// A finished attempt takes nothing more.
			if (walk(scenario, accepted)?.ending) {
				finished++;
				const more = await api.post(path, { data: { seq: accepted.length + 1, event: { type: 'reply.choose', choiceId: scenario.beats[0].choices[0].id } } });
				expect(more.status()).toBe(409);
			}
		}),
		runs(30)
	);
	// The generator reached every kind of answer, and the ends of conversations.
	expect([...statuses].sort()).toEqual([200, 400, 409, 422]);
	expect(finished).toBeGreaterThan(0);
	await api.dispose();
});
