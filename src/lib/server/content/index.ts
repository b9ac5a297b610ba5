import type { Locale } from '../../i18n';
import { contentFiles } from './files';
import { checkContent } from './check';

// Built once at start-up; a broken content file is a deployment error, not a runtime one.
const content = checkContent(contentFiles);
if (content.problems.length) console.warn(`Content problems:\n- ${content.problems.join('\n- ')}`);

/** The English modules: the reference for ids, anchors and scoring, and what xAPI statements name. */
export const lessons = content.lessons;
export const lessonBySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));

/** The English scenarios: the reference the server replays and scores attempts against. */
export const scenarios = content.scenarios;
export const scenarioBySlug = new Map(scenarios.map((built) => [built.scenario.slug, built]));

const indexed = <T>(byLocale: Record<Locale, T[]>, slugOf: (item: T) => string) =>
	Object.fromEntries(Object.entries(byLocale).map(([locale, list]) => [locale, new Map(list.map((item) => [slugOf(item), item]))])) as Record<
		Locale,
		Map<string, T>
	>;
const bySlug = indexed(content.lessonsByLocale, (lesson) => lesson.slug);
const scenariosBySlug = indexed(content.scenariosByLocale, (built) => built.scenario.slug);
const formsBySlug = indexed(content.formsByLocale, (form) => form.slug);

/** Every module in `locale`, each in English where its translation is missing or differs in structure. */
export const lessonsFor = (locale: Locale) => content.lessonsByLocale[locale];
export const lessonIn = (locale: Locale, slug: string) => bySlug[locale].get(slug);

export const selfChecks = content.forms;
export const selfCheckBySlug = new Map(selfChecks.map((form) => [form.slug, form]));

/** Scenarios and self-checks as `locale` reads them: the same structure as English, in its words (English where missing). */
export const scenariosFor = (locale: Locale) => content.scenariosByLocale[locale];
export const scenarioIn = (locale: Locale, slug: string) => scenariosBySlug[locale].get(slug);
export const selfChecksFor = (locale: Locale) => content.formsByLocale[locale];
export const selfCheckIn = (locale: Locale, slug: string) => formsBySlug[locale].get(slug);
