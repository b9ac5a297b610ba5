// What a trainer can assign, by kind, with the titles the workspace shows.
import type { Locale } from '$lib/i18n';
import { lessonsFor, scenariosFor, selfChecksFor } from '$lib/server/content';
import type { assignmentKinds } from '$lib/server/db/schema';

type Kind = (typeof assignmentKinds)[number];
export type Target = { kind: Kind; slug: string; title: string };

/** Titles in `locale`; English for exports that stay English (CSV, xAPI). */
export function assignable(locale: Locale = 'en'): Target[] {
	return [
		...lessonsFor(locale).map((l) => ({ kind: 'lesson' as const, slug: l.slug, title: l.title })),
		...scenariosFor(locale).map(({ scenario }) => ({ kind: 'simulation' as const, slug: scenario.slug, title: scenario.title })),
		...selfChecksFor(locale).map((f) => ({ kind: 'self-check' as const, slug: f.slug, title: f.title }))
	];
}

// Content is read once at start-up, so each language's index is built once (a report asks per row).
const indexes = new Map<Locale, Map<string, Target>>();
function byKey(locale: Locale) {
	let index = indexes.get(locale);
	if (!index) indexes.set(locale, (index = new Map(assignable(locale).map((t) => [`${t.kind}:${t.slug}`, t]))));
	return index;
}

export function targetTitle(kind: Kind, slug: string, locale: Locale = 'en') {
	return byKey(locale).get(`${kind}:${slug}`)?.title ?? slug;
}

export function targetHref(kind: Kind, slug: string) {
	return kind === 'lesson' ? `/lessons/${slug}` : kind === 'simulation' ? `/simulations/${slug}` : `/self-checks/${slug}`;
}
