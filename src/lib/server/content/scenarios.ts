import { parse as parseYaml } from 'yaml';
import type { Analysis } from '../../roleplay/analysis';
import { parseScenario, type Scenario } from '../../roleplay/schema';
import { checkScenario } from '../../roleplay/validate';

export type BuiltScenario = { scenario: Scenario; analysis: Analysis };

/** One scenario file read and validated against the format; its problems prefixed with its path. */
export function readScenario(path: string, source: string, slug: string): { scenario?: Scenario; problems: string[] } {
	let data: unknown;
	try {
		data = parseYaml(source);
	} catch (error) {
		return { problems: [`${path}: not valid YAML: ${(error as Error).message.split('\n')[0]}`] };
	}
	const parsed = parseScenario(data);
	if (!parsed.ok) return { problems: parsed.problems.map((p) => `${path}: ${p}`) };
	if (parsed.scenario.slug !== slug) return { problems: [`${path}: slug "${parsed.scenario.slug}" must equal the file name "${slug}"`] };
	return { scenario: parsed.scenario, problems: [] };
}

/**
 * Builds the English scenarios from `scenarios/<slug>.en.yaml` files. A scenario with problems is
 * reported and left out, so the app never serves one it cannot score. (Translations share the
 * English structure, and so its analysis: see translations.ts.)
 */
export function buildScenarios(files: Record<string, string>) {
	const problems: string[] = [];
	const scenarios: BuiltScenario[] = [];
	for (const [path, source] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const match = /^scenarios\/([a-z0-9-]+)\.en\.yaml$/.exec(path);
		if (!match) continue;
		const read = readScenario(path, source, match[1]);
		problems.push(...read.problems);
		if (!read.scenario) continue;
		const checked = checkScenario(read.scenario);
		problems.push(...checked.problems.map((p) => `${path}: ${p}`));
		if (!checked.problems.length && checked.analysis) scenarios.push({ scenario: read.scenario, analysis: checked.analysis });
	}
	return { scenarios, problems };
}
