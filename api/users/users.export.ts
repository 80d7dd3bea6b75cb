import { User } from '../../db/entities';
import { type ListExport, sqlOf } from '../exports/list-export';
import { label, yesNo } from '../exports/values';
import { listOrder } from '../list-query';
import { USER_DEFAULT_SORT, USER_SORTABLE, userListWhere } from './users.routes';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: string;
  hospital_name: string | null;
  phone: string | null;
  email: string | null;
  active: boolean;
  created_at: Date;
}

/** `/api/users/export`: the user directory (listUsers) for those who may read it; never a password hash. */
export const usersExport: ListExport<UserRow> = {
  resource: 'users',
  list: 'listUsers',
  operationId: 'exportUsers',
  tag: 'users',
  rows: 'users',
  access: ['admin', 'manager', 'dispatcher'],
  name: (w) => w.resources.users.name,
  sortable: USER_SORTABLE,
  defaultSort: USER_DEFAULT_SORT,
  query: (c, q) => {
    const qb = c
      .get('em')
      .createQueryBuilder(User, 'u')
      .select(['u.id', 'u.username', 'u.displayName', 'u.role', 'u.phone', 'u.email', 'u.active', 'u.createdAt', 'h.name as hospital_name'])
      .leftJoin('u.hospital', 'h')
      .where(userListWhere(q.filter))
      .orderBy(listOrder(q.sort));
    return sqlOf(qb);
  },
  columns: ({ words: w, at }) => {
    const f = w.resources.users.fields;
    return [
      { header: f.id, value: (u) => u.id, width: 8 },
      { header: f.username, value: (u) => u.username, width: 18 },
      { header: f.displayName, value: (u) => u.display_name, width: 18 },
      { header: f.role, value: (u) => label(w.choices.role, u.role), width: 18 },
      { header: f.hospitalId, value: (u) => u.hospital_name, width: 30 },
      { header: f.phone, value: (u) => u.phone, width: 16 },
      { header: f.email, value: (u) => u.email, width: 24 },
      { header: f.active, value: (u) => yesNo(u.active, w), width: 8 },
      { header: f.createdAt, value: (u) => at(u.created_at), width: 17 },
    ];
  },
};
