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

// A sequence of `setups` OS installations, each a realistic pair of groups (Install Operating System, Setup Operating
// System) around one Setup Windows and ConfigMgr step, about 5.6 KB each; `appsPerSetup` Run Command Line steps in an
// Install Applications group after each pad it out. With `certfix`, each Setup step is already followed by CCMCertFix
// and a Restart Computer that notifies the user (one lint finding each).
export function generateSetupSequence(setups, appsPerSetup = 0, certfix = false) {
  const nl = '\r\n';
  const v = (indent, name, property, value, hidden = false) => `${indent}<variable name="${name}" property="${property}"${hidden ? ' hidden="true"' : ''}>${value}</variable>`;
  const step = (indent, type, name, action, vars, extra = '') => [
    `${indent}<step type="${type}" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0 3010"${extra}>`,
    `${indent}  <action>${action}</action>`,
    `${indent}  <defaultVarList>`,
    ...vars.map(([n, p, val, h]) => v(`${indent}    `, n, p, val, h)),
    `${indent}  </defaultVarList>`,
    `${indent}</step>`,
  ];
  const g = '    ';
  const out = [`<?xml version="1.0" encoding="utf-8"?>`, `<sequence version="3.00">`, `  <globalVarList>`, v('    ', 'OSDAdapterCount', 'NumAdapters', '0'), `  </globalVarList>`];
  for (let i = 0; i < setups; i++) {
    out.push(`  <group name="Install Operating System ${i}" description="Deploy image ${i}">`);
    out.push(`    <condition><operator type="or"><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">${i}</variable><variable name="Variable">Image</variable></expression></operator></condition>`);
    out.push(...step(g, 'SMS_TaskSequence_RebootAction', 'Restart in Windows PE', 'smsboot.exe /target:WinPE', [['SMSRebootMessage', 'Message', 'A new operating system is being installed.'], ['SMSRebootTimeout', 'MessageTimeout', '60'], ['SMSRebootTarget', 'Target', '']]));
    out.push(...step(g, 'SMS_TaskSequence_PartitionDiskAction', 'Partition Disk 0', 'OSDDiskPart.exe', [['OSDDiskIndex', 'DiskIndex', '0'], ['OSDPartitionStyle', 'PartitionStyle', 'GPT'], ['OSDPartitions0Type', 'Partitions0Type', 'Recovery'], ['OSDPartitions0FileSystem', 'Partitions0FileSystem', 'NTFS'], ['OSDPartitions0Size', 'Partitions0Size', '984'], ['OSDPartitions1Type', 'Partitions1Type', 'EFI'], ['OSDPartitions1Size', 'Partitions1Size', '500'], ['OSDPartitions2Type', 'Partitions2Type', 'Primary'], ['OSDPartitions2Size', 'Partitions2Size', '100'], ['OSDPartitions2VolumeLetterVariable', 'Partitions2VolumeLetterVariable', 'OSDisk']]));
    out.push(...step(g, 'SMS_TaskSequence_ApplyOperatingSystemAction', 'Apply Operating System', 'OSDApplyOS.exe /image:ABC00004,%OSDImageIndex% /runfromnet:False', [['OSDImagePackageId', 'ImagePackageID', 'ABC00004'], ['OSDImageIndex', 'ImageIndex', '1'], ['OSDTargetSystemDrive', 'DestinationVariable', 'OSDisk'], ['OSDConfigFileName', 'ConfigFileName', '']]));
    out.push(...step(g, 'SMS_TaskSequence_ApplyWindowsSettingsAction', 'Apply Windows Settings', 'OSDWinSettings.exe', [['OSDRegisteredUserName', 'RegisteredUserName', 'user'], ['OSDRegisteredOrgName', 'RegisteredOrgName', 'Contoso &amp; Partners'], ['OSDTimeZone', 'TimeZone', 'W. Europe Standard Time'], ['OSDRandomAdminPassword', 'RandomAdminPassword', 'true']]));
    out.push(...step(g, 'SMS_TaskSequence_ApplyNetworkSettingsAction', 'Apply Network Settings', 'OSDNetSettings.exe', [['OSDJoinType', 'JoinType', '0'], ['OSDDomainName', 'DomainName', 'corp.contoso.com'], ['OSDDomainOUName', 'DomainOUName', 'LDAP://OU=Workstations,DC=corp,DC=contoso,DC=com'], ['OSDJoinAccount', 'JoinAccount', 'CORP\\join']]));
    out.push(...step(g, 'SMS_TaskSequence_AutoApplyAction', 'Auto Apply Drivers', 'OSDDriverClient.exe /auto:1 /bestmatch:1 /unsigned:0', [['OSDAllowUnsignedDriver', 'AllowUnsignedDriver', 'false'], ['OSDAutoApplyDriverBestMatch', 'AutoApplyDriverBestMatch', '1']]));
    out.push(`  </group>`);
    out.push(`  <group name="Setup Operating System ${i}" description="">`);
    out.push(...step(g, 'SMS_TaskSequence_SetupWindowsAndSMSAction', 'Setup Windows and ConfigMgr', 'OSDSetupWindows.exe', [['SMSClientInstallProperties', 'ClientInstallProperties', `SMSMP=mp${i % 7}.corp.contoso.com FSP=fsp01`], ['_SMSClientPackageID', 'ClientPackageID', 'ABC00002'], ['OSDSetupHook', 'SetupHook', ''], ['OSDRebootTimeout', 'RebootTimeout', '30']], ' continueOnError="true"'));
    if (certfix) {
      out.push(...step(g, 'SMS_TaskSequence_InstallSoftwareAction', 'Install CCMCertFix', 'smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:', [['PackageID', 'PackageID', 'ABC00010', true], ['_SMSSWDProgramName', 'ProgramName', 'CCMCertFix']]));
      out.push(...step(g, 'SMS_TaskSequence_RebootAction', 'Restart Computer', 'smsboot.exe /target:HD', [['SMSRebootMessage', 'Message', 'Restarting'], ['SMSRebootTimeout', 'MessageTimeout', '60'], ['SMSRebootTarget', 'Target', 'HD']]));
    }
    out.push(...step(g, 'SMS_TaskSequence_InstallUpdateAction', 'Install Updates', 'smsswd.exe /run: %SMSTSInstallUpdates%', [['SMSInstallUpdateTarget', 'Target', 'Mandatory'], ['SMSTSSoftwareUpdateScanTimeout', 'ScanTimeout', '1800']]));
    out.push(`  </group>`);
    if (appsPerSetup > 0) {
      out.push(`  <group name="Install Applications ${i}" description="">`);
      for (let a = 0; a < appsPerSetup; a++) {
        out.push(...step(g, 'SMS_TaskSequence_RunCommandLineAction', `Install application ${a}`, `smsswd.exe /run: msiexec /i app${a}.msi /qn`, [['CommandLine', 'CommandLine', `msiexec /i app${a}.msi /qn REBOOT=ReallySuppress /l*v %TEMP%\\app${a}.log`, true], ['SMSTSDisableWow64Redirection', 'DisableWow64Redirection', 'false'], ['SuccessCodes', 'SuccessCodes', '0 3010', true]]));
      }
      out.push(`  </group>`);
    }
  }
  out.push(`</sequence>`);
  return out.join(nl) + nl;
}

// A sequence for `branches` OS images: one group per image under `OSDImage equals Image<i>`, each installing its image
// as a group of generateSetupSequence does (partition, apply, settings, drivers, its own Setup Windows and ConfigMgr
// step, updates; no restart into Windows PE), then one CCMCertFix step and restart after them all, which runs next
// after whichever branch ran (the branches exclude each other). About 5 KB a branch. With `fixed`, each branch
// already has the KB977203 PATCH entry, its own CCMCertFix step and a restart after Setup, and nothing follows them.
export function generateBranchSequence(branches, fixed = false) {
  const nl = '\r\n';
  const v = (indent, name, property, value, hidden = false) => `${indent}<variable name="${name}" property="${property}"${hidden ? ' hidden="true"' : ''}>${value}</variable>`;
  const step = (indent, type, name, action, vars) => [
    `${indent}<step type="${type}" name="${name}" description="" runIn="WinPEandFullOS" successCodeList="0 3010">`,
    `${indent}  <action>${action}</action>`,
    `${indent}  <defaultVarList>`,
    ...vars.map(([n, p, val, h]) => v(`${indent}    `, n, p, val, h)),
    `${indent}  </defaultVarList>`,
    `${indent}</step>`,
  ];
  const patch = ' PATCH=&quot;C:\\_SMSTaskSequence\\OSD\\ABC00002\\i386\\hotfix\\KB977203\\SCCM2007AC-SP2-KB977203-x86.msp&quot;';
  const certfix = (indent) => step(indent, 'SMS_TaskSequence_InstallSoftwareAction', 'Install CCMCertFix', 'smsswd.exe /pkg:ABC00010 /install /basevar: /continueOnError:', [['PackageID', 'PackageID', 'ABC00010', true], ['_SMSSWDProgramName', 'ProgramName', 'CCMCertFix']]);
  const restart = (indent) => step(indent, 'SMS_TaskSequence_RebootAction', 'Restart Computer', 'smsboot.exe /target:HD', [['SMSRebootMessage', 'Message', ''], ['SMSRebootTimeout', 'MessageTimeout', '0'], ['SMSRebootTarget', 'Target', 'HD']]);
  const g = '    ';
  const out = [`<?xml version="1.0" encoding="utf-8"?>`, `<sequence version="3.00">`];
  for (let i = 0; i < branches; i++) {
    const image = `ABC${String(1000 + i).padStart(5, '0')}`;
    out.push(`  <group name="Image ${i}" description="Deploy image ${i}">`);
    out.push(`    <condition><expression type="SMS_TaskSequence_VariableConditionExpression"><variable name="Operator">equals</variable><variable name="Value">Image${i}</variable><variable name="Variable">OSDImage</variable></expression></condition>`);
    out.push(...step(g, 'SMS_TaskSequence_PartitionDiskAction', 'Partition Disk 0', 'OSDDiskPart.exe', [['OSDDiskIndex', 'DiskIndex', '0'], ['OSDPartitionStyle', 'PartitionStyle', 'GPT'], ['OSDPartitions0Type', 'Partitions0Type', 'EFI'], ['OSDPartitions0Size', 'Partitions0Size', '500'], ['OSDPartitions1Type', 'Partitions1Type', 'Primary'], ['OSDPartitions1Size', 'Partitions1Size', '100'], ['OSDPartitions1VolumeLetterVariable', 'Partitions1VolumeLetterVariable', 'OSDisk']]));
    out.push(...step(g, 'SMS_TaskSequence_ApplyOperatingSystemAction', 'Apply Operating System', `OSDApplyOS.exe /image:${image},%OSDImageIndex% /runfromnet:False`, [['OSDImagePackageId', 'ImagePackageID', image], ['OSDImageIndex', 'ImageIndex', '1'], ['OSDTargetSystemDrive', 'DestinationVariable', 'OSDisk'], ['OSDConfigFileName', 'ConfigFileName', '']]));
    out.push(...step(g, 'SMS_TaskSequence_ApplyWindowsSettingsAction', 'Apply Windows Settings', 'OSDWinSettings.exe', [['OSDRegisteredUserName', 'RegisteredUserName', 'user'], ['OSDRegisteredOrgName', 'RegisteredOrgName', 'Contoso &amp; Partners'], ['OSDTimeZone', 'TimeZone', 'W. Europe Standard Time'], ['OSDRandomAdminPassword', 'RandomAdminPassword', 'true']]));
    out.push(...step(g, 'SMS_TaskSequence_ApplyNetworkSettingsAction', 'Apply Network Settings', 'OSDNetSettings.exe', [['OSDJoinType', 'JoinType', '0'], ['OSDDomainName', 'DomainName', 'corp.contoso.com'], ['OSDDomainOUName', 'DomainOUName', 'LDAP://OU=Workstations,DC=corp,DC=contoso,DC=com'], ['OSDJoinAccount', 'JoinAccount', 'CORP\\join']]));
    out.push(...step(g, 'SMS_TaskSequence_AutoApplyAction', 'Auto Apply Drivers', 'OSDDriverClient.exe /auto:1 /bestmatch:1 /unsigned:0', [['OSDAllowUnsignedDriver', 'AllowUnsignedDriver', 'false'], ['OSDAutoApplyDriverBestMatch', 'AutoApplyDriverBestMatch', '1']]));
    out.push(...step(g, 'SMS_TaskSequence_SetupWindowsAndSMSAction', 'Setup Windows and ConfigMgr', 'OSDSetupWindows.exe', [['SMSClientInstallProperties', 'ClientInstallProperties', `SMSMP=mp${i % 7}.corp.contoso.com FSP=fsp01${fixed ? patch : ''}`], ['_SMSClientPackageID', 'ClientPackageID', 'ABC00002'], ['OSDSetupHook', 'SetupHook', ''], ['OSDRebootTimeout', 'RebootTimeout', '30']]));
    if (fixed) out.push(...certfix(g), ...restart(g));
    out.push(...step(g, 'SMS_TaskSequence_InstallUpdateAction', 'Install Updates', 'smsswd.exe /run: %SMSTSInstallUpdates%', [['SMSInstallUpdateTarget', 'Target', 'Mandatory'], ['SMSTSSoftwareUpdateScanTimeout', 'ScanTimeout', '1800']]));
    out.push(`  </group>`);
  }
  if (!fixed) out.push(...certfix('  '), ...restart('  '));
  out.push(`</sequence>`);
  return out.join(nl) + nl;
}
