import type { Actor } from '../../domain/ticket';
import type { SessionUser } from '../env';

/** The signed-in user as the workflow records who did a step. */
export function actorOf(user: SessionUser): Actor {
  return { userId: user.id, role: user.role, displayName: user.displayName, hospitalId: user.hospitalId };
}
