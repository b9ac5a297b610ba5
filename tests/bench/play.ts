// Random but legal play-throughs of the role-play scenarios, shared by the data generator, the
// HTTP benchmark and the load run: every event list here is one the server's replay accepts.
import { lookup } from '$lib/roleplay/analysis';
import { initialContext, nextOf, type RoleplayContext, type RoleplayEvent } from '$lib/roleplay/machine';
import { resultOf } from '$lib/roleplay/score';
import { totalOf } from '$lib/roleplay/schema';
import type { BuiltScenario } from '$lib/server/content/scenarios';

/** A small seeded PRNG (mulberry32), so generated data is the same on every run. */
export function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export type Play = {
	events: RoleplayEvent[];
	context: RoleplayContext;
	/** Where the conversation stands after each event: trail[k] follows events[k]. */
	trail: { node: string; context: RoleplayContext }[];
	/** The ending reached, with the score the server would store for it. */
	ending: { id: string; outcome: 'success' | 'partial' | 'failure'; percent: number; passed: boolean };
};

/**
 * Walks a scenario from its start to an ending, at each beat choosing a random reply (the better
 * ones more often, as a learning trainee would) or, where the beat has a timer, sometimes silence.
 */
export function randomPlay(built: BuiltScenario, rand: () => number, { timeouts = true } = {}): Play {
	const { scenario, analysis } = built;
	const { beats, endings } = lookup(scenario);
	let context = initialContext(scenario);
	let node = scenario.start;
	const events: RoleplayEvent[] = [];
	const trail: Play['trail'] = [];
	// Acyclic by content:check; the bound only guards against a broken file.
	for (let i = 0; i < 500 && beats.has(node); i++) {
		const beat = beats.get(node)!;
		const silent = timeouts && beat.timeout && rand() < 0.05;
		const ranked = [...beat.choices].sort((x, y) => totalOf(y.effects) - totalOf(x.effects));
		const choice = silent ? null : ranked[Math.floor(rand() ** 1.5 * ranked.length)];
		const reply = choice ?? beat.timeout!;
		events.push(choice ? { type: 'reply.choose', choiceId: choice.id } : { type: 'reply.timeout' });
		({ after: context, next: node } = nextOf(beat, reply, context));
		trail.push({ node, context });
	}
	const ending = endings.get(node);
	if (!ending) throw new Error(`${scenario.slug}: play did not reach an ending (at ${node})`);
	const score = resultOf(scenario, analysis, context);
	return { events, context, trail, ending: { id: ending.id, outcome: ending.outcome, percent: score.percent, passed: score.passed } };
}
