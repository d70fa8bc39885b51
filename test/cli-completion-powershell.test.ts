// PowerShell completes file names only when a native completer offers nothing, and the script offered every option
// of the command for any word: `cmts lint <Tab>` never completed a file name, the word an administrator types most.
// It now offers a command's options only for a word that starts with a dash, and completes `--to=<Tab>` as bash
// does. No PowerShell runs here (none is packaged for this machine), so the script's decisions are read from it.
import { describe, expect, it } from 'vitest';
import { powershellScript } from '../lib/cli/completion.js';

describe('the PowerShell completion script', () => {
  const script = powershellScript();
  const branches = script.split('\n').filter((l) => /^\s*(?:if|elseif|else)\b/.test(l));

  it("offers a command's options only for a word that starts with a dash", () => {
    const options = branches.filter((l) => l.includes('$options[$before[1]]'));
    expect(options.length).toBe(2);
    // One for completion and help, whose words are their values; one for every other command, behind a dash.
    expect(options.some((l) => l.includes("$before[1] -eq 'completion' -or $before[1] -eq 'help'"))).toBe(true);
    expect(options.filter((l) => !l.includes("'completion'")).every((l) => l.includes("$wordToComplete.StartsWith('-')"))).toBe(true);
    expect(branches.at(-1)?.trim()).toBe('else { $candidates = @() }');
  });

  it('completes the value of --option=value and gives it back with its option', () => {
    expect(script).toContain("$wordToComplete -match '^(--[A-Za-z0-9-]+=)(.*)$'");
    expect(script).toContain('CompletionResult]::new("$prefix$_"');
    expect(script).toContain("'--to' = @('json', 'xml', 'yaml')");
  });
});
