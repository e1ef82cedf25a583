/** A minimal browser stand-in for HTTP tests: keeps cookies and reads hidden CSRF fields from pages. */
export class FormClient {
  private cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  /** Sets a cookie as if a page (or an attacker) had planted it in this browser. */
  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  /** Another client holding the same cookies (e.g. a copied session cookie). */
  clone(): FormClient {
    const copy = new FormClient(this.baseUrl);
    copy.cookies = new Map(this.cookies);
    return copy;
  }

  async get(path: string): Promise<{ status: number; body: string; headers: Headers }> {
    const response = await fetch(new URL(path, this.baseUrl), { headers: this.cookieHeader(), redirect: 'manual' });
    this.keepCookies(response);
    return { status: response.status, body: await response.text(), headers: response.headers };
  }

  /** A GET whose body is bytes (a download). */
  async getBytes(path: string): Promise<{ status: number; bytes: Buffer; headers: Headers }> {
    const response = await fetch(new URL(path, this.baseUrl), { headers: this.cookieHeader(), redirect: 'manual' });
    this.keepCookies(response);
    return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()), headers: response.headers };
  }

  async getJson<T>(path: string): Promise<{ status: number; json: T }> {
    const response = await fetch(new URL(path, this.baseUrl), { headers: this.cookieHeader(), redirect: 'manual' });
    this.keepCookies(response);
    return { status: response.status, json: (await response.json()) as T };
  }

  async post(
    path: string,
    fields: Record<string, string>,
  ): Promise<{ status: number; body: string; headers: Headers }> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: 'POST',
      headers: { ...this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
    this.keepCookies(response);
    return { status: response.status, body: await response.text(), headers: response.headers };
  }

  /** Posts multipart/form-data, as a form with a file field does. */
  async postMultipart(
    path: string,
    fields: Record<string, string>,
    files: { field: string; name: string; type: string; content: string | Uint8Array }[],
  ): Promise<{ status: number; body: string; headers: Headers }> {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    for (const file of files) form.append(file.field, new Blob([file.content], { type: file.type }), file.name);
    const response = await fetch(new URL(path, this.baseUrl), {
      method: 'POST',
      headers: this.cookieHeader(),
      body: form,
      redirect: 'manual',
    });
    this.keepCookies(response);
    return { status: response.status, body: await response.text(), headers: response.headers };
  }

  /** Sends any request with this client's cookies (a body of any type, for tests of malformed input). */
  async send(
    method: string,
    path: string,
    body?: { type: string; content: string },
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; body: string; headers: Headers }> {
    const headers = { ...this.cookieHeader(), ...(body ? { 'content-type': body.type } : {}), ...extraHeaders };
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: body?.content,
      redirect: 'manual',
    });
    this.keepCookies(response);
    return { status: response.status, body: await response.text(), headers: response.headers };
  }

  /** Loads a page and posts its form with the page's CSRF token added to `fields`. */
  async submitForm(pagePath: string, action: string, fields: Record<string, string>) {
    const page = await this.get(pagePath);
    if (page.status !== 200) throw new Error(`GET ${pagePath} answered ${page.status}`);
    return this.post(action, { _csrf: csrfTokenIn(page.body), ...fields });
  }

  private cookieHeader(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  private keepCookies(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
}

export function csrfTokenIn(body: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(body);
  if (!match) throw new Error('no CSRF field on the page');
  return match[1];
}

export function referenceIn(body: string): string {
  const match = /RD-[A-Z2-9]{4}-[A-Z2-9]{4}/.exec(body);
  if (!match) throw new Error('no request reference on the page');
  return match[0];
}

/** The first link in a mail's text that starts with base + path prefix. */
export function linkIn(text: string, baseUrl: string, prefix: string): string {
  const match = new RegExp(`${baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${prefix}[^\\s]+`).exec(text);
  if (!match) throw new Error(`no ${prefix} link in mail:\n${text}`);
  return match[0];
}

/** Where the page's multipart form posts: its action carries the form token, checked before the body is read. */
export function multipartActionIn(body: string): string {
  const match = /<form method="post" action="([^"]+)" enctype="multipart\/form-data"/.exec(body);
  if (!match) throw new Error('no multipart form on the page');
  return match[1].replaceAll('&amp;', '&');
}
