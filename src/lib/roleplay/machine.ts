// One scenario → one XState v5 machine. The browser runs it for the trainee; the server replays
// the recorded events through the same machine to compute the score it stores.
import { and, assign, createActor, setup, type SnapshotFrom } from 'xstate';
import { MOOD_MAX, MOOD_MIN, type Beat, type Reply, type Scenario, type When } from './schema';

/** One decision on the path: the beat and the reply (`null` = the timer ran out). */
export type Step = { beat: string; choiceId: string | null };

export type RoleplayContext = {
	mood: number;
	/** Running score per rubric dimension (may go below zero). */
	scores: Record<string, number>;
	/** Running total of every effect so far: what `score` conditions test. */
	total: number;
	flags: string[];
	path: Step[];
};

export type RoleplayEvent = { type: 'reply.choose'; choiceId: string } | { type: 'reply.timeout' };

/** What a reply does, as plain data (the parameters of the machine's named action and guards). */
export type ReplyParams = { beat: string; choiceId: string | null; effects: Record<string, number>; mood: number; flags: string[] };

const clampMood = (mood: number) => Math.min(MOOD_MAX, Math.max(MOOD_MIN, mood));

export function initialContext(scenario: Scenario): RoleplayContext {
	return {
		mood: scenario.customer.mood,
		scores: Object.fromEntries(scenario.rubric.map((d) => [d.id, 0])),
		total: 0,
		flags: [],
		path: []
	};
}

/** The context after a reply: effects added, mood added then clamped, flags set, step recorded. */
export function applyReply(context: RoleplayContext, reply: ReplyParams): RoleplayContext {
	const scores = { ...context.scores };
	let gained = 0;
	for (const [dimension, value] of Object.entries(reply.effects)) {
		scores[dimension] = (scores[dimension] ?? 0) + value;
		gained += value;
	}
	return {
		mood: clampMood(context.mood + reply.mood),
		scores,
		total: context.total + gained,
		flags: [...new Set([...context.flags, ...reply.flags])].sort(),
		path: [...context.path, { beat: reply.beat, choiceId: reply.choiceId }]
	};
}

const inRange = (value: number, range?: { min?: number; max?: number }) =>
	!range || ((range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max));

/** Whether a branch condition holds; every condition given must hold. */
export function holds(when: When, context: Pick<RoleplayContext, 'mood' | 'total' | 'flags'>) {
	return (
		inRange(context.mood, when.mood) &&
		inRange(context.total, when.score) &&
		(when.flags ?? []).every((f) => context.flags.includes(f)) &&
		!(when.notFlags ?? []).some((f) => context.flags.includes(f))
	);
}

export const replyParams = (beat: Beat, reply: Reply): ReplyParams => ({
	beat: beat.id,
	choiceId: 'id' in reply ? reply.id : null,
	effects: reply.effects,
	mood: reply.mood,
	flags: reply.flags
});

/** Where a reply leads from `context` (the context *before* the reply). */
export function nextOf(beat: Beat, reply: Reply, context: RoleplayContext) {
	const after = applyReply(context, replyParams(beat, reply));
	return { after, next: reply.branches.find((b) => holds(b.when, after))?.next ?? reply.next };
}

export function compileScenario(scenario: Scenario) {
	const transitionsOf = (beat: Beat, reply: Reply, isChoice: boolean) => {
		const params = replyParams(beat, reply);
		const apply = { type: 'applyReply', params } as const;
		const choiceGuard = { type: 'isChoice', params: { choiceId: params.choiceId ?? '' } } as const;
		// Branches are checked after the reply's effects apply, so their guard looks at the
		// context the reply *would* produce.
		const branches = reply.branches.map((branch) => {
			const after = { type: 'holdsAfter', params: { reply: params, when: branch.when } } as const;
			return { target: branch.next, guard: isChoice ? and([choiceGuard, after]) : after, actions: apply };
		});
		return [...branches, { target: reply.next, ...(isChoice ? { guard: choiceGuard } : {}), actions: apply }];
	};

	const beatStates = Object.fromEntries(
		scenario.beats.map((beat) => [
			beat.id,
			{
				on: {
					'reply.choose': beat.choices.flatMap((choice) => transitionsOf(beat, choice, true)),
					...(beat.timeout ? { 'reply.timeout': transitionsOf(beat, beat.timeout, false) } : {})
				}
			}
		])
	);
	const endingStates = Object.fromEntries(scenario.endings.map((ending) => [ending.id, { type: 'final' as const }]));

	return setup({
		types: {
			context: {} as RoleplayContext,
			events: {} as RoleplayEvent
		},
		actions: {
			applyReply: assign(({ context }, params: ReplyParams) => applyReply(context, params))
		},
		guards: {
			isChoice: ({ event }, params: { choiceId: string }) => event.type === 'reply.choose' && event.choiceId === params.choiceId,
			holdsAfter: ({ context }, params: { reply: ReplyParams; when: When }) => holds(params.when, applyReply(context, params.reply))
		}
	}).createMachine({
		id: scenario.slug,
		context: initialContext(scenario),
		initial: scenario.start,
		// Dynamic keys: XState cannot type-check targets built from data; content:check does.
		states: { ...beatStates, ...endingStates } as never
	});
}

export type RoleplayMachine = ReturnType<typeof compileScenario>;
export type RoleplaySnapshot = SnapshotFrom<RoleplayMachine>;

/** The beat or ending a snapshot is in. */
export const nodeOf = (snapshot: RoleplaySnapshot) => snapshot.value as unknown as string;

/** On a refusal, `reason` names it for the reader's message catalogue; `message` is the English for logs and tests. */
export type ReplayResult =
	| { ok: true; snapshot: RoleplaySnapshot }
	| { ok: false; index: number; reason: 'ended' | 'noTimer' | 'notAllowed'; message: string; snapshot: RoleplaySnapshot };

/**
 * Replays events from the start through the machine. Stops at the first event the current state
 * does not accept: the server refuses such an event rather than letting XState ignore it.
 */
export function replay(machine: RoleplayMachine, events: readonly RoleplayEvent[]): ReplayResult {
	const actor = createActor(machine).start();
	try {
		for (const [index, event] of events.entries()) {
			const snapshot = actor.getSnapshot();
			if (snapshot.status === 'done')
				return { ok: false, index, reason: 'ended', message: 'The conversation has already ended.', snapshot };
			if (!snapshot.can(event))
				return {
					ok: false,
					index,
					reason: event.type === 'reply.timeout' ? 'noTimer' : 'notAllowed',
					message:
						event.type === 'reply.timeout'
							? 'This line has no timer, so it cannot time out.'
							: `"${event.choiceId}" is not a reply you can give at this point.`,
					snapshot
				};
			actor.send(event);
		}
		return { ok: true, snapshot: actor.getSnapshot() };
	} finally {
		actor.stop();
	}
}
