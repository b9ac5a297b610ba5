// Catalogue keys for engine values: mood never by colour alone, kinds, outcomes and timers in the
// reader's words. Components look them up with `t()`; this module stays free of Svelte.
import type { MessageKey } from '$lib/i18n';
import type { Outcome, ScenarioKind } from './schema';

const moods = ['mood.-3', 'mood.-2', 'mood.-1', 'mood.0', 'mood.1', 'mood.2', 'mood.3'] as const satisfies MessageKey[];
export const moodKey = (mood: number) => moods[Math.max(0, Math.min(6, mood + 3))];

export const kindKey = {
	complaint: 'sim.kind.complaint',
	call: 'sim.kind.call',
	objection: 'sim.kind.objection'
} as const satisfies Record<ScenarioKind, MessageKey>;

export const outcomeKey = {
	success: 'sim.outcome.success',
	partial: 'sim.outcome.partial',
	failure: 'sim.outcome.failure'
} as const satisfies Record<Outcome, MessageKey>;

export const modeKey = { practice: 'cohort.mode.practice', assessment: 'cohort.mode.assessment' } as const satisfies Record<string, MessageKey>;

export const timerOptions = ['x1', 'x2', 'x10', 'off'] as const;
export type TimerOption = (typeof timerOptions)[number];
export const timerKey = {
	x1: 'sim.timer.x1',
	x2: 'sim.timer.x2',
	x10: 'sim.timer.x10',
	off: 'sim.timer.off'
} as const satisfies Record<TimerOption, MessageKey>;
export const timerFactor = { x1: 1, x2: 2, x10: 10, off: 0 } as const satisfies Record<TimerOption, number>;
