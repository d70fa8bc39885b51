// Builds a realistic pretty-printed CRLF task sequence of N steps: groups of ten steps, each step with an action,
// three variables and, for every fifth, a condition — the shape of a Current Branch export.
export function generateSequence(steps) {
  const nl = '\r\n';
  const out = [`<sequence version="3.10">`];
  out.push(`  <globalVarList>`, `    <variable name="OSDAdapterCount" property="NumAdapters">0</variable>`, `  </globalVarList>`);
  for (let g = 0; g * 10 < steps; g++) {
    out.push(`  <group name="Group ${g}" description="Phase ${g}">`);
    for (let s = g * 10; s < Math.min(steps, g * 10 + 10); s++) {
      out.push(
        `    <step type="SMS_TaskSequence_RunCommandLineAction" name="Step ${s} &amp; more" description="" runIn="WinPEandFullOS" successCodeList="0 3010" retryCount="0" runFromNet="false">`,
      );
      if (s % 5 === 0) {
        out.push(
          `      <condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">00000001</variable><variable name="Variable">_SMSTSInWinPE</variable></expression></condition>`,
        );
      }
      out.push(
        `      <action>smsswd.exe /run: cmd.exe /c "echo ${s} &gt; C:\\Windows\\Temp\\s${s}.log"</action>`,
        `      <defaultVarList>`,
        `        <variable name="CommandLine" property="CommandLine" hidden="true">cmd.exe /c "echo ${s} &gt; C:\\Windows\\Temp\\s${s}.log"</variable>`,
        `        <variable name="SMSTSDisableWow64Redirection" property="DisableWow64Redirection">false</variable>`,
        `        <variable name="SuccessCodes" property="SuccessCodes" hidden="true">0 3010</variable>`,
        `      </defaultVarList>`,
        `    </step>`,
      );
    }
    out.push(`  </group>`);
  }
  out.push(`</sequence>`);
  return out.join(nl) + nl;
}
