import { parseGlobalId } from '#platform/ids';

/** The database id a global id (`gid://commerce/<Type>/<key>`) carries; a raw id unchanged. */
export function dbId(id: string): string {
  return parseGlobalId(id)?.key ?? id;
}
