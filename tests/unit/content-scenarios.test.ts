import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { checkContent } from '$lib/server/content/check';

function contentFiles() {
	const files: Record<string, string> = {};
	for (const entry of readdirSync('content', { recursive: true, withFileTypes: true })) {
		if (!entry.isFile() || !/\.(md|yaml)$/.test(entry.name) || entry.name === 'README.md') continue;
		const path = join(entry.parentPath, entry.name);
		files[relative('content', path)] = readFileSync(path, 'utf8');
	}
	return files;
}

// Problems with the English files; a broken English file also makes its translations differ (tests/unit/content-locales-scenarios.test.ts).
const scenarioProblems = (problems: string[]) => problems.filter((p) => p.startsWith('scenarios/') && !/\.(zh-CN|ko)\.yaml:/.test(p));

it('accepts the six scenarios and resolves every lesson link they make', () => {
	const { scenarios, problems } = checkContent(contentFiles());
	expect(scenarioProblems(problems)).toEqual([]);
	expect(scenarios).toHaveLength(6);
	// Lessons that name these simulations now resolve.
	expect(problems.filter((p) => p.includes('no simulation'))).toEqual([]);
});

it('fails a scenario file with a dead end, a broken lesson link or a bad effect', () => {
	const files = contentFiles();
	const path = 'scenarios/complaint-nobody-answers.en.yaml';
	files[path] = files[path]
		.replace('next: story\n', 'next: nowhere\n')
		.replace('lesson: handling-complaints#handling-points', 'lesson: handling-complaints#no-such-section');
	const { scenarios, problems } = checkContent(files);
	expect(scenarioProblems(problems)).toEqual([`${path}: beats.opening.choices.listen-notes: next "nowhere" is neither a beat nor an ending`]);
	expect(scenarios.map((s) => s.scenario.slug)).not.toContain('complaint-nobody-answers');

	const linkOnly = contentFiles();
	linkOnly[path] = linkOnly[path].replace('lesson: handling-complaints#handling-points', 'lesson: handling-complaints#no-such-section');
	expect(scenarioProblems(checkContent(linkOnly).problems)).toEqual([
		'scenarios/complaint-nobody-answers: beats.story.choices.read-back: lesson handling-complaints#no-such-section: lesson "handling-complaints" has no section "#no-such-section"'
	]);

	const badEffect = contentFiles();
	badEffect[path] = badEffect[path].replace('effects: { listening: 2, apology: 1 }', 'effects: { charm: 2, apology: 1 }');
	expect(scenarioProblems(checkContent(badEffect).problems)).toContain(
		`${path}: beats.opening.choices.listen-notes: effect on "charm", which is not a rubric dimension`
	);
});

it('fails a scenario whose slug does not match its file name, or that is not valid YAML', () => {
	const files = contentFiles();
	files['scenarios/renamed.en.yaml'] = files['scenarios/complaint-new-car.en.yaml'];
	files['scenarios/broken.en.yaml'] = 'slug: [unclosed';
	const problems = scenarioProblems(checkContent(files).problems);
	expect(problems).toContain('scenarios/renamed.en.yaml: slug "complaint-new-car" must equal the file name "renamed"');
	expect(problems.some((p) => p.startsWith('scenarios/broken.en.yaml: not valid YAML'))).toBe(true);
});
