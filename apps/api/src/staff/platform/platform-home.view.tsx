import { staffPaths } from '#mail';

import type { PageContext } from '../../infra/page.decorator.js';
import { FieldError, type FieldErrors, invalid } from '../../views/components/form-fields.js';
import { CsrfField } from '../../views/components/page-parts.js';
import { staffPage } from '../../views/staff-layout.view.js';
import { staffChrome } from '../auth/staff-route.decorator.js';
import type { PlatformOrganisation } from './platform.service.js';
import { COUNTRIES, TIME_ZONES } from './platform-forms.js';

export interface PlatformHome {
  organisations: PlatformOrganisation[];
  /** The slug of the organisation whose policy was just published. */
  published?: string;
  values?: Partial<Record<'slug' | 'name' | 'timeZone' | 'country', string>>;
  errors?: FieldErrors;
  /** A refused import, in words (the importer's reason, a taken address name). */
  refusal?: string;
}

/** A pasted policy or a file: the importer reads HTML, plain text or a saved web page. */
function PolicyFields({ errors, prefix }: { errors: FieldErrors; prefix: string }) {
  return (
    <>
      <label for={`${prefix}-policy`}>Policy file (HTML, text or a saved web page)</label>
      <input
        type="file"
        name="policy"
        id={`${prefix}-policy`}
        accept=".html,.htm,.txt,.mht,.mhtml,text/html,text/plain,multipart/related"
      />
      <label for={`${prefix}-text`}>Or paste the policy</label>
      <FieldError errors={errors} field="text" />
      <textarea name="text" id={`${prefix}-text`} rows="8" {...invalid(errors, 'text')}></textarea>
    </>
  );
}

function NewOrganisation({ model, csrf }: { model: PlatformHome; csrf: string }) {
  const errors = model.errors ?? {};
  const values = model.values ?? {};
  return (
    <form method="post" action={staffPaths.policyImports()} enctype="multipart/form-data" id="new-organisation">
      <h2>A new organisation from its policy</h2>
      <CsrfField token={csrf} />
      <label for="name">Name</label>
      <FieldError errors={errors} field="name" />
      <input name="name" id="name" value={values.name ?? ''} required {...invalid(errors, 'name')} />
      <label for="slug">Address name (its form will be at /o/&lt;address name&gt;/requests/new)</label>
      <FieldError errors={errors} field="slug" />
      <input name="slug" id="slug" value={values.slug ?? ''} required {...invalid(errors, 'slug')} />
      <label for="timeZone">Time zone its days are counted in</label>
      <FieldError errors={errors} field="timeZone" />
      <select name="timeZone" id="timeZone" {...invalid(errors, 'timeZone')}>
        {TIME_ZONES.map((zone) => (
          <option selected={zone === (values.timeZone ?? 'America/New_York')}>{zone}</option>
        ))}
      </select>
      <label for="country">Country whose public holidays count</label>
      <FieldError errors={errors} field="country" />
      <select name="country" id="country" {...invalid(errors, 'country')}>
        {COUNTRIES.map((country) => (
          <option selected={country === values.country}>{country}</option>
        ))}
      </select>
      <PolicyFields errors={errors} prefix="new" />
      <button type="submit">Import and review</button>
    </form>
  );
}

function Organisations({ model, csrf }: { model: PlatformHome; csrf: string }) {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Organisation</th>
          <th scope="col">Current policy version</th>
          <th scope="col">A changed policy</th>
        </tr>
      </thead>
      <tbody>
        {model.organisations.map((o) => (
          <tr>
            <th scope="row">
              {o.name} <a href={`/o/${encodeURIComponent(o.slug)}/requests/new`}>request form</a>
            </th>
            <td>
              {o.version ?? 'none'} {o.version && (o.imported ? '(imported)' : '(seed file)')}
            </td>
            <td>
              <form method="post" action={staffPaths.policyImports()} enctype="multipart/form-data">
                <CsrfField token={csrf} />
                <input type="hidden" name="organisation" value={o.slug} />
                <input type="file" name="policy" aria-label={`Policy file of ${o.name}`} />
                <button type="submit" class="secondary" aria-label={`Import and compare a new version for ${o.name}`}>
                  Import and compare
                </button>
              </form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The platform console: every organisation, a changed policy for one, and a new organisation from its policy. */
export function platformHomePage(model: PlatformHome, context: PageContext): string {
  const chrome = staffChrome(context);
  const body = (
    <>
      <h1>Organisations on this platform</h1>
      {model.published && (
        <div class="notice" role="status" id="published">
          <p>
            Published. Its request form takes requests now:{' '}
            <a href={`/o/${encodeURIComponent(model.published)}/requests/new`}>/o/{model.published}/requests/new</a>
          </p>
        </div>
      )}
      {model.refusal && (
        <div class="summary" role="alert" id="refusal">
          <p>{model.refusal}</p>
        </div>
      )}
      <Organisations model={model} csrf={chrome.csrfToken} />
      <NewOrganisation model={model} csrf={chrome.csrfToken} />
    </>
  );
  return staffPage('Platform', body, chrome);
}
