// `npm run content:check [folder]`: validates every content file; exits 1 with a list of problems.
import { checkContent } from '../src/lib/server/content/check';
import { readContentFolder } from '../src/lib/server/content/files';
import { locales } from '../src/lib/i18n';

const { lessons, scenarios, forms, problems } = checkContent(readContentFolder(process.argv[2] ?? 'content'));
// Each scenario that passed its own checks, with the maxima the debrief scores against.
for (const { scenario, analysis } of scenarios) {
	const dims = Object.entries(analysis.maxByDimension).map(([d, max]) => `${d} ${max}`).join(', ');
	console.log(`  ${scenario.slug}: ${analysis.longestPath} decisions on the longest path, ${analysis.pathCount} paths, ${scenario.endings.length} endings; max total ${analysis.maxTotal} (${dims})`);
}
if (problems.length) {
	console.error(`Content check failed: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
	process.exit(1);
}
console.log(`Content check passed: ${lessons.length} lessons, ${scenarios.length} scenarios, ${forms.length} self-checks, each in ${locales.join(', ')}.`);
