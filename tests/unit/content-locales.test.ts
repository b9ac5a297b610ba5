import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '$lib/server/content/check';
import { renderLesson } from '$lib/server/content/markdown';

// The English files only, and a stand-in translation of every module built from them: a copy has
// exactly the English structure, so each test below breaks one thing and expects just that problem.
// (The real translations are checked by tests/unit/content.test.ts over the content folder.)
const english: Record<string, string> = {};
for (const entry of readdirSync('content/lessons', { recursive: true, withFileTypes: true }))
	if (entry.isFile() && /^(en\.md|check\.en\.yaml)$/.test(entry.name))
		english[relative('content', join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name), 'utf8');

const locales = ['zh-CN', 'ko'] as const;
const translated = (): Record<string, string> => {
	const files = { ...english };
	for (const [path, text] of Object.entries(english))
		for (const locale of locales) files[path.replace(/en\.(md|yaml)$/, `${locale}.$1`)] = text;
	return files;
};

const module = 'lessons/02-handling-complaints';
// Option b of the first question, which is not a correct answer in English.
const secondOption = '        text: Complaints are a good moment to sell the customer an upgrade.\n';
const translationProblems = (files: Record<string, string>) =>
	checkContent(files).problems.filter((p) => /\/(zh-CN|ko)\.md|check\.(zh-CN|ko)\.yaml/.test(p));

function broken(path: string, edit: (text: string) => string) {
	const files = translated();
	const before = files[path];
	files[path] = edit(before);
	expect(files[path], 'the edit must change the file').not.toBe(before);
	return translationProblems(files);
}

describe('translated lesson modules', () => {
	it('a full set with the English structure has no problems, and each locale gets its own modules', () => {
		const files = translated();
		expect(translationProblems(files)).toEqual([]);
		const { lessonsByLocale } = checkContent(files);
		for (const locale of locales) {
			expect(lessonsByLocale[locale].map((l) => l.slug)).toEqual(lessonsByLocale.en.map((l) => l.slug));
			expect(lessonsByLocale[locale].every((l) => l.locale === locale)).toBe(true);
		}
	});

	it('a module without a locale fails, and that module falls back to English', () => {
		const files = translated();
		delete files[`${module}/ko.md`];
		delete files[`${module}/check.ko.yaml`];
		const { problems, lessonsByLocale } = checkContent(files);
		expect(problems).toContain(`${module}/ko.md: missing; every module needs zh-CN and ko versions`);
		const complaints = lessonsByLocale.ko.find((l) => l.slug === 'handling-complaints')!;
		expect(complaints.locale).toBe('en');
		expect(lessonsByLocale.ko.find((l) => l.slug === 'customer-service')!.locale).toBe('ko');
	});

	it('a missing knowledge check in one locale', () => {
		const files = translated();
		delete files[`${module}/check.zh-CN.yaml`];
		const problems = translationProblems(files);
		expect(problems).toContain(`${module}/check.zh-CN.yaml: missing knowledge check`);
		expect(problems).toContain(`${module}/check.zh-CN.yaml: has 0 questions; English has ${checkContent(english).lessons[1].questions.length}`);
	});

	it('a renamed anchor, and sections in another order', () => {
		const renamed = broken(`${module}/zh-CN.md`, (t) => t.replace('{#six-steps}', '{#six-step}'));
		expect(renamed).toHaveLength(1);
		expect(renamed[0]).toMatch(/^lessons\/02-handling-complaints\/zh-CN\.md: anchors differ from English: expected handling-points, six-steps, .*; found handling-points, six-step, /);
		const swapped = broken(`${module}/ko.md`, (t) => t.replace('{#six-steps}', '{#tmp}').replace('{#handling-points}', '{#six-steps}').replace('{#tmp}', '{#handling-points}'));
		expect(swapped[0]).toMatch(/ko\.md: anchors differ from English: expected handling-points, six-steps, .*; found six-steps, handling-points,/);
	});

	it('a call-out dropped or changed in kind', () => {
		const count = renderLesson(english[`${module}/en.md`].replace(/^---[\s\S]*?---\n/, '')).callouts.length;
		const dropped = broken(`${module}/ko.md`, (t) => t.replace(/^> \[!TIP\]/m, '>'));
		expect(dropped).toHaveLength(1);
		expect(dropped[0]).toContain(`ko.md: call-outs differ from English: expected ${count} (`);
		expect(dropped[0]).toContain(`found ${count - 1} (`);
		const changed = broken(`${module}/zh-CN.md`, (t) => t.replace(/^> \[!TIP\]/m, '> [!KEY]'));
		expect(changed[0]).toContain(`zh-CN.md: call-outs differ from English: expected ${count} (`);
	});

	it('a link to another place', () => {
		const problems = broken(`${module}/ko.md`, (t) => t.replace('(/lessons/customer-service#why-customers-leave)', '(/lessons/customer-service#kpfs)'));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/ko\.md: links differ from English: expected .*\/lessons\/customer-service#why-customers-leave.*; found .*\/lessons\/customer-service#kpfs/);
	});

	it('front matter values that are not words', () => {
		const minutes = broken(`${module}/zh-CN.md`, (t) => t.replace(/^minutes: (\d+)$/m, (_, n) => `minutes: ${Number(n) + 5}`));
		expect(minutes).toEqual([expect.stringMatching(/zh-CN\.md: front matter minutes is \d+; English has \d+$/)]);
		const source = broken(`${module}/ko.md`, (t) => t.replace('source: "000"', 'source: "002"'));
		expect(source).toEqual([`${module}/ko.md: front matter source is "002"; English has "000"`]);
		const simulations = broken(`${module}/ko.md`, (t) => t.replace(/^simulations: \[.*\]$/m, 'simulations: []'));
		expect(simulations).toEqual([expect.stringContaining('ko.md: front matter simulations is []; English has ["complaint-')]);
		const selfChecks = broken(`${module}/ko.md`, (t) => t.replace(/^selfChecks: \[.*\]$/m, 'selfChecks: [time-management]'));
		expect(selfChecks).toEqual([expect.stringContaining('ko.md: front matter selfChecks is ["time-management"]')]);
	});

	it('knowledge-check questions and options that differ from English', () => {
		const check = `${module}/check.ko.yaml`;
		const id = broken(check, (t) => t.replace('- id: first-step', '- id: first-move'));
		expect(id).toEqual([`${check}: question 2 ("first-step"): id is "first-move"`]);
		const kind = broken(check, (t) => t.replace('kind: single', 'kind: multiple').replace(secondOption, `${secondOption}        correct: true\n`));
		expect(kind).toContain(`${check}: question 1 ("why-welcome-complaints"): kind is multiple; English has single`);
		const section = broken(check, (t) => t.replace('section: six-steps', 'section: apology'));
		expect(section).toEqual([`${check}: question 2 ("first-step"): section is "apology"; English has "six-steps"`]);
		const option = broken(check, (t) => t.replace('- id: b\n', '- id: z\n'));
		expect(option).toEqual([`${check}: question 1 ("why-welcome-complaints"): options are a (correct), z, c, d; English has a (correct), b, c, d`]);
	});

	it('a correct flag moved to another option, and a question dropped', () => {
		const check = `${module}/check.zh-CN.yaml`;
		// The first question's right answer becomes b instead of a.
		const flags = broken(check, (t) => t.replace('        correct: true\n', '').replace(secondOption, `${secondOption}        correct: true\n`));
		expect(flags).toEqual([`${check}: question 1 ("why-welcome-complaints"): options are a, b (correct), c, d; English has a (correct), b, c, d`]);
		const dropped = broken(check, (t) => t.replace(/\n {2}- id: waiting-reply[\s\S]*$/, '\n'));
		expect(dropped).toEqual([`${check}: has 6 questions; English has 7`]);
	});

	it('falls back to English for a structurally different module, so scoring never meets unknown ids', () => {
		const files = translated();
		files[`${module}/check.ko.yaml`] = files[`${module}/check.ko.yaml`].replace('- id: first-step', '- id: renamed');
		const { lessonsByLocale } = checkContent(files);
		const complaints = lessonsByLocale.ko.find((l) => l.slug === 'handling-complaints')!;
		expect(complaints.locale).toBe('en');
		expect(complaints.questions.map((q) => q.id)).toContain('first-step');
	});

	it('renders call-out titles and labels in the lesson language', () => {
		const body = '## Part {#part}\n\n> [!WARNING]\n> Never argue.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n';
		expect(renderLesson(body, 'ko').sections[0].html).toContain('<p class="callout-title">이렇게 하지 마세요</p>');
		expect(renderLesson(body, 'zh-CN').sections[0].html).toContain('aria-label="表格"');
		expect(renderLesson(body).sections[0].html).toContain('<p class="callout-title">What not to do</p>');
	});
});
