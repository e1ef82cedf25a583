const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether an id from a URL or form can be a row's: anything else is simply not found and never reaches Postgres. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
