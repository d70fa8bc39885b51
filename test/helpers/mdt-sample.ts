/** A sequence as MDT Lite Touch writes it: a Restart Computer first, whose target is only in its action line (its
 * variable empty), and Run Command Line steps with no `type` and the command only in `<action>`. */
export const MDT = `<?xml version="1.0"?>
<sequence version="3.00" name="Custom Task Sequence">
  <group expand="true" name="Convert" description="" disable="false" continueOnError="false">
    <step type="SMS_TaskSequence_RebootAction" name="Reboot to Windows PE" description="" disable="false" continueOnError="false" runIn="WinPEandFullOS" successCodeList="0 3010">
      <defaultVarList>
        <variable name="Message" property="Message" />
        <variable name="MessageTimeout" property="MessageTimeout">60</variable>
        <variable name="Target" property="Target" />
      </defaultVarList>
      <action>smsboot.exe /target:WinPE</action>
    </step>
    <step name="Apply Windows PE" disable="false" continueOnError="false" successCodeList="0 3010" description="" startIn="">
      <action>cscript.exe "%SCRIPTROOT%\\LTIApply.wsf" /PE</action>
      <defaultVarList>
        <variable name="RunAsUser" property="RunAsUser">false</variable>
      </defaultVarList>
    </step>
  </group>
</sequence>
`;
