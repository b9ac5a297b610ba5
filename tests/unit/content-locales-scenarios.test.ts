import { describe, expect, it } from 'vitest';
import { checkContent } from '$lib/server/content/check';
import { readContentFolder } from '$lib/server/content/files';
import { shapeDifferences } from '$lib/server/content/translations';

// The real content folder, with one translated file broken per test: each break must be reported
// by path and the app must fall back to the English version, whose ids the server scores against.
const content = readContentFolder('content');
const scenario = 'scenarios/objection-supplements.ko.yaml';
const form = 'forms/time-management.zh-CN.yaml';

function broken(path: string, edit: (text: string) => string) {
	const files = { ...content };
	files[path] = edit(files[path]);
	expect(files[path], 'the edit must change the file').not.toBe(content[path]);
	return checkContent(files);
}

describe('translated scenarios and self-checks', () => {
	it('every scenario and self-check has both translations, served in their own words with the English structure', () => {
		const built = checkContent(content);
		expect(built.problems).toEqual([]);
		for (const locale of ['zh-CN', 'ko'] as const) {
			const scenarios = built.scenariosByLocale[locale];
			expect(scenarios.map((s) => s.scenario.slug)).toEqual(built.scenarios.map((s) => s.scenario.slug));
			scenarios.forEach((s, i) => {
				expect(s.scenario.title).not.toBe(built.scenarios[i].scenario.title);
				expect(s.analysis).toBe(built.scenarios[i].analysis);
			});
			const forms = built.formsByLocale[locale];
			expect(forms.map((f) => f.slug)).toEqual(built.forms.map((f) => f.slug));
			forms.forEach((f, i) => expect(f.title).not.toBe(built.forms[i].title));
		}
		expect(built.scenariosByLocale.ko.find((s) => s.scenario.slug === 'objection-supplements')!.scenario.title).toMatch(/[가-힣]/);
		expect(built.formsByLocale['zh-CN'].find((f) => f.slug === 'time-management')!.title).toMatch(/[\u4e00-\u9fff]/);
	});

	it('a missing translation fails the check and falls back to English', () => {
		const files = { ...content };
		delete files[scenario];
		delete files[form];
		const built = checkContent(files);
		expect(built.problems).toEqual([
			`${scenario}: missing; every scenario needs zh-CN and ko versions`,
			`${form}: missing; every self-check needs zh-CN and ko versions`
		]);
		expect(built.scenariosByLocale.ko.find((s) => s.scenario.slug === 'objection-supplements')).toBe(
			built.scenarios.find((s) => s.scenario.slug === 'objection-supplements')
		);
	});

	it('a changed effect, target or choice id is a structural difference', () => {
		const effect = broken(scenario, (t) => t.replace('effects: { respect: 2, needs: 2 }', 'effects: { respect: 3, needs: 2 }'));
		expect(effect.problems).toEqual([expect.stringMatching(/^scenarios\/objection-supplements\.ko\.yaml: differs from English in structure: beats\[\d+\]\.choices\[\d+\]\.effects\.respect is 3; English has 2$/)]);
		const slug = 'objection-supplements';
		expect(effect.scenariosByLocale.ko.find((s) => s.scenario.slug === slug)!.scenario.title).toBe(effect.scenarios.find((s) => s.scenario.slug === slug)!.scenario.title);

		const target = broken(scenario, (t) => t.replace('next: current', 'next: elsewhere'));
		expect(target.problems[0]).toMatch(/ko\.yaml: differs from English in structure: beats\[\d+\]\.choices\[\d+\]\.next is "elsewhere"; English has "current"$/);

		const en = checkContent(content).scenarios.find((s) => s.scenario.slug === slug)!.scenario;
		const firstChoice = en.beats[0].choices[0].id;
		const renamed = broken(scenario, (t) => t.replace(`- id: ${firstChoice}\n`, '- id: renamed-choice\n'));
		expect(renamed.problems).toContain(`${scenario}: differs from English in structure: beats[0].choices[0].id is "renamed-choice"; English has "${firstChoice}"`);
	});

	it('a broken translated file is reported with its path, and a translation without an English original too', () => {
		const yaml = broken(scenario, (t) => `${t}\n  : [`);
		expect(yaml.problems).toEqual([expect.stringMatching(/^scenarios\/objection-supplements\.ko\.yaml: not valid YAML/)]);
		const files = { ...content, 'scenarios/unknown-call.ko.yaml': content[scenario] };
		expect(checkContent(files).problems).toContain('scenarios/unknown-call.ko.yaml: there is no English scenario "unknown-call"');
	});

	it('a form whose item kinds, scores or bands differ is reported; reworded prompts are fine', () => {
		const reworded = broken(form, (t) => t.replace(/prompt: (.*)/, 'prompt: 完全不同的措辞'));
		expect(reworded.problems).toEqual([]);
		const kind = broken(form, (t) => t.replace('kind: likert', 'kind: yesno'));
		expect(kind.problems).toContain(`${form}: differs from English in structure: sections[0].items[0].kind is "yesno"; English has "likert"`);
		const band = broken(form, (t) => t.replace(/(bands:[\s\S]*?min: 0[\s\S]*?min: )(\d+)/, (_, head, n) => `${head}${Number(n) + 1}`));
		expect(band.problems).toEqual([expect.stringMatching(/^forms\/time-management\.zh-CN\.yaml: differs from English in structure: bands\[1\]\.min is \d+; English has \d+$/)]);
	});

	it('shapeDifferences ignores only the named word keys', () => {
		const words = new Set(['text']);
		expect(shapeDifferences({ id: 'a', text: 'Hi', n: [1, 2] }, { id: 'a', text: '안녕', n: [1, 2] }, words)).toEqual([]);
		expect(shapeDifferences({ id: 'a', n: [1, 2] }, { id: 'a', n: [1] }, words)).toEqual(['n has 1 items; English has 2']);
		expect(shapeDifferences({ id: 'a' }, { id: 'a', extra: 1 }, words)).toEqual(['extra is not in English']);
		expect(shapeDifferences({ id: 'a', text: 'x' }, { id: 'a' }, words)).toEqual(['text is missing']);
	});
});
