// What a trainer can assign, by kind, with the titles the workspace shows.
import { lessons, selfChecks } from '$lib/server/content';
import type { assignmentKinds } from '$lib/server/db/schema';

type Kind = (typeof assignmentKinds)[number];
export type Target = { kind: Kind; slug: string; title: string };

export function assignable(): Target[] {
	return [
		...lessons.map((l) => ({ kind: 'lesson' as const, slug: l.slug, title: l.title })),
		...selfChecks.map((f) => ({ kind: 'self-check' as const, slug: f.slug, title: f.title }))
	];
}

const byKey = () => new Map(assignable().map((t) => [`${t.kind}:${t.slug}`, t]));

export function targetTitle(kind: Kind, slug: string) {
	return byKey().get(`${kind}:${slug}`)?.title ?? slug;
}

export function targetHref(kind: Kind, slug: string) {
	return kind === 'lesson' ? `/lessons/${slug}` : kind === 'simulation' ? `/simulations/${slug}` : `/self-checks/${slug}`;
}
