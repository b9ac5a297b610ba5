import * as v from 'valibot';
import type { Status } from '$lib/assignments';
import { cohortMatrix, REPORT_PAGE, skillHeatmap } from '$lib/server/reports';
import { cohortAccess } from '../access';

const rank: Record<Status, number> = { overdue: 0, 'not-started': 1, 'in-progress': 2, done: 3 };
const Status = v.picklist(['overdue', 'not-started', 'in-progress', 'done']);

// Sorting, filtering and paging happen here, from the query string, so they work without
// JavaScript and a view can be shared as a link.
export async function load(event) {
	const { cohort } = await cohortAccess(event);
	const [{ assignments, rows }, heatmap] = await Promise.all([
		cohortMatrix(cohort.id, new Date(), event.locals.locale),
		skillHeatmap(cohort.id, event.locals.locale)
	]);
	const params = event.url.searchParams;
	const sort = params.get('sort') ?? 'name';
	const dir = params.get('dir') === 'desc' ? -1 : 1;
	const status = v.is(Status, params.get('status')) ? (params.get('status') as Status) : null;
	const q = (params.get('q') ?? '').trim().toLowerCase().slice(0, 100);

	const column = assignments.findIndex((a) => a.id === sort);
	const key = (row: (typeof rows)[number]): number | string => {
		if (column >= 0) {
			const cell = row.cells[column];
			return cell ? rank[cell.status] * 1000 + (cell.score ?? -1) : -1;
		}
		if (sort === 'done') return row.assigned ? row.done / row.assigned : 0;
		if (sort === 'overdue') return row.overdue;
		return row.trainee.name.toLowerCase();
	};
	const shown = rows
		.filter((row) => !q || row.trainee.name.toLowerCase().includes(q) || row.trainee.email.toLowerCase().includes(q))
		.filter((row) => !status || row.cells.some((c) => c?.status === status))
		.sort((a, b) => {
			const [x, y] = [key(a), key(b)];
			return (x < y ? -1 : x > y ? 1 : 0) * dir || a.trainee.name.localeCompare(b.trainee.name);
		});

	const pages = Math.max(1, Math.ceil(shown.length / REPORT_PAGE));
	const page = Math.min(pages, Math.max(1, Number.parseInt(params.get('page') ?? '', 10) || 1));
	const first = (page - 1) * REPORT_PAGE;

	return {
		cohort: { id: cohort.id, name: cohort.name },
		assignments,
		rows: shown.slice(first, first + REPORT_PAGE),
		matching: shown.length,
		total: rows.length,
		paging: { page, pages, first: first + 1, last: Math.min(first + REPORT_PAGE, shown.length) },
		heatmap,
		view: { sort, dir: dir === 1 ? 'asc' : 'desc', status, q }
	};
}
