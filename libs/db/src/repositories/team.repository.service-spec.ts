import { describe, expect, it } from '@jest/globals';

import { useServiceDatabase } from '../../../../test/support/service-database.js';
import { addStaffMember } from '../staff-accounts.js';
import { TeamRepository, WORKING_ROLES } from './team.repository.js';

const PASSWORD = 'correct horse battery staple';

describe('an organisation team (real PostgreSQL)', () => {
  const db = useServiceDatabase();

  it('answers only about the organisation it is asked of', async () => {
    const [securus, west] = await Promise.all([
      db.organisation('securus-technologies'),
      db.organisation('west-schoolmessenger'),
    ]);
    const s = securus.organisation.id;
    const w = west.organisation.id;
    const [bea, abe, cy] = await db.dataSource.transaction(async (tx) => [
      await addStaffMember(tx, {
        email: 'bea@securus.example',
        name: 'Bea',
        password: PASSWORD,
        organisationId: s,
        role: 'agent',
      }),
      await addStaffMember(tx, {
        email: 'abe@securus.example',
        name: 'Abe',
        password: PASSWORD,
        organisationId: s,
        role: 'admin',
      }),
      await addStaffMember(tx, {
        email: 'cy@west.example',
        name: 'Cy',
        password: PASSWORD,
        organisationId: w,
        role: 'auditor',
      }),
    ]);
    const team = new TeamRepository(db.dataSource.manager);

    const names = (members: { name: string }[]) =>
      members.map((m) => m.name).filter((n) => ['Abe', 'Bea', 'Cy'].includes(n));
    expect(names(await team.members(s))).toEqual(['Abe', 'Bea']);
    expect(names(await team.members(w))).toEqual(['Cy']);
    expect(await team.members(s, { roles: WORKING_ROLES, userIds: [bea.id, cy.id, 'not-an-id'] })).toEqual([
      { id: bea.id, name: 'Bea', email: 'bea@securus.example', role: 'agent' },
    ]);
    expect((await team.members(s, { roles: ['admin'], orderBy: 'email' })).map((m) => m.id)).toContain(abe.id);

    expect(await team.membership(w, bea.id)).toBeNull();
    expect(await team.membership(s, 'not-an-id')).toBeNull();
    expect(await team.works(s, bea.id)).toBe(true);
    expect(await team.works(w, cy.id)).toBe(false);
  });

  it('counts admins, and changes roles and memberships of its own organisation only', async () => {
    const [securus, west] = await Promise.all([
      db.organisation('securus-technologies'),
      db.organisation('west-schoolmessenger'),
    ]);
    const s = securus.organisation.id;
    const w = west.organisation.id;
    const dee = await db.dataSource.transaction((tx) =>
      addStaffMember(tx, {
        email: 'dee@securus.example',
        name: 'Dee',
        password: PASSWORD,
        organisationId: s,
        role: 'agent',
      }),
    );
    const team = new TeamRepository(db.dataSource.manager);
    const admins = await team.adminCount(s);

    await team.setRole(w, dee.id, 'admin');
    await team.leave(w, dee.id);
    expect((await team.membership(s, dee.id))?.role).toBe('agent');

    await team.setRole(s, dee.id, 'admin');
    expect(await team.adminCount(s)).toBe(admins + 1);
    await team.join(w, dee.id, 'auditor');
    await team.leave(s, dee.id);
    expect(await team.membership(s, dee.id)).toBeNull();
    expect((await team.membership(w, dee.id))?.role).toBe('auditor');
  });
});
