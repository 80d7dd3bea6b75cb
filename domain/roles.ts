/** The five kinds of people who use the desk (domain brief, "People"). */
export const ROLES = ['admin', 'manager', 'dispatcher', 'engineer', 'hospital_contact'] as const;
export type Role = (typeof ROLES)[number];

/** Vendor staff work across hospitals; a hospital contact is bound to exactly one. */
export function isVendorRole(role: Role): boolean {
  return role !== 'hospital_contact';
}
