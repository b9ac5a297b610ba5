import type { Locale } from '../../i18n';
import { contentFiles } from './files';
import { checkContent } from './check';

// Built once at start-up; a broken content file is a deployment error, not a runtime one.
const content = checkContent(contentFiles);
if (content.problems.length) console.warn(`Content problems:\n- ${content.problems.join('\n- ')}`);

/** The English modules: the reference for ids, anchors and scoring, and what xAPI statements name. */
export const lessons = content.lessons;
export const lessonBySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));

export const scenarios = content.scenarios;
export const scenarioBySlug = new Map(scenarios.map((built) => [built.scenario.slug, built]));

const bySlug = Object.fromEntries(
	Object.entries(content.lessonsByLocale).map(([locale, list]) => [locale, new Map(list.map((lesson) => [lesson.slug, lesson]))])
) as Record<Locale, Map<string, (typeof lessons)[number]>>;

/** Every module in `locale`, each in English where its translation is missing or differs in structure. */
export const lessonsFor = (locale: Locale) => content.lessonsByLocale[locale];
export const lessonIn = (locale: Locale, slug: string) => bySlug[locale].get(slug);

export const selfChecks = content.forms;
export const selfCheckBySlug = new Map(selfChecks.map((form) => [form.slug, form]));
