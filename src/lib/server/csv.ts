// RFC 4180 CSV with a BOM so spreadsheet programs read CJK names correctly. Cells that a
// spreadsheet would run as a formula (=, +, -, @ first) get a leading apostrophe (OWASP CSV injection).
export function toCsv(rows: (string | number)[][]) {
	const cell = (value: string | number) => {
		let text = String(value);
		if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
		return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
	};
	return '\ufeff' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
