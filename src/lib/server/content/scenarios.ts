import { parse as parseYaml } from 'yaml';
import type { Analysis } from '../../roleplay/analysis';
import { parseScenario, type Scenario } from '../../roleplay/schema';
import { checkScenario } from '../../roleplay/validate';

export type BuiltScenario = { scenario: Scenario; analysis: Analysis };

/**
 * Builds the scenarios of one locale from `scenarios/<slug>.<locale>.yaml` files. A scenario with
 * problems is reported and left out, so the app never serves one it cannot score.
 */
export function buildScenarios(files: Record<string, string>, locale = 'en') {
	const problems: string[] = [];
	const scenarios: BuiltScenario[] = [];
	const pattern = new RegExp(`^scenarios/([a-z0-9-]+)\\.${locale}\\.yaml$`);
	for (const [path, source] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
		const match = pattern.exec(path);
		if (!match) continue;
		let data: unknown;
		try {
			data = parseYaml(source);
		} catch (error) {
			problems.push(`${path}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
			continue;
		}
		const parsed = parseScenario(data);
		if (!parsed.ok) {
			problems.push(...parsed.problems.map((p) => `${path}: ${p}`));
			continue;
		}
		if (parsed.scenario.slug !== match[1]) {
			problems.push(`${path}: slug "${parsed.scenario.slug}" must equal the file name "${match[1]}"`);
			continue;
		}
		const checked = checkScenario(parsed.scenario);
		problems.push(...checked.problems.map((p) => `${path}: ${p}`));
		if (!checked.problems.length && checked.analysis) scenarios.push({ scenario: parsed.scenario, analysis: checked.analysis });
	}
	return { scenarios, problems };
}
