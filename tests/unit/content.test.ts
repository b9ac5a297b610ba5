import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '$lib/server/content/check';

function readContent(root = 'content') {
	const files: Record<string, string> = {};
	for (const entry of readdirSync(root, { recursive: true, withFileTypes: true }))
		if (entry.isFile() && /\.(md|yaml)$/.test(entry.name) && entry.name !== 'README.md')
			files[relative(root, join(entry.parentPath, entry.name))] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
	return files;
}

const files = readContent();

describe('the lesson content', () => {
	const { lessons, problems } = checkContent(files);

	it('has the eight modules in order, each with sections, objectives and a 4–8 question check', () => {
		expect(lessons.map((l) => l.slug)).toEqual([
			'customer-service',
			'handling-complaints',
			'customer-records',
			'time-management',
			'customer-funnel',
			'maintaining-relationships',
			'phone-invitations',
			'objections-and-closing'
		]);
		for (const lesson of lessons) {
			expect(lesson.sections.length, lesson.slug).toBeGreaterThanOrEqual(4);
			expect(lesson.objectives.length, lesson.slug).toBeGreaterThanOrEqual(3);
			expect(lesson.questions.length, lesson.slug).toBeGreaterThanOrEqual(4);
			expect(lesson.questions.length, lesson.slug).toBeLessThanOrEqual(8);
		}
	});

	it('passes every check: schema, anchors, every link and reference to a lesson section, simulation or self-check', () => {
		expect(problems).toEqual([]);
	});
});

describe('content checks catch broken content', () => {
	const withFile = (path: string, edit: (text: string) => string) => ({ ...files, [path]: edit(files[path]) });
	const complaints = 'lessons/02-handling-complaints/en.md';
	const complaintsCheck = 'lessons/02-handling-complaints/check.en.yaml';

	it('a link to a section that does not exist', () => {
		const { problems } = checkContent(withFile(complaints, (t) => t + '\nSee [this](/lessons/time-management#nowhere).\n'));
		expect(problems).toContain('lessons/handling-complaints: link /lessons/time-management#nowhere: lesson "time-management" has no section "#nowhere"');
	});

	it('a link to a lesson that does not exist, and a relative link', () => {
		const { problems } = checkContent(withFile(complaints, (t) => t + '\n[a](/lessons/nope) [b](elsewhere.html)\n'));
		expect(problems).toContain('lessons/handling-complaints: link /lessons/nope: no lesson "nope"');
		expect(problems).toContain('lessons/handling-complaints: link elsewhere.html: "elsewhere.html" is not a link this app can resolve');
	});

	it('front matter that breaks the schema, and a section without an anchor', () => {
		const { problems } = checkContent(withFile(complaints, (t) => t.replace(/^minutes: \d+$/m, 'minutes: soon').replace('## The six-step process {#six-steps}', '## The six-step process')));
		expect(problems.some((p) => p.startsWith('lessons/02-handling-complaints/en.md: minutes:'))).toBe(true);
		const unanchored = checkContent(withFile(complaints, (t) => t.replace('## The six-step process {#six-steps}', '## The six-step process')));
		expect(unanchored.problems).toContain('lessons/handling-complaints: section "The six-step process" has no {#anchor}');
	});

	it('a single-choice question with two correct answers, and a question tied to a missing section', () => {
		const broken = withFile(complaintsCheck, (t) => t.replace('        explanation: The manual\'s aim', '        correct: true\n        explanation: The manual\'s aim'));
		expect(checkContent(broken).problems.some((p) => p.includes('exactly one correct option'))).toBe(true);
		const orphan = withFile(complaintsCheck, (t) => t.replace('section: six-steps', 'section: nowhere'));
		expect(checkContent(orphan).problems.some((p) => p.includes('names no section "nowhere"'))).toBe(true);
	});

	it('a slug used twice', () => {
		const twice = { ...files, 'lessons/09-handling-complaints/en.md': files[complaints], 'lessons/09-handling-complaints/check.en.yaml': files[complaintsCheck] };
		expect(checkContent(twice).problems).toContain('lessons: slug "handling-complaints" is used twice');
	});
});

describe('npm run content:check', () => {
	const copy = mkdtempSync(join(tmpdir(), 'rehearse-content-'));
	afterAll(() => rmSync(copy, { recursive: true, force: true }));

	it('exits 1 and names the problem when a link is broken', () => {
		cpSync('content', copy, { recursive: true });
		const path = join(copy, 'lessons/04-time-management/en.md');
		writeFileSync(path, readFileSync(path, 'utf8') + '\n[broken](/lessons/customer-service#no-such-section)\n');
		let status = 0;
		let output = '';
		try {
			execFileSync('npx', ['tsx', 'scripts/content-check.ts', copy], { encoding: 'utf8', stdio: 'pipe' });
		} catch (e) {
			const failure = e as { status: number; stderr: string };
			status = failure.status;
			output = failure.stderr;
		}
		expect(status).toBe(1);
		expect(output).toContain('lesson "customer-service" has no section "#no-such-section"');
	}, 30_000);

	it('exits 1 when a module lacks a locale', () => {
		const folder = mkdtempSync(join(tmpdir(), 'rehearse-content-'));
		try {
			cpSync('content', folder, { recursive: true });
			rmSync(join(folder, 'lessons/04-time-management/ko.md'), { force: true });
			let status = 0;
			let output = '';
			try {
				execFileSync('npx', ['tsx', 'scripts/content-check.ts', folder], { encoding: 'utf8', stdio: 'pipe' });
			} catch (e) {
				const failure = e as { status: number; stderr: string };
				status = failure.status;
				output = failure.stderr;
			}
			expect(status).toBe(1);
			expect(output).toContain('lessons/04-time-management/ko.md: missing; every module needs zh-CN and ko versions');
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	}, 30_000);
});
