import { describe, expect, it } from 'vitest';
import { countedScore, statusOf } from '$lib/assignments';
import { toCsv } from '$lib/server/csv';

const due = new Date('2026-12-01T23:59:59Z');
const before = new Date('2026-11-30T10:00:00Z');
const after = new Date('2026-12-02T10:00:00Z');

describe('assignment status', () => {
	it('is done once done, whenever that was', () => {
		expect(statusOf({ started: true, done: true, score: 90 }, due, after)).toBe('done');
	});
	it('is overdue when not done after the due date, started or not', () => {
		expect(statusOf({ started: true, done: false, score: null }, due, after)).toBe('overdue');
		expect(statusOf(undefined, due, after)).toBe('overdue');
	});
	it('is in progress or not started before the due date', () => {
		expect(statusOf({ started: true, done: false, score: null }, due, before)).toBe('in-progress');
		expect(statusOf(undefined, due, before)).toBe('not-started');
	});
});

describe('counted score', () => {
	const scores = [60, 85, 70];
	it('takes the best, the latest or the first attempt', () => {
		expect(countedScore(scores, 'best')).toBe(85);
		expect(countedScore(scores, 'latest')).toBe(70);
		expect(countedScore(scores, 'first')).toBe(60);
	});
	it('ignores attempts beyond the number allowed', () => {
		expect(countedScore(scores, 'best', 1)).toBe(60);
		expect(countedScore(scores, 'latest', 2)).toBe(85);
	});
	it('is null without attempts', () => {
		expect(countedScore([], 'best')).toBeNull();
	});
});

describe('CSV', () => {
	it('quotes what needs quoting, defuses formulas and starts with a BOM', () => {
		const csv = toCsv([
			['Name', 'Score'],
			['Lee, "Jin"', 90],
			['=HYPERLINK("x")', -5],
			['민아 박', '']
		]);
		expect(csv).toBe('\ufeffName,Score\r\n"Lee, ""Jin""",90\r\n"\'=HYPERLINK(""x"")",-5\r\n민아 박,\r\n');
	});
});
