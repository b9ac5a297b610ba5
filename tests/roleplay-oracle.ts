// An independent reading of a scenario file, for property tests: where a list of events leads,
// walked through the file's beats and replies with the pure helpers, without the XState machine
// the server replays them through.
import fc from 'fast-check';
import { lookup } from '../src/lib/roleplay/analysis';
import { initialContext, nextOf, type RoleplayContext, type RoleplayEvent } from '../src/lib/roleplay/machine';
import type { Scenario } from '../src/lib/roleplay/schema';
import { junkText } from './property';

/** Where the events lead by the scenario file alone, or null at the first one it does not allow. */
export function walk(scenario: Scenario, events: readonly RoleplayEvent[]) {
	const { beats, endings } = lookup(scenario);
	let node = scenario.start;
	let context: RoleplayContext = initialContext(scenario);
	for (const event of events) {
		const beat = beats.get(node);
		const reply = beat && (event.type === 'reply.timeout' ? beat.timeout : beat.choices.find((c) => c.id === event.choiceId));
		if (!beat || !reply) return null;
		({ after: context, next: node } = nextOf(beat, reply, context));
	}
	return { node, context, ending: endings.get(node) };
}

/** The replies the file allows after `events` (none after an ending). */
export function legalAt(scenario: Scenario, events: readonly RoleplayEvent[]): RoleplayEvent[] {
	const at = walk(scenario, events);
	const beat = at && lookup(scenario).beats.get(at.node);
	if (!beat) return [];
	return [
		...beat.choices.map((c): RoleplayEvent => ({ type: 'reply.choose', choiceId: c.id })),
		...(beat.timeout ? [{ type: 'reply.timeout' } as const] : [])
	];
}

/** Ids a forger would try: every choice of every scenario (replies from other beats), beat and ending ids, slugs. */
export const knownIds = (scenarios: readonly Scenario[]) => [
	...new Set(
		scenarios.flatMap((scenario) => [
			scenario.slug,
			...scenario.endings.map((e) => e.id),
			...scenario.beats.flatMap((b) => [b.id, ...b.choices.map((c) => c.id)])
		])
	)
];

export const samePayload = (a: RoleplayEvent, b: RoleplayEvent) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What recording `event` as step `seq` should answer, given the events accepted so far: the
 * original result for a resend, 409 for a changed resend, a gap or a finished attempt, 422 for a
 * reply the current beat does not have (or silence with timers off).
 */
export function expectedStatus(scenario: Scenario, accepted: readonly RoleplayEvent[], seq: number, event: RoleplayEvent, timersOff: boolean) {
	if (seq < 1) return 422;
	if (seq <= accepted.length) return samePayload(accepted[seq - 1], event) ? 200 : 409;
	if (walk(scenario, accepted)?.ending || seq !== accepted.length + 1) return 409;
	if (event.type === 'reply.timeout' && timersOff) return 422;
	return walk(scenario, [...accepted, event]) ? 200 : 422;
}

/**
 * One step a client might send, chosen before the attempt's state is known and resolved against
 * it by `resolve`: mostly a legal reply as the next step, otherwise a forged or junk choice id,
 * silence, a resend of a recorded reply, a recorded step number or any step number.
 */
export type Command = {
	event: { kind: 'legal'; pick: number } | { kind: 'choose'; choiceId: string } | { kind: 'timeout' } | { kind: 'recorded'; pick: number };
	seq: { kind: 'next' } | { kind: 'recorded'; pick: number } | { kind: 'any'; seq: number };
};

export const commandArb = (forgedIds: readonly string[]): fc.Arbitrary<Command> =>
	fc.record({
		event: fc.oneof(
			{ weight: 6, arbitrary: fc.nat().map((pick) => ({ kind: 'legal', pick }) as const) },
			{ weight: 2, arbitrary: fc.constantFrom(...forgedIds).map((choiceId) => ({ kind: 'choose', choiceId }) as const) },
			{ weight: 1, arbitrary: junkText.map((choiceId) => ({ kind: 'choose', choiceId }) as const) },
			{ weight: 1, arbitrary: fc.constant({ kind: 'timeout' } as const) },
			{ weight: 1, arbitrary: fc.nat().map((pick) => ({ kind: 'recorded', pick }) as const) }
		),
		seq: fc.oneof(
			{ weight: 6, arbitrary: fc.constant({ kind: 'next' } as const) },
			{ weight: 2, arbitrary: fc.nat().map((pick) => ({ kind: 'recorded', pick }) as const) },
			{ weight: 1, arbitrary: fc.integer({ min: -2, max: 40 }).map((seq) => ({ kind: 'any', seq }) as const) }
		)
	});

/** The step number and event a command stands for, after `accepted`. */
export function resolve(command: Command, scenario: Scenario, accepted: readonly RoleplayEvent[]): { seq: number; event: RoleplayEvent } {
	const { event: pick, seq: seqPick } = command;
	const legal = legalAt(scenario, accepted);
	const seq =
		seqPick.kind === 'any' ? seqPick.seq : seqPick.kind === 'recorded' && accepted.length ? (seqPick.pick % accepted.length) + 1 : accepted.length + 1;
	const event: RoleplayEvent =
		pick.kind === 'legal' && legal.length
			? legal[pick.pick % legal.length]
			: pick.kind === 'recorded' && accepted.length
				? accepted[pick.pick % accepted.length]
				: pick.kind === 'choose'
					? { type: 'reply.choose', choiceId: pick.choiceId }
					: { type: 'reply.timeout' };
	return { seq, event };
}
