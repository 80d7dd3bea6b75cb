import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ROLES } from '../../domain/roles';
import { SAVED_VIEW_RESOURCES } from '../../domain/saved-views';
import { User } from './user.entity';

/**
 * A list's filter, sort and columns under a name: the creator's own, or shared with everyone of a
 * role (a manager's "overdue L1 at my hospitals" for all dispatchers).
 */
export const SavedView = defineEntity({
  name: 'SavedView',
  tableName: 'saved_views',
  indexes: [{ properties: ['resource', 'role'] }, { properties: ['resource', 'createdBy'] }],
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    name: p.string().length(100),
    resource: p.enum([...SAVED_VIEW_RESOURCES]),
    /** `{ filter, sort, columns }` as the list applies them. */
    params: p.json<Record<string, unknown>>(),
    /** Shared with everyone of this role; null: only its creator sees it. */
    role: p.enum([...ROLES]).nullable(),
    createdBy: p.manyToOne(User).ref(),
    createdAt: p.datetime().onCreate(() => new Date()),
  }),
});
export type ISavedView = InferEntity<typeof SavedView>;
