export const roles = ['trainee', 'trainer', 'admin'] as const;
export type Role = (typeof roles)[number];
