// PowerShell 7's executable is pwsh, the name people type for the shell: `cmts completion pwsh` was refused ("There
// is no completion for the shell pwsh"). It is PowerShell's script under the other name, offered by both scripts'
// own completion of `cmts completion <Tab>` and shown in the help.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bashScript, HELP, powershellScript, run } from '../lib/cli/completion.js';
import { memoryIo } from './helpers/memory-io.js';

describe('cmts completion pwsh', () => {
  it('prints the PowerShell script, as powershell does', () => {
    const m = memoryIo();
    expect(run(['pwsh'], m.io)).toBe(0);
    expect(m.stdout).toBe(powershellScript());
    expect(m.stderr).toBe('');
  });

  it('is offered when completing the shell, by both scripts', () => {
    expect(powershellScript()).toContain("'completion' = @('bash', 'powershell', 'pwsh')");
    const r = spawnSync('bash', ['-c', `${bashScript()}\nCOMP_WORDS=(cmts completion p); COMP_CWORD=2; _cmts; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8' });
    expect(r.stdout.split('\n').filter(Boolean).sort()).toEqual(['powershell', 'pwsh']);
  });

  it('is in the help, and a shell it does not know is still refused naming it', () => {
    expect(HELP).toMatch(/cmts completion powershell \| pwsh/);
    const m = memoryIo();
    expect(run(['zsh'], m.io)).toBe(2);
    expect(m.stderr).toContain('give bash, powershell or pwsh');
  });
});
