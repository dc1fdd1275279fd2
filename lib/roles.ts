/** The roles a user can hold. Instructors author banks and run classes; admins do everything. */
export const ROLES = ['student', 'instructor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Instructor pages are open to instructors and admins. */
export function canTeach(role: Role | undefined): boolean {
  return role === 'instructor' || role === 'admin';
}
