// Model-based tests: xstate/graph walks each scenario's machine, and every path it finds is
// replayed the way the server replays an attempt. The replayed score must equal the sum of the
// effects along the path, stay within the analysed maxima, and every walk must reach an ending.
import { describe, expect, it } from 'vitest';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { analyse, bestChoice, lookup } from '$lib/roleplay/analysis';
import { compileScenario, initialContext, nextOf, nodeOf, replay, type RoleplayEvent, type RoleplaySnapshot } from '$lib/roleplay/machine';
import { totalOf, type Scenario } from '$lib/roleplay/schema';
import { buildScenarios } from '$lib/server/content/scenarios';
import { scenarioFiles } from './scenario-files';
import { tinyScenario } from './tiny-scenario';

const { scenarios, problems } = buildScenarios(scenarioFiles());

function eventsFor(scenario: Scenario) {
	const { beats } = lookup(scenario);
	return (snapshot: RoleplaySnapshot): RoleplayEvent[] => {
		const beat = beats.get(nodeOf(snapshot));
		if (!beat) return [];
		return [
			...beat.choices.map((c) => ({ type: 'reply.choose' as const, choiceId: c.id })),
			...(beat.timeout ? [{ type: 'reply.timeout' as const }] : [])
		];
	};
}

/** What the guards can see: two paths reaching the same key continue identically. */
/** The events of a walked path, without the `xstate.init` step xstate/graph puts first. */
const eventsOf = (steps: { event: { type: string } }[]) =>
	steps.map((s) => s.event).filter((e): e is RoleplayEvent => e.type.startsWith('reply.'));

const serializeState = (s: RoleplaySnapshot) => `${nodeOf(s)}|${s.context.mood}|${s.context.total}|${s.context.flags.join(',')}`;

/** The sum of effects along recorded events, computed from the file alone, not the machine. */
function sumOfEffects(scenario: Scenario, events: RoleplayEvent[]) {
	const { beats } = lookup(scenario);
	let node = scenario.start;
	let context = initialContext(scenario);
	const scores: Record<string, number> = Object.fromEntries(scenario.rubric.map((d) => [d.id, 0]));
	for (const event of events) {
		const beat = beats.get(node)!;
		const reply = event.type === 'reply.timeout' ? beat.timeout! : beat.choices.find((c) => c.id === event.choiceId)!;
		for (const [d, n] of Object.entries(reply.effects)) scores[d] += n;
		({ after: context, next: node } = nextOf(beat, reply, context));
	}
	return { scores, total: totalOf(scores), node };
}

/** Continues from a state with the best reply at every beat until an ending. */
function finishWithBest(scenario: Scenario, snapshot: RoleplaySnapshot): RoleplayEvent[] {
	const { beats } = lookup(scenario);
	const events: RoleplayEvent[] = [];
	let node = nodeOf(snapshot);
	let context = snapshot.context;
	while (beats.has(node)) {
		const beat = beats.get(node)!;
		const best = bestChoice(beat);
		events.push({ type: 'reply.choose', choiceId: best.id });
		({ after: context, next: node } = nextOf(beat, best, context));
		expect(events.length).toBeLessThanOrEqual(scenario.beats.length);
	}
	return events;
}

it('all six scenario files pass the checks', () => {
	expect(problems).toEqual([]);
	expect(scenarios.map((s) => s.scenario.slug).sort()).toEqual([
		'call-bad-line',
		'call-event-invitation',
		'complaint-new-car',
		'complaint-nobody-answers',
		'objection-cant-afford',
		'objection-supplements'
	]);
	for (const kind of ['complaint', 'call', 'objection']) expect(scenarios.filter((s) => s.scenario.kind === kind)).toHaveLength(2);
});

describe.each(scenarios.map((s) => [s.scenario.slug, s] as const))('%s', (_slug, { scenario, analysis }) => {
	const machine = compileScenario(scenario);
	const endings = new Map(scenario.endings.map((e) => [e.id, e]));

	it('has at least 10 decisions on its longest path and at least 3 distinct endings', () => {
		expect(analysis.longestPath).toBeGreaterThanOrEqual(10);
		expect(analysis.reachableEndings.size).toBeGreaterThanOrEqual(3);
		expect(new Set(scenario.endings.map((e) => e.outcome))).toEqual(new Set(['success', 'partial', 'failure']));
	});

	it('the model run (best reply everywhere) reaches a success ending with the maximum total', () => {
		const run = replay(machine, analysis.bestPath.map((s) => ({ type: 'reply.choose' as const, choiceId: s.choiceId! })));
		expect(run.ok).toBe(true);
		expect(run.snapshot.status).toBe('done');
		expect(nodeOf(run.snapshot)).toBe(analysis.bestEnding);
		expect(endings.get(analysis.bestEnding)?.outcome).toBe('success');
		expect(run.snapshot.context.total).toBe(analysis.maxTotal);
	});

	it('every reachable state, replayed as the server does, scores the sum of its effects within bounds and can reach an ending', () => {
		const paths = getShortestPaths(machine, { events: eventsFor(scenario), serializeState });
		expect(paths.length).toBeGreaterThan(scenario.beats.length);
		const seenBeats = new Set<string>();
		const seenEndings = new Set<string>();
		for (const path of paths) {
			const events = eventsOf(path.steps);
			const continued = [...events, ...finishWithBest(scenario, path.state)];
			const server = replay(machine, continued);
			expect(server.ok).toBe(true);
			expect(server.snapshot.status).toBe('done');
			const expected = sumOfEffects(scenario, continued);
			expect(server.snapshot.context.scores).toEqual(expected.scores);
			expect(server.snapshot.context.total).toBe(expected.total);
			expect(nodeOf(server.snapshot)).toBe(expected.node);
			expect(endings.has(nodeOf(server.snapshot))).toBe(true);
			expect(server.snapshot.context.total).toBeLessThanOrEqual(analysis.maxTotal);
			for (const d of scenario.rubric) expect(server.snapshot.context.scores[d.id]).toBeLessThanOrEqual(analysis.maxByDimension[d.id]);
			expect(server.snapshot.context.mood).toBeGreaterThanOrEqual(-3);
			expect(server.snapshot.context.mood).toBeLessThanOrEqual(3);
			const node = nodeOf(path.state);
			(endings.has(node) ? seenEndings : seenBeats).add(node);
		}
		// The walk saw every beat and every ending the analysis found reachable, and no others.
		expect(seenBeats).toEqual(analysis.reachableBeats);
		expect(seenEndings).toEqual(analysis.reachableEndings);
		expect(seenBeats.size).toBe(scenario.beats.length);
		expect(seenEndings.size).toBe(scenario.endings.length);
	}, 60_000);

	it('reaches the maximum of each dimension on some walked path', () => {
		const paths = getShortestPaths(machine, {
			events: eventsFor(scenario),
			serializeState,
			toState: (s) => s.status === 'done'
		});
		// Shortest paths pick one path per state, so a dimension's maximum may need another path:
		// the analysis must never be below what any walked path achieves.
		for (const path of paths)
			for (const d of scenario.rubric) expect(path.state.context.scores[d.id]).toBeLessThanOrEqual(analysis.maxByDimension[d.id]);
		expect(Math.max(...paths.map((p) => p.state.context.total))).toBe(analysis.maxTotal);
	});
});

describe('every simple path of a small scenario', () => {
	it('agrees with the analysis: path count, maxima, endings and scores', () => {
		// Started late (at beat 6 of 10), so xstate/graph can list every path quickly.
		const scenario = { ...tinyScenario(), start: 'b6' };
		scenario.beats = scenario.beats.slice(5);
		const machine = compileScenario(scenario);
		const analysis = analyse(scenario);
		expect(analysis.pathCount).toBe(2 ** 5);
		const paths = getSimplePaths(machine, {
			events: eventsFor(scenario),
			serializeState: (s) => JSON.stringify([s.value, s.context.path]),
			toState: (s) => s.status === 'done'
		});
		expect(paths).toHaveLength(analysis.pathCount);
		let maxTotal = -Infinity;
		const maxDims: Record<string, number> = {};
		for (const path of paths) {
			const events = eventsOf(path.steps);
			const server = replay(machine, events);
			expect(server.ok).toBe(true);
			expect(server.snapshot.context.total).toBe(sumOfEffects(scenario, events).total);
			maxTotal = Math.max(maxTotal, server.snapshot.context.total);
			for (const [d, n] of Object.entries(server.snapshot.context.scores)) maxDims[d] = Math.max(maxDims[d] ?? -Infinity, n);
		}
		expect(maxTotal).toBe(analysis.maxTotal);
		expect(maxDims).toEqual(analysis.maxByDimension);
		expect(new Set(paths.map((p) => nodeOf(p.state)))).toEqual(analysis.reachableEndings);
		expect(analysis.reachableEndings).toEqual(new Set(['meh', 'lose']));
	});
});
