import argon2 from 'argon2';
import type { EntityManager } from 'typeorm';
import { StaffMembership, type StaffRole } from './entities/staff-membership.entity.js';
import { StaffUser } from './entities/staff-user.entity.js';

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argon2.verify(hash, password);
}

export const MIN_PASSWORD_LENGTH = 12;

/** Creates a staff user with a role in one organisation, or adds the role to an existing user. */
export async function addStaffMember(
  manager: EntityManager,
  input: { email: string; name: string; password: string; organisationId: string; role: StaffRole },
): Promise<StaffUser> {
  if (input.password.length < MIN_PASSWORD_LENGTH) throw new Error(`A password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  const email = input.email.trim().toLowerCase();
  let user = await manager.findOneBy(StaffUser, { email });
  if (!user) {
    user = await manager.save(
      manager.create(StaffUser, { email, name: input.name.trim(), passwordHash: await hashPassword(input.password) }),
    );
  }
  await manager.upsert(StaffMembership, { userId: user.id, organisationId: input.organisationId, role: input.role }, ['userId', 'organisationId']);
  return user;
}
