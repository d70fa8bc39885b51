/**
 * `cmts completion bash|powershell|pwsh` (pwsh, PowerShell 7's executable, names PowerShell's script): a script that completes commands, their options and the values of the options
 * that take one of a few words. The options are read from each command's --help, so the scripts cannot drift from
 * what the commands accept.
 */
import { type OptionSpecs, UsageError } from './args.js';
import { startCommand } from './start-command.js';
import { HELP as CONVERT_HELP } from './convert.js';
import { HELP as DIFF_HELP } from './diff.js';
import { HELP as INSPECT_HELP } from './inspect.js';
import type { CliIo } from './io.js';
import { HELP as KB_HELP } from './kb977203.js';
import { HELP as LINT_HELP } from './lint.js';
import { HELP as BUILD_HELP } from './build.js';
import { HELP as RENDER_HELP } from './render.js';
import { HELP as TRANSFORM_HELP } from './transform.js';
import { shownValue } from '../shown-value.js';
import { TRANSFORMS } from '../transforms/index.js';
import { PRESETS } from '../presets/index.js';
import { EXIT } from './exit.js';

/** The command's --help text. */
export const HELP = `NAME
    cmts completion - print a shell completion script

SYNOPSIS
    cmts completion bash
    cmts completion powershell | pwsh

DESCRIPTION
    Prints a script that completes cmts commands, their options, transform names and the values of --to,
    --scenario, --client-version, --format and --container, for bash or PowerShell (Windows PowerShell and
    PowerShell 7 alike; pwsh, PowerShell 7's executable, is another name for powershell). Add it to the
    shell's profile to keep it.

OPTIONS
    bash | powershell | pwsh
                        the shell to print the script for (pwsh is powershell)
    -h, --help          show this help

EXAMPLES
    # bash: this session, then every session
    source <(cmts completion bash)
    cmts completion bash > ~/.local/share/bash-completion/completions/cmts

    # PowerShell: this session, then every session
    cmts completion powershell | Out-String | Invoke-Expression
    cmts completion powershell >> $PROFILE

EXIT STATUS
    0 the script was printed; 2 usage error.
`;

const OPTIONS: OptionSpecs = { help: { type: 'boolean', short: 'h' } };

/** The OPTIONS section of a command's --help (its examples and description may name other commands' options). */
export function optionsSection(help: string): string {
  const start = help.indexOf('\nOPTIONS\n');
  const end = help.indexOf('\nEXAMPLES\n', start);
  return start === -1 ? help : help.slice(start, end === -1 ? undefined : end);
}

/** Each command's options, as the OPTIONS section of its --help lists them. */
export const COMMAND_OPTIONS: Record<string, string[]> = Object.fromEntries(
  Object.entries({ kb977203: KB_HELP, inspect: INSPECT_HELP, lint: LINT_HELP, diff: DIFF_HELP, convert: CONVERT_HELP, transform: TRANSFORM_HELP, render: RENDER_HELP, build: BUILD_HELP }).map(([name, help]) => [
    name,
    [...new Set(optionsSection(help).match(/(?<![\w-])--[a-z][a-z0-9-]*/g) ?? [])].sort(),
  ]),
);

/** Options whose value is one of a few words. */
export const OPTION_VALUES: Record<string, string[]> = {
  '--to': ['json', 'xml', 'yaml'],
  '--scenario': ['refresh', 'new-computer', 'replace-capture', 'replace-restore'],
  '--client-version': ['sp1', 'sp2'],
  '--format': ['html', 'md'],
  '--container': ['sequence', 'sms-package', 'cim-instance'],
};

/** The shells `cmts completion` takes: pwsh, PowerShell 7's executable, is another name for powershell. */
const SHELLS = ['bash', 'powershell', 'pwsh'];

const NAMES = [...Object.keys(COMMAND_OPTIONS), 'completion', 'help'];

/** What `cmts transform` takes as its first word: the transforms and the presets. */
const TRANSFORM_NAMES = [...Object.keys(TRANSFORMS), ...Object.keys(PRESETS)];

/** The bash completion script. */
export function bashScript(): string {
  // After `transform` comes the transform's name, unless the word is an option (`cmts transform --help`).
  const first = (c: string) => (c === 'transform' ? `; if [ "$COMP_CWORD" -eq 2 ] && [[ "$cur" != -* ]]; then COMPREPLY=($(compgen -W "${TRANSFORM_NAMES.join(' ')}" -- "$cur")); return; fi` : '');
  const cases = Object.entries(COMMAND_OPTIONS).map(([c, o]) => `    ${c}) opts="${o.join(' ')}"${first(c)} ;;`);
  const values = Object.entries(OPTION_VALUES).map(([o, v]) => `    ${o}) COMPREPLY=($(compgen -W "${v.join(' ')}" -- "$cur")); return ;;`);
  return `# cmts bash completion: source <(cmts completion bash)
_cmts() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd=\${COMP_WORDS[1]} opts=""
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${NAMES.join(' ')} --help --version" -- "$cur")); return
  fi
  # bash splits --to=j at the = (COMP_WORDBREAKS): the option is then the word before the =, and the value after it.
  if [ "$prev" = "=" ] && [ "$COMP_CWORD" -ge 3 ]; then prev=\${COMP_WORDS[COMP_CWORD-2]}
  elif [ "$cur" = "=" ]; then prev=\${COMP_WORDS[COMP_CWORD-1]} cur=""; fi
  case "$prev" in
${values.join('\n')}
  esac
  case "$cmd" in
${cases.join('\n')}
    completion) COMPREPLY=($(compgen -W "${SHELLS.join(' ')}" -- "$cur")); return ;;
    help) COMPREPLY=($(compgen -W "${NAMES.filter((n) => n !== 'help').join(' ')}" -- "$cur")); return ;;
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur")); return; fi
  # One file name a line, taken as it is: split into words, a name with a space was two candidates, and expanded
  # again, a name with [ or * was a glob ([a].xml offered as a.xml). (bash 3 has no mapfile.)
  local f; COMPREPLY=()
  while IFS= read -r f; do COMPREPLY+=("$f"); done < <(compgen -f -- "$cur")
}
complete -o filenames -o bashdefault -F _cmts cmts
`;
}

const psList = (items: string[]) => `@(${items.map((i) => `'${i}'`).join(', ')})`;

/** The PowerShell completion script. */
export function powershellScript(): string {
  const options = Object.entries(COMMAND_OPTIONS).map(([c, o]) => `    '${c}' = ${psList(o)}`);
  const values = Object.entries(OPTION_VALUES).map(([o, v]) => `    '${o}' = ${psList(v)}`);
  return `# cmts PowerShell completion: cmts completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName cmts -ScriptBlock {
  param($wordToComplete, $commandAst, $cursorPosition)
  $commands = ${psList([...NAMES, '--help', '--version'])}
  $options = @{
${options.join('\n')}
    'completion' = ${psList(SHELLS)}
    'help' = ${psList(NAMES.filter((n) => n !== 'help'))}
  }
  $values = @{
${values.join('\n')}
  }
  $words = @($commandAst.CommandElements | ForEach-Object { $_.ToString() })
  if ($wordToComplete) { $before = $words[0..($words.Count - 2)] } else { $before = $words }
  # --option=value: the values of that option, each given back with its option.
  $prefix = ''
  $word = $wordToComplete
  if ($wordToComplete -match '^(--[A-Za-z0-9-]+=)(.*)$' -and $values.ContainsKey($Matches[1].TrimEnd('='))) {
    $prefix = $Matches[1]
    $word = $Matches[2]
    $candidates = $values[$prefix.TrimEnd('=')]
  }
  elseif ($before.Count -le 1) { $candidates = $commands }
  elseif ($values.ContainsKey($before[-1])) { $candidates = $values[$before[-1]] }
  elseif ($before.Count -eq 2 -and $before[1] -eq 'transform' -and -not $wordToComplete.StartsWith('-')) { $candidates = ${psList(TRANSFORM_NAMES)} }
  elseif ($before.Count -eq 2 -and ($before[1] -eq 'completion' -or $before[1] -eq 'help')) { $candidates = $options[$before[1]] }
  # A command's options only for a word that starts with a dash: for any other word nothing is offered, and
  # PowerShell then completes file names (it does so only when a native completer offers nothing).
  elseif ($options.ContainsKey($before[1]) -and $wordToComplete.StartsWith('-')) { $candidates = $options[$before[1]] }
  else { $candidates = @() }
  $candidates | Where-Object { $_ -like "$word*" } | ForEach-Object {
    [System.Management.Automation.CompletionResult]::new("$prefix$_", $_, 'ParameterValue', $_)
  }
}
`;
}

/** Runs `cmts completion`. */
export function run(argv: string[], io: CliIo): number {
  const p = startCommand(
    {
      name: 'completion',
      help: HELP,
      options: OPTIONS,
      check: (q) => {
        const [shell] = q.positionals;
        if (shell === undefined) throw new UsageError('Give the shell: bash, powershell or pwsh.');
        // A shell and more: said as the extra words it is, not as if no shell was given.
        if (q.positionals.length > 1) throw new UsageError(`completion takes one shell, not ${q.positionals.length} words: leave out ${q.positionals.slice(1).map((w) => shownValue(w, '"')).join(' ')}.`);
        if (!SHELLS.includes(shell)) throw new UsageError(`There is no completion for the shell ${shownValue(shell, '"')}: give bash, powershell or pwsh.`);
      },
    },
    argv,
    io,
  );
  if (typeof p === 'number') return p;
  io.stdout.write(p.positionals[0] === 'bash' ? bashScript() : powershellScript());
  return EXIT.ok;
}
