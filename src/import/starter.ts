// The starter groups.yaml that `groupform init` writes, and the `providers:` entries `import` starts from when
// there is no config yet: one commented entry per chosen platform, credentials read from the environment.
import type { ProviderType } from '../model.js';

/** The instance name each platform gets in a starter file (as in the README and the examples). */
export const STARTER_NAMES: Record<ProviderType, string> = { commercelayer: 'cl', bigcommerce: 'bc', xtrakit: 'xk' };

/** `code  # comment`, the comments of a block lined up. */
const at = (code: string, comment?: string): string => (comment === undefined ? code : `${code.padEnd(52)}# ${comment}`);

const PROVIDER_ENTRIES: Record<ProviderType, string[]> = {
  commercelayer: [
    '  # Commerce Layer: an integration API credential (Settings > API credentials).',
    '  cl:',
    '    type: commercelayer',
    at('    base_url: ${CL_BASE_URL}', 'https://<your-organization-slug>.commercelayer.io'),
    '    auth_url: ${CL_AUTH_URL:-https://auth.commercelayer.io}',
    '    client_id: ${CL_CLIENT_ID}',
    '    client_secret: ${CL_CLIENT_SECRET}',
  ],
  bigcommerce: [
    '  # BigCommerce: a store-level API account whose Customers scope is "modify".',
    '  bc:',
    '    type: bigcommerce',
    '    base_url: ${BC_BASE_URL:-https://api.bigcommerce.com}',
    at('    store_hash: ${BC_STORE_HASH}', 'from the API path: stores/<store_hash>/v3'),
    '    access_token: ${BC_ACCESS_TOKEN}',
  ],
  xtrakit: [
    '  # Xtrakit: an API key (Account > API keys).',
    '  xk:',
    '    type: xtrakit',
    '    base_url: ${XTRAKIT_BASE_URL:-https://api.xtrakit.com}',
    '    api_key: ${XTRAKIT_API_KEY}',
  ],
};

/** The `providers:` entries of a starter file, as lines indented under `providers:`. */
function starterProviders(platforms: readonly ProviderType[]): string[] {
  return platforms.flatMap((platform) => PROVIDER_ENTRIES[platform]);
}

/**
 * A commented groups.yaml for these platforms, valid as written and changing nothing until a group is declared.
 * `schema` is the `$schema` reference, `file` the file's name.
 */
export function starterConfig(platforms: readonly ProviderType[], schema: string, file: string): string {
  const names = platforms.map((platform) => STARTER_NAMES[platform]);
  return [
    `# yaml-language-server: $schema=${schema}`,
    '#',
    '# The customer groups groupform keeps on your platforms, and who belongs to each.',
    '#   groupform validate   check this file (no network)',
    '#   groupform plan       show what would change on the platforms',
    '#   groupform apply      make it so',
    `# Groups that already exist: \`groupform import --out ${file}\` adds them here, with their members.`,
    '# Credentials come from the environment (or --env-file .env); they never belong in this file.',
    'version: 1',
    '',
    'providers:',
    ...starterProviders(platforms),
    at('    # prune: true', 'delete the groups this file does not declare…'),
    at('    # ignore: ["Legacy *"]', '…except these, which are never touched'),
    '',
    'defaults:',
    at(`  providers: [${names.join(', ')}]`, 'where a group lives unless it says `providers:`'),
    at('  membership: authoritative', 'or additive: only add customers, never remove them'),
    '',
    'groups: {}',
    at('  # vip:', "the key: the group's identity (Commerce Layer code)"),
    '  #   name: VIP',
    ...(platforms.includes('xtrakit') ? [at('  #   description: Our best customers', 'Xtrakit keeps it; the others ignore it')] : []),
    at('  #   members: [jane@example.com]', 'or members_file: members/vip.txt, one e-mail a line'),
    '',
  ].join('\n');
}
