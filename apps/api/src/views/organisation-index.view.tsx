import { page } from './layout.view.js';

/** The front page: each organisation taking requests here, linked to its form. Names are escaped like all text. */
export function organisationIndexPage(organisations: readonly { slug: string; name: string }[]): string {
  const body = (
    <>
      <h1>Make a privacy request</h1>
      <p>
        Choose the organisation your request is for. Each form offers the rights that organisation's privacy policy
        gives you.
      </p>
      {organisations.length === 0 ? (
        <p id="no-organisations">No organisation takes requests here yet.</p>
      ) : (
        <ul class="organisations">
          {organisations.map((o) => (
            <li>
              <a href={`/o/${encodeURIComponent(o.slug)}/requests/new`}>{o.name}</a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return page('Make a privacy request', body);
}
