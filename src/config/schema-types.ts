// Generated from schemas/groups.schema.json by `npm run gen:types`. Do not edit: change the schema.

/**
 * A platform instance. `type` says which platform it is.
 */
export type ProviderConfig = CommerceLayerProvider | BigCommerceProvider | XtrakitProvider;
/**
 * Whether this file is authoritative for the provider's groups: groups it does not declare (and `ignore` does not cover) are deleted. Default: false.
 */
export type Prune = boolean;
/**
 * Names of live groups never renamed, changed or deleted, even when pruning; no declared group may match one or take such a name. Customers the file declares in another group still leave them. `*` matches any text, e.g. `Legacy *`.
 */
export type Ignore = string[];
/**
 * Largest answer groupform reads from one API call, in MB, counted after decompression. A larger answer is an error naming the call. Default: 32.
 */
export type MaxResponseMb = number;
/**
 * Most pages groupform reads of one list. A list that says it has more, or does not end within them, is an error naming the call. Default: 5000.
 */
export type MaxPages = number;

/**
 * groupform: e-commerce customer groups and their memberships as code (groups.yaml).
 */
export interface GroupsConfig {
  /**
   * Version of the groups.yaml format. Always 1.
   */
  version: 1;
  /**
   * The platform instances groupform manages, by a name you choose (e.g. `cl`, `bc-eu`). A merchant may have two stores of one platform.
   */
  providers: {
    [k: string]: ProviderConfig;
  };
  defaults?: Defaults;
  /**
   * The customer groups, by key. The key is the group's identity, stable across renames; on Commerce Layer it is the group's `code`.
   */
  groups?: {
    [k: string]: GroupConfig;
  };
}
/**
 * A Commerce Layer organization (one environment: test or live), reached with integration API credentials.
 */
export interface CommerceLayerProvider {
  /**
   * The platform: Commerce Layer.
   */
  type: 'commercelayer';
  /**
   * Your organization's API address, https://<slug>.commercelayer.io.
   */
  base_url: string;
  /**
   * The authentication server. Default: https://auth.commercelayer.io.
   */
  auth_url?: string;
  /**
   * Client ID of an integration API credential.
   */
  client_id: string;
  /**
   * Client secret of the integration credential. Secret: give it as ${VAR} from the environment.
   */
  client_secret: string;
  /**
   * Optional access token scope, e.g. `market:code:europe` (several separated by spaces).
   */
  scope?: string;
  /**
   * Which Commerce Layer environment the credentials are for, which sets the rate limits groupform keeps to (live allows twice test's). Default: what the access token's `test` claim says, else test. A token for the other environment is an error.
   */
  environment?: 'test' | 'live';
  prune?: Prune;
  ignore?: Ignore;
  safety?: SafetySettings;
  max_response_mb?: MaxResponseMb;
  max_pages?: MaxPages;
}
/**
 * Limits a plan may not exceed without --force.
 */
export interface SafetySettings {
  /**
   * Largest share (0 to 1) of the provider's live groups a plan may update or delete. Default: 0.3.
   */
  max_group_changes?: number;
  /**
   * Largest share (0 to 1) of one group's live members a plan may remove. Default: 0.3.
   */
  max_member_removals?: number;
  /**
   * The limits apply only where at least this many groups or members exist. Default: 10.
   */
  min_existing?: number;
}
/**
 * A BigCommerce store, reached with a store API account's access token (scope: customers).
 */
export interface BigCommerceProvider {
  /**
   * The platform: BigCommerce.
   */
  type: 'bigcommerce';
  /**
   * The API address. Default: https://api.bigcommerce.com.
   */
  base_url?: string;
  /**
   * The store hash, as in https://api.bigcommerce.com/stores/<store_hash>/v3.
   */
  store_hash: string;
  /**
   * The API account's access token. Secret: give it as ${VAR} from the environment.
   */
  access_token: string;
  prune?: Prune;
  ignore?: Ignore;
  safety?: SafetySettings;
  max_response_mb?: MaxResponseMb;
  max_pages?: MaxPages;
}
/**
 * An Xtrakit business, reached with an API key from the dashboard's API settings.
 */
export interface XtrakitProvider {
  /**
   * The platform: Xtrakit.
   */
  type: 'xtrakit';
  /**
   * The API address. Default: https://api.xtrakit.com.
   */
  base_url?: string;
  /**
   * The API key. Secret: give it as ${VAR} from the environment.
   */
  api_key: string;
  prune?: Prune;
  ignore?: Ignore;
  safety?: SafetySettings;
  max_response_mb?: MaxResponseMb;
  max_pages?: MaxPages;
}
/**
 * Settings every group takes unless it says otherwise.
 */
export interface Defaults {
  /**
   * Names of the providers a group lives on when it has no `providers` of its own.
   *
   * @minItems 1
   */
  providers?: [string, ...string[]];
  /**
   * How members are managed: authoritative (default) or additive.
   */
  membership?: 'authoritative' | 'additive';
}
/**
 * A customer group, declared once for every provider it lives on.
 */
export interface GroupConfig {
  /**
   * The group's name on the platforms. Every platform refuses a blank name; BigCommerce and Xtrakit take at most 255 characters. Two groups on one BigCommerce provider need different names, on one Xtrakit provider names that differ by more than case; Commerce Layer tells groups apart by key.
   */
  name: string;
  /**
   * A description, kept on the platforms that have one (Xtrakit, at most 1000 characters). At least one of the group's providers must be Xtrakit.
   */
  description?: string;
  /**
   * E-mail addresses of the customers that must be in the group (compared without regard to case). Leave out both `members` and `members_file` to leave the group's memberships alone; `[]` declares an empty group.
   */
  members?: string[];
  /**
   * A file of member e-mail addresses, one a line; blank lines and lines starting with # are ignored. The path is relative to this file and must stay inside its folder (symbolic links followed); at most 64 MB, UTF-8.
   */
  members_file?: string;
  /**
   * Overrides `defaults.membership` for this group: authoritative or additive.
   */
  membership?: 'authoritative' | 'additive';
  /**
   * Names of the providers this group lives on. Default: `defaults.providers`.
   *
   * @minItems 1
   */
  providers?: [string, ...string[]];
  /**
   * Refuse any plan that would delete this group. Default: false.
   */
  protect?: boolean;
  /**
   * Existing remote group ids, by provider name, that this group takes over (what `groupform import` writes).
   */
  ids?: {
    [k: string]: string | number;
  };
  commercelayer?: CommerceLayerGroup;
  bigcommerce?: BigCommerceGroup;
}
/**
 * Fields only Commerce Layer has.
 */
export interface CommerceLayerGroup {
  /**
   * A string that identifies the group in an external system.
   */
  reference?: string;
  /**
   * The system the `reference` comes from.
   */
  reference_origin?: string;
  /**
   * Your own key-value data, stored with the group.
   */
  metadata?: {
    [k: string]: unknown;
  };
}
/**
 * Fields only BigCommerce has.
 */
export interface BigCommerceGroup {
  /**
   * New customers join this group by default.
   */
  is_default?: boolean;
  /**
   * Guests (shoppers who are not logged in) get this group's prices. At most one group per store.
   */
  is_group_for_guests?: boolean;
  category_access?: CategoryAccess;
  /**
   * The group's discounts. A price_list rule must be the only one; at most one `all` rule.
   */
  discount_rules?: DiscountRule[];
}
/**
 * Which categories the group's customers can see.
 */
export interface CategoryAccess {
  /**
   * `all` categories, only the `specific` ones listed, or `none`.
   */
  type: 'all' | 'specific' | 'none';
  /**
   * Category ids the group can see; only with `type: specific`.
   */
  categories?: number[];
}
/**
 * One discount: on a price list, on the whole catalogue (`all`), on a category or on a product.
 */
export interface DiscountRule {
  /**
   * What the discount applies to: price_list, all, category or product.
   */
  type: 'price_list' | 'all' | 'category' | 'product';
  /**
   * How `amount` applies: percent off, a fixed amount off, or a fixed price.
   */
  method?: 'percent' | 'fixed' | 'price';
  /**
   * The discount amount, e.g. 5 or "5.00".
   */
  amount?: number | string;
  /**
   * The price list, for a price_list rule.
   */
  price_list_id?: number;
  /**
   * The category, for a category rule.
   */
  category_id?: number;
  /**
   * The product, for a product rule.
   */
  product_id?: number;
}
