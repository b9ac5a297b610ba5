import { statusLabels } from '$lib/assignments';
import { translate } from '$lib/i18n';
import { toCsv } from '$lib/server/csv';
import { cohortMatrix } from '$lib/server/reports';
import { cohortAccess } from '../access';

export async function GET(event) {
	const { cohort } = await cohortAccess(event);
	const { assignments, rows } = await cohortMatrix(cohort.id);
	const header = ['Trainee', 'E-mail', ...assignments.flatMap((a) => [`${a.title} (${a.kind}): status`, `${a.title} (${a.kind}): score`])];
	const body = rows.map((row) => [
		row.trainee.name,
		row.trainee.email,
		// The export stays English, like its header, so spreadsheets and scripts read every file alike.
		...row.cells.flatMap((cell) => (cell ? [translate('en', statusLabels[cell.status]), cell.score ?? ''] : [translate('en', 'report.notAssigned'), '']))
	]);
	return new Response(toCsv([header, ...body]), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="cohort-report.csv"',
			'cache-control': 'no-store'
		}
	});
}
