/** The form's CSRF token, checked before the post is read. */
export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** A highlighted paragraph, shown only when there is something to say. */
export function NoticeParagraph({ id, text }: { id: string; text?: string }) {
  if (!text) return <></>;
  return (
    <p class="notice" id={id}>
      {text}
    </p>
  );
}

/** A page that is only a heading and one sentence or two: refusals and errors. */
export function TitledMessage({ title, text }: { title: string; text: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p>{text}</p>
    </>
  );
}
