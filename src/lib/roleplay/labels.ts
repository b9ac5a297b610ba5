// Words shown for engine values: mood never by colour alone, kinds and outcomes in plain English.
import type { Outcome, ScenarioKind } from './schema';

export const moodLabel = (mood: number) =>
	(['Furious', 'Angry', 'Annoyed', 'Neutral', 'Open', 'Pleased', 'Delighted'] as const)[Math.max(0, Math.min(6, mood + 3))];

export const kindLabel: Record<ScenarioKind, string> = {
	complaint: 'Complaint handling',
	call: 'Phone invitation',
	objection: 'Objection handling'
};

export const outcomeLabel: Record<Outcome, string> = { success: 'Success', partial: 'Partly there', failure: 'Lost' };

export const timerOptions = ['x1', 'x2', 'x10', 'off'] as const;
export const timerLabel = { x1: 'Normal time', x2: 'Double time', x10: 'Ten times as long', off: 'Timers off' } as const;
export const timerFactor = { x1: 1, x2: 2, x10: 10, off: 0 } as const;
