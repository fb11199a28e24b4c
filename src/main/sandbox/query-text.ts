// Query and form text as written in a URL, and the plain values the request model keeps (the send path
// encodes them again, URLSearchParams-style): "+" and %XX decoded in, encoded out with {{variables}}
// left readable.

export function decodeQueryPart(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // a stray "%": keep it as written
  }
}

export function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%7B%7B/g, '{{').replace(/%7D%7D/g, '}}');
}
