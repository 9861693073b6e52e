// The corpus of invalid config files (test/fixtures/config/invalid/, one mistake each, named after it) and
// exactly what the loader must report for each: file (when not the fixture itself), line, column, message.

export interface Expected {
  /** Set when the finding is in another file than the fixture (a members file). */
  file?: string;
  line: number;
  column: number;
  message: string;
}

export const invalidCases: Record<string, Expected[]> = {
  // ---- YAML and the text itself ----
  'yaml-unclosed-flow-list.yaml': [
    { line: 21, column: 3, message: 'Invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ].' },
  ],
  'yaml-bad-indentation.yaml': [{ line: 20, column: 1, message: 'Invalid YAML: all mapping items must start at the same column.' }],
  'yaml-tab-indentation.yaml': [{ line: 19, column: 1, message: 'Invalid YAML: tabs are not allowed for indentation; indent with spaces.' }],
  'duplicate-group-key.yaml': [{ line: 22, column: 3, message: "Duplicate key 'vip' in 'groups' (first at line 18, column 3); a key may appear only once." }],
  'duplicate-property.yaml': [
    { line: 21, column: 5, message: "Duplicate key 'name' in group 'vip' (first at line 19, column 5); a key may appear only once." },
  ],
  'alias-without-anchor.yaml': [{ line: 21, column: 23, message: 'The alias *rules has no anchor &rules before it.' }],
  'alias-bomb.yaml': [
    {
      line: 23,
      column: 18,
      message:
        "The alias *c takes this file's aliases past 1000 copies (nested aliases multiply, as in an alias bomb); write the values out, or nest fewer aliases.",
    },
  ],
  'not-utf8.yaml': [
    { line: 19, column: 15, message: 'The config file is not valid UTF-8 text: the byte here is not part of any character; save the file as UTF-8.' },
  ],
  'unset-variable.yaml': [
    {
      line: 10,
      column: 17,
      message:
        "The environment variable BC_STORE_HASH is not set (used by 'store_hash' of provider 'bc'). Set it, or write ${BC_STORE_HASH:-default} to give a default.",
    },
  ],
  'bad-variable-reference.yaml': [
    { line: 6, column: 16, message: "'${CL-CLIENT-ID}' is not a valid variable reference: write ${NAME} or ${NAME:-default} (and $${ for a literal ${)." },
  ],
  // ---- the schema: types, names, required and allowed values ----
  'wrong-type-prune.yaml': [{ line: 15, column: 12, message: "'prune' of provider 'xk' must be true or false, not 'yes'." }],
  'wrong-type-members-not-a-list.yaml': [{ line: 20, column: 14, message: "'members' of group 'vip' must be a list, not 'ava.jones@example.com'." }],
  'wrong-type-empty-name.yaml': [{ line: 19, column: 5, message: "'name' of group 'vip' is empty; it must be text." }],
  'unknown-property-typo.yaml': [{ line: 20, column: 5, message: "Unknown property 'membrs' in group 'vip'; did you mean 'members'?" }],
  'unknown-property-no-suggestion.yaml': [
    {
      line: 20,
      column: 5,
      message:
        "Unknown property 'colour' in group 'vip'; valid properties are: name, description, members, members_file, membership, providers, protect, ids, commercelayer, bigcommerce.",
    },
  ],
  'unknown-top-level-property.yaml': [{ line: 15, column: 1, message: "Unknown property 'defualts' in the file; did you mean 'defaults'?" }],
  'missing-group-name.yaml': [{ line: 18, column: 3, message: "Group 'vip' is missing the required property 'name'." }],
  'missing-version.yaml': [{ line: 1, column: 1, message: "The file is missing the required property 'version'." }],
  'missing-access-token.yaml': [{ line: 8, column: 3, message: "Provider 'bc' is missing the required property 'access_token'." }],
  'wrong-version.yaml': [{ line: 1, column: 10, message: "'version' must be 1, not 2." }],
  'unknown-provider-type.yaml': [
    {
      line: 4,
      column: 11,
      message: "'type' of provider 'cl' must be commercelayer, bigcommerce or xtrakit, not 'commerceleyer' (did you mean 'commercelayer'?).",
    },
  ],
  'bad-membership-value.yaml': [
    { line: 20, column: 17, message: "'membership' of group 'vip' must be authoritative or additive, not 'additve' (did you mean 'additive'?)." },
  ],
  'safety-min-existing-negative.yaml': [{ line: 11, column: 29, message: "'safety.min_existing' of provider 'bc' must be at least 0, not -1." }],
  'membership-value-unlike-any.yaml': [{ line: 20, column: 17, message: "'membership' of group 'vip' must be authoritative or additive, not 'sometimes'." }],
  'safety-out-of-range.yaml': [{ line: 11, column: 34, message: "'safety.max_group_changes' of provider 'bc' must be between 0 and 1, not 1.5." }],
  'bad-base-url.yaml': [
    { line: 5, column: 15, message: "'base_url' of provider 'cl' must be a web address starting with https:// (or http://), not 'shop.commercelayer.io'." },
  ],
  'bad-discount-amount.yaml': [{ line: 22, column: 49, message: "'amount' of discount rule 1 of group 'vip' must be a number such as 5 or 12.50, not '5x'." }],
  'provider-listed-twice.yaml': [{ line: 20, column: 25, message: "'providers' of group 'vip' lists 'bc' twice." }],
  'bad-provider-name.yaml': [
    { line: 8, column: 3, message: "Provider name 'big commerce' must use only letters, digits, _, - and . (starting with a letter, digit or _)." },
  ],
  'bad-name-in-ids.yaml': [
    { line: 20, column: 12, message: "The name 'b c' in 'ids' of group 'vip' must use only letters, digits, _, - and . (starting with a letter, digit or _)." },
  ],
  'bad-group-key.yaml': [
    { line: 18, column: 3, message: "Group key 'big spenders' must use only letters, digits, _, - and . (starting with a letter, digit or _)." },
  ],
  'empty-secret.yaml': [{ line: 14, column: 14, message: "'api_key' of provider 'xk' must not be empty." }],
  'bigcommerce-specific-without-categories.yaml': [
    {
      line: 22,
      column: 7,
      message: "'bigcommerce.category_access' of group 'vip' is missing the required property 'categories' (needed when 'type' is 'specific').",
    },
  ],
  'bigcommerce-rule-missing-id.yaml': [
    { line: 23, column: 11, message: "Discount rule 1 of group 'vip' is missing the required property 'category_id' (needed when 'type' is 'category')." },
  ],
  // ---- where groups live and what they pin ----
  'unknown-provider-in-group.yaml': [
    { line: 20, column: 21, message: "Group 'vip' names provider 'bcc', which is not declared in 'providers'; did you mean 'bc'?" },
  ],
  'group-on-no-provider.yaml': [{ line: 16, column: 3, message: "Group 'vip' is on no provider: give it 'providers', or set 'defaults.providers'." }],
  'platform-block-without-platform.yaml': [
    { line: 21, column: 5, message: "Group 'vip' has a 'bigcommerce' block but is on no BigCommerce provider (it is on cl, xk)." },
  ],
  'description-without-xtrakit.yaml': [
    { line: 20, column: 5, message: "Group 'vip' has a 'description', but only Xtrakit keeps one and the group is on no Xtrakit provider (it is on cl, bc)." },
  ],
  'pin-on-provider-group-is-not-on.yaml': [{ line: 21, column: 12, message: "Group 'vip' pins an id on provider 'xk', but the group is not on it." }],
  'same-id-pinned-twice.yaml': [
    {
      line: 23,
      column: 16,
      message: "Groups 'vip' (line 20, column 16) and 'gold' both pin id 12 on provider 'bc'; a remote group can be pinned by one group only.",
    },
  ],
  // ---- members ----
  'bad-email.yaml': [{ line: 22, column: 9, message: "'liam.smith.example.com' in group 'vip' is not a valid e-mail address." }],
  'bad-email-in-members-file.yaml': [
    { file: 'members/bad-email.txt', line: 4, column: 3, message: "This line of the members_file of group 'vip' is not a valid e-mail address." },
  ],
  'missing-members-file.yaml': [
    { line: 20, column: 19, message: "The members_file 'members/wholesal.txt' of group 'wholesale' cannot be read: there is no such file." },
  ],
  'members-file-outside-folder.yaml': [
    {
      line: 20,
      column: 19,
      message:
        "The members_file '../../../../../../../../etc/passwd' of group 'vip' is outside the config's folder (symbolic links followed); a members file must be in that folder or below it.",
    },
  ],
  'members-file-not-utf8.yaml': [
    {
      file: 'members/latin1.txt',
      line: 2,
      column: 6,
      message: "The members_file of group 'vip' is not valid UTF-8 text: the byte here is not part of any character; save the file as UTF-8.",
    },
  ],
  'member-in-two-groups.yaml': [
    {
      line: 24,
      column: 39,
      message:
        "liam.smith@example.com is in group 'staff' and in group 'vip' (line 20, column 38), both on provider 'bc'; a customer can be in only one group of a provider.",
    },
  ],
  'member-in-two-groups-via-file.yaml': [
    {
      file: 'members/staff-with-ava.txt',
      line: 2,
      column: 1,
      message:
        "ava.jones@example.com is in group 'staff' and in group 'vip' (member-in-two-groups-via-file.yaml line 21, column 15), both on providers 'cl' and 'bc'; a customer can be in only one group of a provider.",
    },
  ],
  // ---- platform limits ----
  'name-too-long-for-bigcommerce-and-xtrakit.yaml': [
    { line: 19, column: 11, message: "The name of group 'vip' is 256 characters long; BigCommerce ('bc') and Xtrakit ('xk') take at most 255." },
  ],
  'blank-group-name.yaml': [{ line: 19, column: 11, message: "'name' of group 'vip' must not be blank, not '   '." }],
  'description-too-long.yaml': [{ line: 21, column: 18, message: "'description' of group 'vip' is 1001 characters long; it may have at most 1000." }],
  // ---- secrets outside their credential field ----
  'secret-in-group-name.yaml': [
    {
      line: 19,
      column: 16,
      message:
        "'name' of group 'vip' uses ${XK_API_KEY}, which holds a secret (it is the api_key of provider 'xk'): plans show this field and the platform stores it, so a secret may only fill a credential field (client_secret, access_token, api_key).",
    },
  ],
  'secret-named-variable-in-description.yaml': [
    {
      line: 20,
      column: 30,
      message:
        "'description' of group 'vip' uses ${SHOP_DOOR_PASSWORD}, which holds a secret (its name says so): plans show this field and the platform stores it, so a secret may only fill a credential field (client_secret, access_token, api_key).",
    },
  ],
  'secret-value-in-metadata.yaml': [
    {
      line: 23,
      column: 15,
      message:
        "'commercelayer.metadata.note' of group 'vip' holds the value of the access_token of provider 'bc', a secret: plans show this field and the platform stores it, so a secret may only fill a credential field (client_secret, access_token, api_key).",
    },
  ],
  'secret-value-as-metadata-key.yaml': [
    {
      line: 23,
      column: 9,
      message:
        "'commercelayer.metadata' of group 'vip' has a key that holds the value of the access_token of provider 'bc', a secret: plans show this field and the platform stores it, so a secret may only fill a credential field (client_secret, access_token, api_key).",
    },
  ],
  // ---- Commerce Layer codes ----
  'commercelayer-key-too-long.yaml': [
    {
      line: 18,
      column: 3,
      message:
        "Group key 'customers-who-spent-over-1000' must be a valid Commerce Layer code, since the group is on 'cl': at most 25 letters, digits, _ and -.",
    },
  ],
  'commercelayer-key-bad-character.yaml': [
    {
      line: 18,
      column: 3,
      message: "Group key 'vip.gold' must be a valid Commerce Layer code, since the group is on 'cl': at most 25 letters, digits, _ and -.",
    },
  ],
  'commercelayer-key-case-clash.yaml': [
    {
      line: 20,
      column: 3,
      message: "Group keys 'vip' (line 18, column 3) and 'VIP' are the same Commerce Layer code on provider 'cl', which ignores case; rename one.",
    },
  ],
  // ---- names each platform keeps unique ----
  'duplicate-name-bigcommerce.yaml': [
    {
      line: 15,
      column: 11,
      message: "Groups 'vip' (line 11, column 11) and 'vip2' have the same name on provider 'bc'; BigCommerce allows one group per name. Rename one.",
    },
  ],
  'duplicate-name-xtrakit-case.yaml': [
    {
      line: 16,
      column: 11,
      message:
        "Groups 'vip' (line 14, column 11) and 'vip2' have the same name on provider 'xk'; Xtrakit allows one group per name, ignoring case and spaces around it. Rename one.",
    },
  ],
  // ---- BigCommerce rules ----
  'bigcommerce-price-list-not-alone.yaml': [
    {
      line: 23,
      column: 11,
      message: "Discount rule 1 of group 'wholesale' is a price_list rule, which must be the group's only discount rule on BigCommerce; it has 2.",
    },
  ],
  'bigcommerce-two-all-rules.yaml': [{ line: 24, column: 11, message: "Group 'vip' has more than one 'all' discount rule; BigCommerce allows one." }],
  'bigcommerce-categories-without-specific.yaml': [
    {
      line: 24,
      column: 9,
      message: "Group 'vip' lists 'categories' in its category_access, which BigCommerce allows only with 'type: specific' (it has 'type: all').",
    },
  ],
  'bigcommerce-two-guest-groups.yaml': [
    {
      line: 25,
      column: 20,
      message:
        "Groups 'guests' (line 21, column 20) and 'visitors' are both the guest group of provider 'bc'; BigCommerce allows one group with is_group_for_guests: true.",
    },
  ],
  'bigcommerce-rule-field-of-other-type.yaml': [
    { line: 23, column: 44, message: "'category_id' does not apply to a product rule (discount rule 1 of group 'vip'); it belongs to category rules." },
  ],
};
