// Which names are secrets: the settings about passwords that are no passwords are exempt by their exact names
// (OSDRandomAdminPassword, OSDBitLockerCreateRecoveryPassword and their properties), not by a pattern: every name
// starting with Create or Random was exempt, so CreateUserPassword and RandomPassword were printed in clear by the
// page, a comparison, cmts diff and inspect, and lint did not flag them. A secret word before a suffix
// (AdminPassword1, Password_Prod) names a password too. The same test for all of them (model/secret-name.ts).
import { describe, expect, it } from 'vitest';
import { stepCatalog } from '../lib/catalog/index.js';
import { main } from '../lib/cli/main.js';
import { hasSecretName, isSecretName } from '../lib/model/secrets.js';
import { NOT_A_SECRET } from '../lib/model/secret-name.js';
import { renderComparison, renderSequence } from '../lib/render/render-sequence.js';
import { memoryIo } from './helpers/memory-io.js';
import { readTaskSequence } from './helpers/api.js';

const FLAG_TYPES = new Set(['boolean', 'enum']);
const SECRET_WORD = /password|passwd|pwd|secret|credential|productkey|apikey|token/i;

describe('the names exempt from being secrets', () => {
  it('every catalog variable named like a password is a secret unless the catalog types it a boolean or enum flag', () => {
    const named = stepCatalog.flatMap((e) => e.variables.filter((v) => SECRET_WORD.test(v.name) || SECRET_WORD.test(v.property)));
    expect(named.length).toBeGreaterThan(10);
    const wrong = named.filter((v) => hasSecretName({ attributes: { name: v.name, property: v.property } }) === FLAG_TYPES.has(v.valueType));
    expect(wrong.map((v) => `${v.name} (${v.valueType})`)).toEqual([]);
  });

  it('each exempt name is a catalog flag\'s name or property (kept in step with the catalog)', () => {
    const flags = stepCatalog.flatMap((e) => e.variables.filter((v) => FLAG_TYPES.has(v.valueType)).flatMap((v) => [v.name, v.property]));
    const exempt = NOT_A_SECRET.source.replace(/^\^\(\?:|\)\$$/g, '').split('|');
    expect(exempt.length).toBe(4);
    expect(exempt.filter((n) => !flags.includes(n))).toEqual([]);
  });

  it('names that only start like an exempt setting, and names with a suffix after the secret word, are secrets', () => {
    for (const name of ['CreateUserPassword', 'CreateLocalAdminPassword', 'RandomPassword', 'OSDRandomAdminPassword2', 'OSDBitLockerCreateRecoveryPasswordValue', 'AdminPassword1', 'Password_Prod', 'DomainPasswordEnc', 'ApiTokenProd', ' osdjoinpassword ']) {
      expect(isSecretName(name.trim()), name).toBe(true);
    }
    for (const name of ['OSDRandomAdminPassword', 'osdrandomadminpassword', 'CreateRecoveryPassword', 'OSDComputerName', 'CreateUser', 'RandomValue']) {
      expect(isSecretName(name), name).toBe(false);
    }
  });
});

const setVariable = (name: string, value: string) =>
  `<step type="SMS_TaskSequence_SetVariableAction" name="Set ${name}"><action>tsenv.exe "${name}=${value}" /hiddenflag:False</action><defaultVarList><variable name="DoNotShowVariableValue" property="DoNotShowVariableValue" hidden="true">false</variable><variable name="VariableName" property="VariableName" hidden="true">${name}</variable><variable name="VariableValue" property="VariableValue" hidden="true">${value}</variable></defaultVarList></step>`;
const sequence = (value: string) =>
  `<sequence version="3.10"><globalVarList><variable name="CreateUserPassword" property="CreateUserPassword">${value}G</variable></globalVarList><group name="G">${['CreateUserPassword', 'RandomPassword', 'AdminPassword1', 'Password_Prod'].map((n) => setVariable(n, `${value}-${n}`)).join('')}${setVariable('OSDRandomAdminPassword', 'true')}<step type="SMS_TaskSequence_RunCommandLineAction" name="If"><condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Variable">RandomPassword</variable><variable name="Operator">equals</variable><variable name="Value">${value}C</variable></expression></condition><action>cmd /c x</action><defaultVarList><variable name="CommandLine" property="CommandLine">cmd /c x</variable></defaultVarList></step></group></sequence>`;

describe('such a secret is hidden by everything cmts prints', () => {
  it('the page, a comparison, cmts diff and cmts inspect show no value; lint flags the values in clear text', async () => {
    const before = sequence('OldSecret1');
    const after = sequence('NewSecret2');
    for (const format of ['html', 'md'] as const) {
      const page = renderSequence(readTaskSequence(after), { format });
      expect(page).not.toContain('NewSecret2');
      // A setting about a password is shown.
      expect(page).toContain('OSDRandomAdminPassword = true');
      expect(renderComparison(readTaskSequence(before), readTaskSequence(after), { format })).not.toMatch(/OldSecret1|NewSecret2/);
    }
    const m = memoryIo({ 'a.xml': before, 'b.xml': after });
    expect(await main(['diff', 'a.xml', 'b.xml'], m.io)).toBe(1);
    expect(m.stdout).not.toMatch(/OldSecret1|NewSecret2/);
    expect(m.stdout).toContain('(hidden)');
    expect(await main(['inspect', 'b.xml'], m.io)).toBe(0);
    const lint = memoryIo({ 'b.xml': after });
    await main(['lint', '--json', 'b.xml'], lint.io);
    const secrets = lint.stdout.match(/"clear-text-secret"/g) ?? [];
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    expect(m.stdout + lint.stdout).not.toContain('NewSecret2');
  });
});
