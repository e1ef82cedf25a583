import { randomBytes } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { addPlatformOperator, issuePasswordReset, newStaffLink, StaffPasswordReset, StaffUser } from '#db';

/**
 * A single-use link, valid for RESET_MINUTES, where the account's owner chooses a new password: the operator who runs
 * this never learns one, and the same page as a mailed reset does the rest (old sessions end there).
 */
export async function passwordResetLink(
  dataSource: DataSource,
  email: string,
  publicUrl: string,
  now: Date,
): Promise<string> {
  return dataSource.transaction(async (tx) => {
    const user = await tx.findOneBy(StaffUser, { email: email.trim().toLowerCase() });
    if (!user) throw new Error(`staff: no staff account has the address ${email}`);
    const resetId = await issuePasswordReset(tx, user.id, now);
    const { link, secretHash } = newStaffLink(resetId);
    await tx.update(StaffPasswordReset, { id: resetId }, { secretHash });
    return new URL(`/staff/password-reset/${link}`, publicUrl).toString();
  });
}

/**
 * Makes the address a platform operator, creating its account when there is none. A new account gets a password no
 * one knows: its owner chooses one through the reset link printed next.
 */
export async function addOperator(dataSource: DataSource, email: string, name: string): Promise<string> {
  const { created } = await dataSource.transaction((tx) =>
    addPlatformOperator(tx, { email, name, password: randomBytes(32).toString('base64url') }),
  );
  return `${email} is a platform operator${created ? ' (a new account)' : ''}`;
}
