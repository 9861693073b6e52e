// E-mail masking for output that leaves the terminal (PR comments, reports): `j***#3f2a9c@example.com` is
// enough for a reviewer to recognise a customer and to tell two customers apart, and not enough to harvest
// addresses from a public page. The tag is the start of the SHA-256 of the lower-cased address: stable across
// runs (a drift baseline can name a masked address), but a pseudonym, not encryption — whoever can guess an
// address can check it against the tag, unless the tag is keyed (an HMAC with a key only the merchant has).
import { createHash, createHmac } from 'node:crypto';

// The local part's usual characters (not `/`, so `cl/members/ann@x.com` masks only the address).
const EMAIL = /([A-Za-z0-9._%+'!#$&*=?^{|}~-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
/** A local part this module has already masked: masking twice changes nothing. */
const MASKED = /^[^@]\*\*\*#[0-9a-f]{6}$/u;

/** `john@example.com` → `j***#3f2a9c@example.com`; with a `key`, the tag is an HMAC no one else can compute. */
function maskEmail(local: string, domain: string, key?: string): string {
  if (MASKED.test(local)) return `${local}@${domain}`;
  const hash = key ? createHmac('sha256', key) : createHash('sha256');
  const tag = hash.update(`${local}@${domain}`.toLowerCase()).digest('hex').slice(0, 6);
  return `${[...local][0]}***#${tag}@${domain}`;
}

/** Every e-mail address inside a text masked. */
export function maskEmailsIn(text: string, key?: string): string {
  return text.replace(EMAIL, (_, local: string, domain: string) => maskEmail(local, domain, key));
}

/** The identity, or masking (keyed by `key` when given), as the renderers' options ask. */
export function emailShower(mask: boolean, key?: string): (text: string) => string {
  return mask ? (text) => maskEmailsIn(text, key) : (text) => text;
}
