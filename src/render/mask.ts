// E-mail masking for output that leaves the terminal (PR comments, reports): `j***@example.com` is enough
// for a reviewer to recognise a customer, and not enough to harvest addresses from a public page.

// The local part's usual characters (not `/`, so `cl/members/ann@x.com` masks only the address).
const EMAIL = /([A-Za-z0-9._%+'!#$&*=?^{|}~-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

/** Every e-mail address inside a text masked, `john@example.com` → `j***@example.com`. */
export function maskEmailsIn(text: string): string {
  return text.replace(EMAIL, (_, local: string, domain: string) => `${[...local][0]}***@${domain}`);
}

/** The identity, or masking, as the renderers' options ask. */
export function emailShower(mask: boolean): (text: string) => string {
  return mask ? maskEmailsIn : (text) => text;
}
