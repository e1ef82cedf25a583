import type { Organisation } from '#db';
import { staffPaths } from '#mail';

import type { PageContext } from '../infra/page.decorator.js';
import { staffPage } from '../views/staff-layout.view.js';
import { staffChrome, staffOf } from './auth/staff-route.decorator.js';

/** The organisations the signed-in member works for, each with their role there. */
export function homePage(organisations: Organisation[], context: PageContext): string {
  const staff = staffOf(context);
  const body = (
    <>
      <h1>Your organisations</h1>
      {staff.user.platformOperator && (
        <p>
          You are a platform operator: <a href={staffPaths.platform()}>create an organisation from its policy</a> or
          publish a changed policy.
        </p>
      )}
      {organisations.length === 0 ? (
        <p>You are not a member of any organisation yet. Ask an admin to add you.</p>
      ) : (
        <ul>
          {organisations.map((o) => (
            <li>
              <a href={staffPaths.requests(o.slug)}>{o.name}</a> ({staff.roles.get(o.id)}):{' '}
              <a href={staffPaths.organisation(o.slug)}>deadlines at a glance</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return staffPage('Your organisations', body, staffChrome(context));
}
