import { contentFiles } from './files';
import { checkContent } from './check';

// Built once at start-up; a broken content file is a deployment error, not a runtime one.
const content = checkContent(contentFiles);
if (content.problems.length) console.warn(`Content problems:\n- ${content.problems.join('\n- ')}`);

export const lessons = content.lessons;
export const lessonBySlug = new Map(lessons.map((lesson) => [lesson.slug, lesson]));

export const scenarios = content.scenarios;
export const scenarioBySlug = new Map(scenarios.map((built) => [built.scenario.slug, built]));

export const selfChecks = content.forms;
export const selfCheckBySlug = new Map(selfChecks.map((form) => [form.slug, form]));
