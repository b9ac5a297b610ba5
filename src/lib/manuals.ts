import type { MessageKey } from '$lib/i18n';

/** The four field manuals the content comes from, by the number of their seed file: catalogue keys of their titles. */
export const manuals: Record<string, MessageKey> = {
	'000': 'manual.000',
	'001': 'manual.001',
	'002': 'manual.002',
	'003': 'manual.003'
};
