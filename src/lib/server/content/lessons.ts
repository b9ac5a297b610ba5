import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import type { Locale } from '../../i18n';
import { renderLesson, type Section } from './markdown';

const slug = v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'));
const text = v.pipe(v.string(), v.trim(), v.nonEmpty());

export const LessonMeta = v.object({
	title: text,
	summary: text,
	minutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(180)),
	objectives: v.pipe(v.array(text), v.minLength(1)),
	source: v.picklist(['000', '001', '002', '003']),
	simulations: v.array(slug),
	selfChecks: v.array(slug)
});

const Option = v.object({
	id: slug,
	text,
	correct: v.optional(v.boolean(), false),
	explanation: text
});

const Question = v.pipe(
	v.object({
		id: slug,
		kind: v.picklist(['single', 'multiple']),
		section: slug,
		prompt: text,
		options: v.pipe(v.array(Option), v.minLength(3), v.maxLength(5))
	}),
	v.check((q) => {
		const correct = q.options.filter((o) => o.correct).length;
		return q.kind === 'single' ? correct === 1 : correct >= 2;
	}, 'a single-choice question needs exactly one correct option, a multiple-choice one at least two'),
	v.check((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, 'option ids must be unique')
);

export const KnowledgeCheck = v.object({
	questions: v.pipe(
		v.array(Question),
		v.minLength(4, 'needs 4–8 questions'),
		v.maxLength(8, 'needs 4–8 questions'),
		v.check((qs) => new Set(qs.map((q) => q.id)).size === qs.length, 'question ids must be unique')
	)
});

export type Question = v.InferOutput<typeof Question>;
export type Lesson = v.InferOutput<typeof LessonMeta> & {
	slug: string;
	order: number;
	intro: string;
	sections: Section[];
	anchors: string[];
	fixedAnchors: string[];
	links: string[];
	callouts: string[];
	questions: Question[];
	/** The language the module is written in: the learner's, or English where a translation is missing. */
	locale: Locale;
};

const issuesText = (issues: v.BaseIssue<unknown>[]) =>
	issues.map((i) => `${v.getDotPath(i) ?? '(top)'}: ${i.message}`).join('; ');

/**
 * Builds the lessons of one locale from their files, keyed by path relative to `content/`
 * (`lessons/02-handling-complaints/en.md`, `…/check.en.yaml`). Problems are collected, not thrown,
 * so `npm run content:check` can list them all at once.
 */
export function buildLessons(files: Record<string, string>, locale: Locale = 'en') {
	const problems: string[] = [];
	const lessons: Lesson[] = [];
	for (const [path, source] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const match = new RegExp(`^lessons/(\\d+)-([a-z0-9-]+)/${locale}\\.md$`).exec(path);
		if (!match) continue;
		const front = /^---\n([\s\S]*?)\n---\n/.exec(source);
		if (!front) {
			problems.push(`${path}: missing front matter`);
			continue;
		}
		const meta = v.safeParse(LessonMeta, parseYaml(front[1]));
		if (!meta.success) {
			problems.push(`${path}: ${issuesText(meta.issues)}`);
			continue;
		}
		const checkPath = path.replace(/[^/]+\.md$/, `check.${locale}.yaml`);
		const check = files[checkPath] === undefined ? null : v.safeParse(KnowledgeCheck, parseYaml(files[checkPath]));
		if (!check) problems.push(`${checkPath}: missing knowledge check`);
		else if (!check.success) problems.push(`${checkPath}: ${issuesText(check.issues)}`);

		const rendered = renderLesson(source.slice(front[0].length), locale);
		lessons.push({
			...meta.output,
			slug: match[2],
			order: Number(match[1]),
			...rendered,
			questions: check?.success ? check.output.questions : [],
			locale
		});
	}
	return { lessons, problems };
}
