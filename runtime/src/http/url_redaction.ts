/**
 * Query strings with their sensitive values scrubbed, for `url.query` and `url.full`: OBI
 * replaces the value of well-known secret-bearing keys (tokens, passwords, signatures) and keeps
 * the rest, so spans stay useful without leaking credentials. Keys are compared without case.
 */

/** Keys whose values never leave the machine. */
export const SENSITIVE_QUERY_KEYS: readonly string[] = [
  "token", "access_token", "refresh_token", "id_token", "auth", "authorization", "password", "passwd",
  "pwd", "secret", "client_secret", "api_key", "apikey", "key", "session", "sessionid", "sig",
  "signature", "x-amz-signature", "x-amz-credential", "x-amz-security-token", "awsaccesskeyid",
  "x-goog-signature", "x-goog-credential", "code",
];

export const REDACTED = "REDACTED";

/** The query of `target` (without `?`) with sensitive values replaced; undefined when none. */
export function redactedQuery(target: string, keys: readonly string[] = SENSITIVE_QUERY_KEYS): string | undefined {
  const at = target.indexOf("?");
  if (at < 0) return undefined;
  const hash = target.indexOf("#", at);
  const query = target.slice(at + 1, hash >= 0 ? hash : undefined);
  if (query === "") return undefined;
  const sensitive = new Set(keys.map((k) => k.toLowerCase()));
  return query.split("&").map((pair) => {
    const eq = pair.indexOf("=");
    if (eq < 0) return pair;
    let name = pair.slice(0, eq);
    try {
      name = decodeURIComponent(name);
    } catch {
      // A malformed escape: compare the raw name.
    }
    return sensitive.has(name.toLowerCase()) ? `${pair.slice(0, eq)}=${REDACTED}` : pair;
  }).join("&");
}
