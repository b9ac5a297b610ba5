/** The four field manuals the content comes from, by the number of their seed file. */
export const manuals: Record<string, string> = {
	'000': 'Becoming an excellent salesperson (Chinese)',
	'001': 'Customer information and reseller visits (Korean)',
	'002': 'Maintaining customer relationships (Korean)',
	'003': 'Service marketing for customer events (Chinese)'
};
