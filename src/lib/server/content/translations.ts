// Content in the other interface languages. A translation changes the words only: progress,
// scoring, replays, links and feedback rely on its ids, effects and anchors being the English ones.
import type { FormDefinition } from '$lib/selfcheck/definition';
import { locales, type Locale } from '../../i18n';
import { buildForms } from './forms';
import { buildLessons, type Lesson } from './lessons';
import { readScenario, type BuiltScenario } from './scenarios';

export type TranslatedLocale = Exclude<Locale, 'en'>;
export const translatedLocales = locales.filter((locale): locale is TranslatedLocale => locale !== 'en');

const json = (value: unknown) => JSON.stringify(value);
const sorted = (values: readonly string[]) => [...values].sort();
const list = (values: readonly string[]) => (values.length ? values.join(', ') : '(none)');

/** Where `other` differs in structure from the English `en`, by file; empty lists when only the words differ. */
export function structureProblems(en: Lesson, other: Lesson) {
	const body: string[] = [];
	const check: string[] = [];
	if (json(en.fixedAnchors) !== json(other.fixedAnchors))
		body.push(`anchors differ from English: expected ${list(en.fixedAnchors)}; found ${list(other.fixedAnchors)}`);
	if (json(sorted(en.callouts)) !== json(sorted(other.callouts)))
		body.push(`call-outs differ from English: expected ${en.callouts.length} (${list(sorted(en.callouts))}); found ${other.callouts.length} (${list(sorted(other.callouts))})`);
	if (json(sorted(en.links)) !== json(sorted(other.links)))
		body.push(`links differ from English: expected ${list(sorted(en.links))}; found ${list(sorted(other.links))}`);
	for (const key of ['minutes', 'source', 'simulations', 'selfChecks'] as const)
		if (json(en[key]) !== json(other[key])) body.push(`front matter ${key} is ${json(other[key])}; English has ${json(en[key])}`);
	if (en.objectives.length !== other.objectives.length) body.push(`has ${other.objectives.length} objectives; English has ${en.objectives.length}`);

	if (en.questions.length !== other.questions.length) check.push(`has ${other.questions.length} questions; English has ${en.questions.length}`);
	else
		en.questions.forEach((q, i) => {
			const t = other.questions[i];
			const where = `question ${i + 1} ("${q.id}")`;
			const options = (question: typeof q) => question.options.map((o) => `${o.id}${o.correct ? ' (correct)' : ''}`);
			if (t.id !== q.id) check.push(`${where}: id is "${t.id}"`);
			if (t.kind !== q.kind) check.push(`${where}: kind is ${t.kind}; English has ${q.kind}`);
			if (t.section !== q.section) check.push(`${where}: section is "${t.section}"; English has "${q.section}"`);
			if (json(options(t)) !== json(options(q))) check.push(`${where}: options are ${list(options(t))}; English has ${list(options(q))}`);
		});
	return { body, check };
}

/**
 * Every module in every translated locale, in the English order. A module that is missing in a
 * locale, or whose structure differs from the English one, is served in English and reported.
 */
export function translateLessons(files: Record<string, string>, english: Lesson[]) {
	const problems: string[] = [];
	const lessons = { en: english } as Record<Locale, Lesson[]>;
	const folderOf = (lesson: Lesson) => `lessons/${String(lesson.order).padStart(2, '0')}-${lesson.slug}`;
	for (const locale of translatedLocales) {
		const built = buildLessons(files, locale);
		problems.push(...built.problems);
		const bySlug = new Map(built.lessons.map((lesson) => [lesson.slug, lesson]));
		for (const lesson of built.lessons)
			if (!english.some((en) => en.slug === lesson.slug)) problems.push(`${folderOf(lesson)}/${locale}.md: there is no English module "${lesson.slug}"`);
		lessons[locale] = english.map((en) => {
			const path = `${folderOf(en)}/${locale}.md`;
			const translated = bySlug.get(en.slug);
			if (!translated) {
				// A file that exists but did not build has its problem listed already.
				if (files[path] === undefined) problems.push(`${path}: missing; every module needs ${translatedLocales.join(' and ')} versions`);
				return en;
			}
			const { body, check } = structureProblems(en, translated);
			problems.push(...body.map((p) => `${path}: ${p}`), ...check.map((p) => `${folderOf(en)}/check.${locale}.yaml: ${p}`));
			return body.length || check.length ? en : translated;
		});
	}
	return { lessons, problems };
}

/** The keys whose values are words: everything else in a scenario or a form is structure. */
const scenarioWords = new Set(['title', 'summary', 'brief', 'name', 'situation', 'label', 'description', 'say', 'note', 'text', 'feedback']);
const formWords = new Set(['title', 'summary', 'intro', 'prompt', 'hint', 'advice', 'unit', 'label', 'interpretation', 'tags']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Where `other` differs from `en` in anything but the words (at most `limit`, by dotted path). */
export function shapeDifferences(en: unknown, other: unknown, words: Set<string>, path = '', limit = 5): string[] {
	const at = path || '(top)';
	if (Array.isArray(en) && Array.isArray(other)) {
		if (en.length !== other.length) return [`${at} has ${other.length} items; English has ${en.length}`];
		return en.flatMap((item, i) => shapeDifferences(item, other[i], words, `${path}[${i}]`, limit)).slice(0, limit);
	}
	if (isRecord(en) && isRecord(other)) {
		const found: string[] = [];
		for (const key of new Set([...Object.keys(en), ...Object.keys(other)])) {
			const here = path ? `${path}.${key}` : key;
			if (!(key in other)) found.push(`${here} is missing`);
			else if (!(key in en)) found.push(`${here} is not in English`);
			else if (!words.has(key)) found.push(...shapeDifferences(en[key], other[key], words, here, limit));
			if (found.length >= limit) break;
		}
		return found.slice(0, limit);
	}
	return JSON.stringify(en) === JSON.stringify(other) ? [] : [`${at} is ${JSON.stringify(other)}; English has ${JSON.stringify(en)}`];
}

/**
 * Every scenario in every translated locale, in the English order, sharing the English analysis
 * (same beats, choices, effects and endings). A missing or differently built one is served in English and reported.
 */
export function translateScenarios(files: Record<string, string>, english: BuiltScenario[]) {
	const problems: string[] = [];
	const scenarios = { en: english } as Record<Locale, BuiltScenario[]>;
	for (const locale of translatedLocales) {
		for (const path of Object.keys(files)) {
			const slug = new RegExp(`^scenarios/([a-z0-9-]+)\\.${locale}\\.yaml$`).exec(path)?.[1];
			if (slug && files[`scenarios/${slug}.en.yaml`] === undefined) problems.push(`${path}: there is no English scenario "${slug}"`);
		}
		scenarios[locale] = english.map((en) => {
			const slug = en.scenario.slug;
			const path = `scenarios/${slug}.${locale}.yaml`;
			if (files[path] === undefined) {
				problems.push(`${path}: missing; every scenario needs ${translatedLocales.join(' and ')} versions`);
				return en;
			}
			const read = readScenario(path, files[path], slug);
			problems.push(...read.problems);
			if (!read.scenario) return en;
			const differences = shapeDifferences(en.scenario, read.scenario, scenarioWords);
			problems.push(...differences.map((d) => `${path}: differs from English in structure: ${d}`));
			return differences.length ? en : { scenario: read.scenario, analysis: en.analysis };
		});
	}
	return { scenarios, problems };
}

/** Every self-check form in every translated locale, like `translateScenarios`. */
export function translateForms(files: Record<string, string>, english: FormDefinition[]) {
	const problems: string[] = [];
	const forms = { en: english } as Record<Locale, FormDefinition[]>;
	for (const locale of translatedLocales) {
		const built = buildForms(files, locale);
		problems.push(...built.problems);
		const bySlug = new Map(built.forms.map((form) => [form.slug, form]));
		for (const form of built.forms)
			if (files[`forms/${form.slug}.en.yaml`] === undefined) problems.push(`forms/${form.slug}.${locale}.yaml: there is no English self-check "${form.slug}"`);
		forms[locale] = english.map((en) => {
			const path = `forms/${en.slug}.${locale}.yaml`;
			const translated = bySlug.get(en.slug);
			if (!translated) {
				if (files[path] === undefined) problems.push(`${path}: missing; every self-check needs ${translatedLocales.join(' and ')} versions`);
				return en;
			}
			const differences = shapeDifferences(en, translated, formWords);
			problems.push(...differences.map((d) => `${path}: differs from English in structure: ${d}`));
			return differences.length ? en : translated;
		});
	}
	return { forms, problems };
}
