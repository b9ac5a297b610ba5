// Status and counted score of one trainee on one assignment; pure, so the trainee's home page,
// the trainer's matrix and the CSV export cannot disagree.
import type { MessageKey } from '$lib/i18n';

export type Status = 'not-started' | 'in-progress' | 'done' | 'overdue';

/** Catalogue keys of the status names (`t(statusLabels[status])`). */
export const statusLabels: Record<Status, MessageKey> = {
	'not-started': 'status.not-started',
	'in-progress': 'status.in-progress',
	done: 'status.done',
	overdue: 'status.overdue'
};

/** What a trainee has done towards one assignment's target, whatever its kind. */
export type Work = { started: boolean; done: boolean; score: number | null };

export function statusOf(work: Work | undefined, dueAt: Date, now = new Date()): Status {
	if (work?.done) return 'done';
	if (now > dueAt) return 'overdue';
	return work?.started ? 'in-progress' : 'not-started';
}

/** The score that counts among several attempts' scores, oldest first. */
export function countedScore(scores: number[], rule: 'best' | 'latest' | 'first', allowed?: number | null) {
	const considered = allowed ? scores.slice(0, allowed) : scores;
	if (considered.length === 0) return null;
	if (rule === 'first') return considered[0];
	if (rule === 'latest') return considered.at(-1)!;
	return Math.max(...considered);
}
