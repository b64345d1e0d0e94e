// JSON endpoints insist on a JSON Content-Type. Browsers send `text/plain`, form and multipart
// bodies (and bodies without a type) cross-site with no preflight, so reading JSON from them would
// let any web page post to the stack.
const JSON_TYPE = /^application\/([\w.+-]+\+)?json$|^application\/vnd\.pgrst\.[\w.+-]+\+json$/;

/** True when a Content-Type header names JSON (`application/json`, `…+json`), parameters aside. */
export function isJsonContentType(header: string | null | undefined): boolean {
  if (!header) return false;
  return JSON_TYPE.test((header.split(';')[0] ?? '').trim().toLowerCase());
}
