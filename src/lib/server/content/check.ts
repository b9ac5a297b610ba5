import { buildForms } from './forms';
import { buildLessons, type Lesson } from './lessons';
import { buildScenarios } from './scenarios';
import { lessonLinks } from '../../roleplay/validate';
import { translateForms, translateLessons, translateScenarios } from './translations';

/**
 * Cross-references between content files: unique slugs, sections with anchors, and every link
 * or reference resolving to a lesson section, a simulation or a self-check that exists.
 */
export function crossCheck(lessons: Lesson[], known: { simulations: Set<string>; selfChecks: Set<string> }) {
	const problems: string[] = [];
	const bySlug = new Map<string, Lesson>();
	for (const lesson of lessons) {
		if (bySlug.has(lesson.slug)) problems.push(`lessons: slug "${lesson.slug}" is used twice`);
		bySlug.set(lesson.slug, lesson);
	}

	/** Problem text for a `/lessons/slug#anchor`, `/simulations/slug` or `/self-checks/slug` reference, or null. */
	const resolve = (href: string): string | null => {
		const lesson = /^\/lessons\/([a-z0-9-]+)(?:#([a-z0-9-]+))?$/.exec(href);
		if (lesson) {
			const target = bySlug.get(lesson[1]);
			if (!target) return `no lesson "${lesson[1]}"`;
			if (lesson[2] && !target.anchors.includes(lesson[2])) return `lesson "${lesson[1]}" has no section "#${lesson[2]}"`;
			return null;
		}
		const simulation = /^\/simulations\/([a-z0-9-]+)$/.exec(href);
		if (simulation) return known.simulations.has(simulation[1]) ? null : `no simulation "${simulation[1]}"`;
		const form = /^\/self-checks\/([a-z0-9-]+)$/.exec(href);
		if (form) return known.selfChecks.has(form[1]) ? null : `no self-check "${form[1]}"`;
		if (/^https?:\/\//.test(href)) return null;
		return `"${href}" is not a link this app can resolve`;
	};

	for (const lesson of lessons) {
		const where = `lessons/${lesson.slug}`;
		if (lesson.sections.length === 0) problems.push(`${where}: has no "##" sections`);
		for (const section of lesson.sections)
			if (!section.id) problems.push(`${where}: section "${section.title}" has no {#anchor}`);
		for (const href of lesson.links) {
			const problem = resolve(href.startsWith('#') ? `/lessons/${lesson.slug}${href}` : href);
			if (problem) problems.push(`${where}: link ${href}: ${problem}`);
		}
		for (const slug of lesson.simulations) {
			const problem = resolve(`/simulations/${slug}`);
			if (problem) problems.push(`${where}: simulations: ${problem}`);
		}
		for (const slug of lesson.selfChecks) {
			const problem = resolve(`/self-checks/${slug}`);
			if (problem) problems.push(`${where}: selfChecks: ${problem}`);
		}
		for (const question of lesson.questions)
			if (!lesson.sections.some((s) => s.id === question.section))
				problems.push(`${where}/check: question "${question.id}" names no section "${question.section}"`);
	}
	return { problems, resolve };
}

/** Everything `npm run content:check` checks, over files keyed by path relative to `content/`. */
export function checkContent(files: Record<string, string>) {
	const { lessons, problems } = buildLessons(files);
	const built = buildScenarios(files);
	const forms = buildForms(files);
	problems.push(...built.problems, ...forms.problems);
	const known = {
		simulations: new Set(built.scenarios.map((s) => s.scenario.slug)),
		selfChecks: new Set(forms.forms.map((f) => f.slug))
	};
	const cross = crossCheck(lessons, known);
	problems.push(...cross.problems);
	const refs = [
		...built.scenarios.flatMap(({ scenario }) => lessonLinks(scenario).map(({ where, ref }) => ({ where: `scenarios/${scenario.slug}: ${where}`, ref }))),
		...forms.lessonRefs
	];
	for (const { where, ref } of refs) {
		const problem = cross.resolve(`/lessons/${ref}`);
		if (problem) problems.push(`${where}: lesson ${ref}: ${problem}`);
	}
	const translated = translateLessons(files, lessons);
	const scenariosByLocale = translateScenarios(files, built.scenarios);
	const formsByLocale = translateForms(files, forms.forms);
	problems.push(...translated.problems, ...scenariosByLocale.problems, ...formsByLocale.problems);
	return {
		lessons,
		scenarios: built.scenarios,
		forms: forms.forms,
		problems,
		lessonsByLocale: translated.lessons,
		scenariosByLocale: scenariosByLocale.scenarios,
		formsByLocale: formsByLocale.forms
	};
}
