import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { FormDefinition, hourValueFields, isScored, type Item } from '$lib/selfcheck/definition';

const issuesText = (issues: v.BaseIssue<unknown>[]) =>
	issues.map((i) => `${v.getDotPath(i) ?? '(top)'}: ${i.message}`).join('; ');

/** Rules a schema cannot say: unique ids, scored items with a lesson, fixed calculator fields. */
function formProblems(form: FormDefinition): string[] {
	const problems: string[] = [];
	if (form.kind === 'daily-plan') {
		const ids = form.plan.elements.map((e) => e.id);
		if (new Set(ids).size !== ids.length) problems.push('plan element ids must be unique');
		if (ids.some((id) => id === 'slack' || id === 'other')) problems.push('"slack" and "other" are reserved tags');
		return problems;
	}
	const seen = new Set<string>();
	const sectionIds = new Set<string>();
	for (const section of form.sections) {
		if (sectionIds.has(section.id)) problems.push(`section id "${section.id}" is used twice`);
		sectionIds.add(section.id);
		for (const item of section.items) {
			if (seen.has(item.id)) problems.push(`item id "${item.id}" is used twice`);
			seen.add(item.id);
			if (isScored(item) && !(item.lesson ?? section.lesson)) problems.push(`item "${item.id}" is scored but names no lesson section`);
			if (item.kind === 'number' && item.min >= item.max) problems.push(`item "${item.id}": min must be below max`);
		}
	}
	const items = new Map<string, Item>(form.sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)));
	for (const item of items.values()) {
		if (item.kind !== 'text' || !item.requiredWhen) continue;
		const other = items.get(item.requiredWhen.item);
		if (other?.kind !== 'choice' && other?.kind !== 'yesno')
			problems.push(`item "${item.id}": requiredWhen names no choice or yes/no item "${item.requiredWhen.item}"`);
	}
	if (form.kind === 'assessment' && ![...items.values()].some(isScored)) problems.push('an assessment needs at least one scored item');
	if (form.kind === 'hour-value') {
		const ids = [...items.keys()];
		if (ids.length !== hourValueFields.length || hourValueFields.some((id) => items.get(id)?.kind !== 'number'))
			problems.push(`the calculator needs exactly the number items ${hourValueFields.join(', ')}`);
	}
	return problems;
}

/**
 * Builds the self-check forms of one locale from `forms/<slug>.<locale>.yaml`. Problems are
 * collected, not thrown; `lessonRefs` lists every `lesson-slug#anchor` with where it was used,
 * for `crossCheck`'s resolver.
 */
export function buildForms(files: Record<string, string>, locale = 'en') {
	const problems: string[] = [];
	const forms: FormDefinition[] = [];
	const lessonRefs: { where: string; ref: string }[] = [];
	const pattern = new RegExp(`^forms/([a-z0-9-]+)\\.${locale.replace('-', '\\-')}\\.yaml$`);
	for (const [path, source] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const match = pattern.exec(path);
		if (!match) continue;
		let data: unknown;
		try {
			data = parseYaml(source);
		} catch (error) {
			problems.push(`${path}: ${(error as Error).message.split('\n')[0]}`);
			continue;
		}
		const parsed = v.safeParse(FormDefinition, data);
		if (!parsed.success) {
			problems.push(`${path}: ${issuesText(parsed.issues)}`);
			continue;
		}
		const form = parsed.output;
		const own = formProblems(form);
		if (form.slug !== match[1]) own.push(`slug "${form.slug}" must equal the file name "${match[1]}"`);
		problems.push(...own.map((p) => `${path}: ${p}`));
		if (form.kind === 'daily-plan') {
			lessonRefs.push({ where: `${path}: plan.slackLesson`, ref: form.plan.slackLesson });
			for (const e of form.plan.elements) lessonRefs.push({ where: `${path}: element "${e.id}"`, ref: e.lesson });
		} else
			for (const section of form.sections) {
				if (section.lesson) lessonRefs.push({ where: `${path}: section "${section.id}"`, ref: section.lesson });
				for (const item of section.items)
					if (item.lesson) lessonRefs.push({ where: `${path}: item "${item.id}"`, ref: item.lesson });
			}
		lessonRefs.push({ where: `${path}: lesson`, ref: form.lesson });
		if (!own.length) forms.push(form);
	}
	forms.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
	return { forms, problems, lessonRefs };
}
