// Graph analysis of a scenario: what `npm run content:check`, the debrief and the model run need.
// Branches depend on mood, flags and the running total, so reachability and maxima come from
// walking the *states* (beat, mood, flags, total), not just the arrows drawn in the file.
import { initialContext, nextOf, type RoleplayContext, type Step } from './machine';
import { totalOf, type Beat, type Choice, type Reply, type Scenario } from './schema';

/** The best reply at a beat: the choice with the highest total effect (first on a tie). */
export function bestChoice(beat: Beat): Choice {
	return beat.choices.reduce((best, c) => (totalOf(c.effects) > totalOf(best.effects) ? c : best));
}

/** A mistake is a reply (or silence) worth less than the best reply at that beat. */
export const isMistake = (beat: Beat, reply: Reply) => totalOf(reply.effects) < totalOf(bestChoice(beat).effects);

export type Lookup = {
	beats: Map<string, Beat>;
	endings: Map<string, Scenario['endings'][number]>;
};

export const lookup = (scenario: Scenario): Lookup => ({
	beats: new Map(scenario.beats.map((b) => [b.id, b])),
	endings: new Map(scenario.endings.map((e) => [e.id, e]))
});

export const repliesOf = (beat: Beat): Reply[] => (beat.timeout ? [...beat.choices, beat.timeout] : beat.choices);

/** Every target a reply names, branches included. */
const targetsOf = (reply: Reply) => [reply.next, ...reply.branches.map((b) => b.next)];

/** Beat ids on a cycle of the drawn graph (empty when acyclic), found by depth-first search. */
export function findCycle(scenario: Scenario): string[] {
	const { beats } = lookup(scenario);
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (id: string): string[] => {
		if (state.get(id) === 'done' || !beats.has(id)) return [];
		if (state.get(id) === 'open') return [...stack.slice(stack.indexOf(id)), id];
		state.set(id, 'open');
		stack.push(id);
		for (const reply of repliesOf(beats.get(id)!))
			for (const target of targetsOf(reply)) {
				const cycle = visit(target);
				if (cycle.length) return cycle;
			}
		stack.pop();
		state.set(id, 'done');
		return [];
	};
	for (const beat of scenario.beats) {
		const cycle = visit(beat.id);
		if (cycle.length) return cycle;
	}
	return [];
}

export type Analysis = {
	/** Best possible total over all paths: the denominator of the score percent. */
	maxTotal: number;
	/** Best possible score per dimension, each over all paths. */
	maxByDimension: Record<string, number>;
	/** Most decisions on any path. */
	longestPath: number;
	/** Number of distinct complete paths. */
	pathCount: number;
	reachableBeats: Set<string>;
	reachableEndings: Set<string>;
	/** The model run: the best reply at every beat, and where it ends. */
	bestPath: Step[];
	bestEnding: string;
};

type Summary = { maxTotal: number; maxDims: Record<string, number>; depth: number; paths: number };

/** Walks every reachable state once (memoised on what guards can see). Assumes an acyclic graph. */
export function analyse(scenario: Scenario): Analysis {
	const { beats, endings } = lookup(scenario);
	const dims = scenario.rubric.map((d) => d.id);
	const zero = () => Object.fromEntries(dims.map((d) => [d, 0]));
	const memo = new Map<string, Summary>();
	const reachableBeats = new Set<string>();
	const reachableEndings = new Set<string>();

	const walk = (node: string, context: RoleplayContext): Summary => {
		const beat = beats.get(node);
		if (!beat) {
			if (endings.has(node)) reachableEndings.add(node);
			return { maxTotal: 0, maxDims: zero(), depth: 0, paths: 1 };
		}
		const key = `${node}|${context.mood}|${context.total}|${context.flags.join(',')}`;
		const known = memo.get(key);
		if (known) return known;
		reachableBeats.add(node);
		const summary: Summary = { maxTotal: -Infinity, maxDims: Object.fromEntries(dims.map((d) => [d, -Infinity])), depth: 0, paths: 0 };
		for (const reply of repliesOf(beat)) {
			const { after, next } = nextOf(beat, reply, context);
			const rest = walk(next, after);
			summary.maxTotal = Math.max(summary.maxTotal, totalOf(reply.effects) + rest.maxTotal);
			for (const d of dims) summary.maxDims[d] = Math.max(summary.maxDims[d], (reply.effects[d] ?? 0) + rest.maxDims[d]);
			summary.depth = Math.max(summary.depth, 1 + rest.depth);
			summary.paths += rest.paths;
		}
		memo.set(key, summary);
		return summary;
	};

	const start = initialContext(scenario);
	const all = walk(scenario.start, start);
	const best = bestPath(scenario);
	return {
		maxTotal: all.maxTotal,
		maxByDimension: all.maxDims,
		longestPath: all.depth,
		pathCount: all.paths,
		reachableBeats,
		reachableEndings,
		bestPath: best.path,
		bestEnding: best.ending
	};
}

/** Plays the best reply at every beat from the start. */
export function bestPath(scenario: Scenario) {
	const { beats } = lookup(scenario);
	let context = initialContext(scenario);
	let node = scenario.start;
	// Bounded by the number of beats, so a cyclic file cannot hang the check.
	for (let i = 0; i <= scenario.beats.length && beats.has(node); i++) {
		const beat = beats.get(node)!;
		({ after: context, next: node } = nextOf(beat, bestChoice(beat), context));
	}
	return { path: context.path, ending: node, context };
}
