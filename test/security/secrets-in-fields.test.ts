// Item 2 of issue 10: a secret interpolated into a plain field would be published in every plan (text, json,
// the markdown PR comment), the saved plan and the platform. It is an error at its place, in every command.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_KEY, expectRefused, expectRefusedAt, HEAD, project, type Project } from './hostile-config.js';

const USES_KEY = "'name' of group 'vip' uses ${XTRAKIT_API_KEY}, which holds a secret (it is the api_key of provider 'xk')";

let p: Project;
beforeEach(() => (p = project()));
afterEach(() => p.remove());

describe('a secret in a managed field', () => {
  beforeEach(() => p.write('groups.yaml', HEAD + '  vip:\n    name: "Key ${XTRAKIT_API_KEY}"\n'));

  it('fails validate at its place, naming the variable', async () => {
    await expectRefusedAt(p, ['validate'], 'groups.yaml:11:16', USES_KEY);
  });

  it('fails validate --format json with the same finding', async () => {
    const result = await p.run(['validate', '--format', 'json']);
    expectRefused(result);
    expect(JSON.parse(result.stdout).findings).toEqual([
      { severity: 'error', code: 'secret-in-field', message: expect.stringContaining(USES_KEY), pos: { file: 'groups.yaml', line: 11, column: 16 } },
    ]);
  });

  it.each([['text'], ['json'], ['markdown']])('fails plan --format %s before anything is read or saved', async (format) => {
    await expectRefusedAt(p, ['plan', '--format', format, '--out', 'plan.json', '--log-file', 'calls.log'], 'groups.yaml:11:16', USES_KEY);
  });

  it('keeps the key out of --verbose output too', async () => {
    await expectRefusedAt(p, ['plan', '--verbose'], 'groups.yaml:11:16', USES_KEY);
  });
});

describe('other ways a secret reaches a field', () => {
  it('a variable named like a secret, in a description', async () => {
    p.write('groups.yaml', HEAD + '  vip:\n    name: VIP\n    description: "${SHOP_DB_PASSWORD:-x}"\n');
    await expectRefusedAt(
      p,
      ['validate'],
      'groups.yaml:12:19',
      "'description' of group 'vip' uses ${SHOP_DB_PASSWORD}, which holds a secret (its name says so)",
    );
  });

  it('the key pasted into an e-mail address', async () => {
    p.write('groups.yaml', HEAD + `  vip:\n    name: VIP\n    members: [ava@example.com, "${API_KEY}@example.com"]\n`);
    await expectRefusedAt(p, ['plan'], 'groups.yaml:12:32', "Item 2 of 'members' of group 'vip' holds the value of the api_key of provider 'xk', a secret");
  });

  it('the key as the value of another variable, in a provider setting', async () => {
    p.write('groups.yaml', HEAD.replace('http://127.0.0.1:1', 'http://127.0.0.1:1/${PREFIX}') + '  vip:\n    name: VIP\n');
    const message = "'base_url' of provider 'xk' holds the value of the api_key of provider 'xk', a secret";
    await expectRefusedAt(p, ['plan'], 'groups.yaml:5:15', message, [], { PREFIX: API_KEY });
  });
});
