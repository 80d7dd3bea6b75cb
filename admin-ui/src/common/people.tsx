import { createContext, useContext, type ReactNode } from 'react';
import { useGetOne, usePermissions, useTranslate } from 'react-admin';
import { isRole, USER_READERS } from '../roles';
import type { ActorRef } from '../types';

/** Names already known on a page (from tasks and the actors of recorded steps), so no extra lookups. */
const KnownPeople = createContext<Map<number, string>>(new Map());

export const KnownPeopleProvider = ({ people, children }: { people: Map<number, string>; children: ReactNode }) => (
  <KnownPeople.Provider value={people}>{children}</KnownPeople.Provider>
);

const FetchedName = ({ id }: { id: number }) => {
  const translate = useTranslate();
  const { data } = useGetOne('users', { id }, { retry: false });
  return <>{data?.displayName ?? translate('desk.common.unknownUser', { id })}</>;
};

/** A user's display name by id: from the page if known, else from the user directory for those who may read it. */
export const UserName = ({ id }: { id: number | null | undefined }) => {
  const known = useContext(KnownPeople);
  const { permissions } = usePermissions();
  const translate = useTranslate();
  if (id === null || id === undefined) return <>—</>;
  const name = known.get(id);
  if (name) return <>{name}</>;
  if (isRole(permissions, ...USER_READERS)) return <FetchedName id={id} />;
  return <>{translate('desk.common.unknownUser', { id })}</>;
};

/** "李调度 · 服务工程师（调度）" */
export const ActorName = ({ actor }: { actor: ActorRef | null | undefined }) => {
  const translate = useTranslate();
  if (!actor) return <>{translate('desk.timeline.system')}</>;
  // The hospital is told names only (api/tickets/hospital-view.ts).
  if (!actor.role) return <>{actor.displayName}</>;
  return (
    <>
      {actor.displayName}
      <span style={{ opacity: 0.7 }}> · {translate(`choices.role.${actor.role}`, { _: actor.role })}</span>
    </>
  );
};
