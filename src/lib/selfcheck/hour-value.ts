// The value-of-an-hour arithmetic exactly as lesson 04 teaches it (manual 000, Topic 2):
// hourly value = yearly income ÷ (weekly hours × 52); the yearly cost of idle time =
// yearly income × (idle hours a day ÷ hours in the working day). With 80,000, 40 h and one
// idle hour: 80,000 ÷ 2,080 = 38.46 and 80,000 × 1/8 = 10,000.

export const WEEKS_PER_YEAR = 52;

export type HourValue = {
	hoursPerYear: number;
	hoursPerDay: number;
	workingDaysPerYear: number;
	hourValue: number;
	idleShare: number;
	idleCostDay: number;
	idleCostYear: number;
	investedPercent: number;
};

/** Money to the cent, as the lesson prints it (38.46). */
export const cents = (n: number) => Math.round(n * 100) / 100;

export function hourValue(income: number, weeklyHours: number, idleMinutesPerDay: number, daysPerWeek = 5): HourValue {
	if (!(income >= 0) || !(weeklyHours > 0) || !(daysPerWeek > 0) || !(idleMinutesPerDay >= 0))
		throw new RangeError('hourValue needs income ≥ 0, weekly hours > 0, days > 0 and idle minutes ≥ 0');
	const hoursPerYear = weeklyHours * WEEKS_PER_YEAR;
	const hoursPerDay = weeklyHours / daysPerWeek;
	const idleShare = Math.min(1, idleMinutesPerDay / 60 / hoursPerDay);
	const workingDaysPerYear = daysPerWeek * WEEKS_PER_YEAR;
	const idleCostYear = income * idleShare;
	return {
		hoursPerYear,
		hoursPerDay,
		workingDaysPerYear,
		hourValue: cents(income / hoursPerYear),
		idleShare,
		idleCostDay: cents(idleCostYear / workingDaysPerYear),
		idleCostYear: cents(idleCostYear),
		investedPercent: Math.round((1 - idleShare) * 1000) / 10
	};
}
