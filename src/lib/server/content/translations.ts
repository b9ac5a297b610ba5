// Lesson modules in the other interface languages. A translation changes the words only: progress,
// scoring, links and feedback rely on its anchors, question and option ids being the English ones.
import { locales, type Locale } from '../../i18n';
import { buildLessons, type Lesson } from './lessons';

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
