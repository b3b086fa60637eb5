# Pester 6: the Intune and ConfigMgr scripts against the Linux build (BR_EXE) and snapshots: every exit
# code of the tool maps as documented, stdout holds exactly the one line (no BOM), the line fits Intune's
# 2,048 characters, and the full JSON report is in the log folder.
BeforeAll {
    $script:Exe = $env:BR_EXE
    $script:Root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    # The dotnet tool runs inside dotnet, so its own process path is not a PowerShell to start: the runner names it.
    $script:Pwsh = if ($env:BR_PWSH) { $env:BR_PWSH } else { "pwsh" }

    function script:New-Case([string]$name, [string[]]$values, [string]$faultKey = '') {
        $dir = Join-Path $TestDrive $name
        New-Item -ItemType Directory -Force -Path $dir | Out-Null
        $resources = @()
        $registry = @{}
        $i = 0
        foreach ($v in $values) {
            $i++
            $key = "HKLM\SOFTWARE\BRTest\K$i"
            $id = if ($values.Count -gt 20) { "a-resource-with-a-long-identifier-so-that-the-line-grows-$i" } else { "value-$i" }
            $resources += @{ id = $id; type = 'registry'; properties = @{ key = $key; values = @{ V = @{ kind = 'dword'; data = 1 } } } }
            # 'manual': an audit-mode resource that differs, a finding apply never changes.
            if ($v -eq 'manual') { $resources[-1].mode = 'audit' }
            if ($v -eq 'ok') { $registry[$key] = @{ V = @{ kind = 'dword'; data = 1 } } } else { $registry[$key] = @{ V = @{ kind = 'dword'; data = 0 } } }
        }
        $snapshot = @{ snapshotVersion = 1; computerName = 'INTUNE01'; registry = $registry }
        if ($faultKey) { $snapshot.faults = @(@{ operation = 'read'; target = "registry:HKLM\SOFTWARE\BRTest\$faultKey"; message = 'Access is denied.' }) }
        @{ name = "case-$name"; resources = $resources } | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath (Join-Path $dir 'baseline.json') -Encoding utf8NoBOM
        $snapshot | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath (Join-Path $dir 'snapshot.json') -Encoding utf8NoBOM
        $dir
    }

    function script:Invoke-Script([string]$script, [string]$dir, [string]$exe = $script:Exe, [string]$baseline = '', [string]$stateDir = '') {
        if (-not $baseline) { $baseline = Join-Path $dir 'baseline.json' }
        if (-not $stateDir) { $stateDir = Join-Path $dir 'state' }
        $start = [System.Diagnostics.ProcessStartInfo]::new($script:Pwsh)
        foreach ($a in @('-NoProfile', '-NonInteractive', '-File', (Join-Path $script:Root $script), '-Exe', $exe, '-Baseline', $baseline,
                         '-Snapshot', (Join-Path $dir 'snapshot.json'), '-LogDir', (Join-Path $dir 'logs'), '-StateDir', $stateDir)) {
            $start.ArgumentList.Add($a)
        }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $process = [System.Diagnostics.Process]::Start($start)
        $bytes = [System.IO.MemoryStream]::new()
        $copy = $process.StandardOutput.BaseStream.CopyToAsync($bytes)
        $err = $process.StandardError.ReadToEndAsync()
        $process.WaitForExit()
        $copy.Wait()
        $raw = $bytes.ToArray()
        $text = [System.Text.Encoding]::UTF8.GetString($raw)
        [pscustomobject]@{ Exit = $process.ExitCode; Bytes = $raw; Text = $text; Lines = @($text -split "`n" | Where-Object { $_ -ne '' }); Err = $err.Result }
    }

    function script:Assert-OneLine($result) {
        $result.Lines.Count | Should -Be 1
        $result.Text | Should -Match "^[^\n]+\n$"
        if ($result.Bytes.Length -ge 3) { ($result.Bytes[0] -eq 0xEF -and $result.Bytes[1] -eq 0xBB -and $result.Bytes[2] -eq 0xBF) | Should -BeFalse }
        $result.Lines[-1].Length | Should -BeLessOrEqual 2048
    }

    # A restart the first apply defers (a DPM job runs), to be done by a later applying run once the job is over.
    function script:New-RestartCase([string]$name) {
        $dir = Join-Path $TestDrive $name
        New-Item -ItemType Directory -Force -Path $dir | Out-Null
        @{ name = "case-$name"; resources = @(@{ id = 'timeout'; type = 'registry'; restartServices = @('DPMRA')
                properties = @{ key = 'HKLM\SOFTWARE\Microsoft\Microsoft Data Protection Manager\Agent'; values = @{ ConnectionNoActivityTimeout = @{ kind = 'dword'; data = 7200 } } } }) } |
            ConvertTo-Json -Depth 10 | Set-Content -LiteralPath (Join-Path $dir 'baseline.json') -Encoding utf8NoBOM
        @{ snapshotVersion = 1; computerName = 'DPM01'; services = @{ DPMRA = @{ startType = 'automatic'; state = 'running' } }
           backupActivity = @{ running = @(@{ kind = 'sqlAgentJob'; name = '00890b12'; detail = 'MSDPM2012' }) } } |
            ConvertTo-Json -Depth 10 | Set-Content -LiteralPath (Join-Path $dir 'snapshot.json') -Encoding utf8NoBOM
        $dir
    }

    function script:Set-Idle([string]$dir) {
        $s = Get-Content -Raw (Join-Path $dir 'snapshot.json') | ConvertFrom-Json -AsHashtable
        $s.Remove('backupActivity')
        $s | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath (Join-Path $dir 'snapshot.json') -Encoding utf8NoBOM
    }

    # A file that is there but cannot be run (no execute permission; on Windows a damaged or blocked exe).
    $script:Unrunnable = Join-Path $TestDrive 'unrunnable-exe'
    Set-Content -LiteralPath $script:Unrunnable -Value "#!/bin/sh`nexit 0" -Encoding utf8NoBOM

    # A stand-in for a tool that exits with a code it does not document (a crash, a kill).
    $script:Odd = Join-Path $TestDrive 'odd-exe'
    Set-Content -LiteralPath $script:Odd -Value "#!/bin/sh`necho 'killed' >&2`nexit 3" -Encoding utf8NoBOM
    chmod +x $script:Odd
}

Describe 'The tool itself gives each exit code on its cases' {
    It 'test exits <code> on <name>' -ForEach @(
        @{ name = 'compliant'; values = @('ok', 'ok'); fault = ''; code = 0 }
        @{ name = 'drifted'; values = @('ok', 'bad'); fault = ''; code = 2 }
        @{ name = 'unreadable'; values = @('ok', 'ok'); fault = 'K2'; code = 4 }
        @{ name = 'drifted-and-unreadable'; values = @('bad', 'ok'); fault = 'K2'; code = 6 }
    ) {
        $dir = New-Case "tool-$name" $values $fault
        & $script:Exe test (Join-Path $dir 'baseline.json') --snapshot (Join-Path $dir 'snapshot.json') --state-dir (Join-Path $dir 'state') 2>$null | Out-Null
        $LASTEXITCODE | Should -Be $code
    }
}

Describe 'Intune detection' {
    It 'maps tool exit <tool> (<name>) to <exit> with a line starting <prefix>' -ForEach @(
        @{ name = 'compliant'; values = @('ok', 'ok'); fault = ''; tool = 0; exit = 0; prefix = 'Compliant: ' }
        @{ name = 'drifted'; values = @('ok', 'bad'); fault = ''; tool = 2; exit = 1; prefix = 'Drift: ' }
        @{ name = 'manual only'; values = @('ok', 'manual'); fault = ''; tool = 2; exit = 1; prefix = 'Drift: ' }
        @{ name = 'unreadable'; values = @('ok', 'ok'); fault = 'K2'; tool = 4; exit = 1; prefix = 'Failed: ' }
        @{ name = 'both'; values = @('bad', 'ok'); fault = 'K2'; tool = 6; exit = 1; prefix = 'Failed: ' }
    ) {
        $dir = New-Case "detect-$name" $values $fault
        $before = Get-FileHash (Join-Path $dir 'snapshot.json')
        $r = Invoke-Script 'integrations/intune/Detect-BackupReconciler.ps1' $dir
        $r.Exit | Should -Be $exit
        Assert-OneLine $r
        $r.Lines[0] | Should -BeLike "$prefix*"
        (Get-Content -Raw (Join-Path $dir 'logs/backup-reconciler-test.json') | ConvertFrom-Json).exitCode | Should -Be $tool
        (Get-FileHash (Join-Path $dir 'snapshot.json')).Hash | Should -Be $before.Hash
    }

    It 'maps an invalid baseline (tool exit 1) to 2, so remediation does not run' {
        $dir = New-Case 'detect-invalid' @('ok')
        Set-Content -LiteralPath (Join-Path $dir 'bad.json') -Value '{ "name": ' -Encoding utf8NoBOM
        $r = Invoke-Script 'integrations/intune/Detect-BackupReconciler.ps1' $dir -baseline (Join-Path $dir 'bad.json')
        $r.Exit | Should -Be 2
        Assert-OneLine $r
        $r.Lines[0] | Should -BeLike 'Error: backup-reconciler test exited 1, nothing checked: *bad.json*'
    }

    It 'maps an undocumented exit code and a missing exe to 2' {
        $dir = New-Case 'detect-odd' @('ok')
        $r = Invoke-Script 'integrations/intune/Detect-BackupReconciler.ps1' $dir -exe $script:Odd
        $r.Exit | Should -Be 2
        Assert-OneLine $r
        $r.Lines[0] | Should -Be 'Error: backup-reconciler test exited 3, nothing checked: killed'
        $m = Invoke-Script 'integrations/intune/Detect-BackupReconciler.ps1' $dir -exe (Join-Path $dir 'nowhere.exe')
        $m.Exit | Should -Be 2
        $m.Lines[0] | Should -BeLike 'Error: backup-reconciler is not installed at *'
    }

    It 'keeps the last line within 2,048 characters however many resources drift' {
        $dir = New-Case 'detect-long' (@('bad') * 120)
        $r = Invoke-Script 'integrations/intune/Detect-BackupReconciler.ps1' $dir
        $r.Exit | Should -Be 1
        Assert-OneLine $r
        $r.Lines[0].Length | Should -Be 2048
        $r.Lines[0] | Should -BeLike 'Drift: 120 drifted*...'
    }
}

Describe 'Every script on a hostile or unusual host' {
    It 'keeps Intune''s line one line of whole characters whatever the host and baseline names hold' -ForEach @(
        @{ pad = '' }
        @{ pad = 'x' }
    ) {
        # The names are the report's, printed by the scripts: a line break, a Unicode line separator, a tab, quotes
        # (the tool refuses NUL and the other control characters), and characters outside the BMP where the 2,048-character cut falls (both parities).
        $dir = New-Case "detect-hostile$pad" @('ok')
        $b = Get-Content -Raw (Join-Path $dir 'baseline.json') | ConvertFrom-Json -AsHashtable
        $b.name = $pad + ([string]::Concat(@([char]::ConvertFromUtf32(0x1F600)) * 1100))
        $b | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath (Join-Path $dir 'baseline.json') -Encoding utf8NoBOM
        $s = Get-Content -Raw (Join-Path $dir 'snapshot.json') | ConvertFrom-Json -AsHashtable
        $s.computerName = "HOST`n`"q`" 'x'`t$([char]0x2028)end"
        $s | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath (Join-Path $dir 'snapshot.json') -Encoding utf8NoBOM
        foreach ($script in @('integrations/intune/Detect-BackupReconciler.ps1', 'integrations/intune/Remediate-BackupReconciler.ps1')) {
            $r = Invoke-Script $script $dir
            $r.Exit | Should -Be 0
            Assert-OneLine $r
            $r.Text | Should -Not -Match "[\u2028\u2029\t\x00\uFFFD]"
            $r.Lines[0] | Should -BeLike 'Compliant: *...'
        }
        $s.computerName = "HOST`n`"q`"$([char]0x2028)end"
        $s | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath (Join-Path $dir 'snapshot.json') -Encoding utf8NoBOM
        $b.name = 'short'
        $b | ConvertTo-Json -Depth 10 | Set-Content -LiteralPath (Join-Path $dir 'baseline.json') -Encoding utf8NoBOM
        $cm = Invoke-Script 'integrations/configmgr/Remediate-BackupReconciler.ps1' $dir
        $cm.Exit | Should -Be 0
        Assert-OneLine $cm
        $cm.Lines[0] | Should -BeExactly '0 changed, 0 manual, 0 failed of 1 in short on HOST "q" end (exit 0)'
    }

    It 'hands <script> a state folder with a space and a final backslash in a form Windows PowerShell 5.1 quotes intact' -ForEach @(
        @{ script = 'integrations/intune/Detect-BackupReconciler.ps1' }
        @{ script = 'integrations/intune/Remediate-BackupReconciler.ps1' }
        @{ script = 'integrations/configmgr/Discover-BackupReconciler.ps1' }
        @{ script = 'integrations/configmgr/Remediate-BackupReconciler.ps1' }
    ) {
        # 5.1 writes "C:\State Dir\" on the command line, and the last backslash escapes the quote; "C:\State Dir\." cannot go wrong.
        $dir = New-Case ('state-arg-' + [IO.Path]::GetFileNameWithoutExtension($script)) @('ok')
        $recorder = Join-Path $dir 'recorder'
        Set-Content -LiteralPath $recorder -Value "#!/bin/sh`nprintf '%s\n' `"`$@`" > '$(Join-Path $dir 'args.txt')'`nexit 3" -Encoding utf8NoBOM
        chmod +x $recorder
        Invoke-Script $script $dir -exe $recorder -stateDir 'C:\ProgramData\Backup Reconciler\' | Out-Null
        $arguments = @(Get-Content -LiteralPath (Join-Path $dir 'args.txt'))
        $arguments[[array]::IndexOf($arguments, '--state-dir') + 1] | Should -Be 'C:\ProgramData\Backup Reconciler\.'
    }

    It 'maps a tool that is there but cannot be started to an error, never to drift or compliance' {
        $dir = New-Case 'unrunnable' @('bad')
        $d = Invoke-Script 'integrations/intune/Detect-BackupReconciler.ps1' $dir -exe $script:Unrunnable
        $d.Exit | Should -Be 2
        Assert-OneLine $d
        $d.Lines[0] | Should -BeLike 'Error: backup-reconciler could not be started (*unrunnable-exe), nothing checked: *'
        $r = Invoke-Script 'integrations/intune/Remediate-BackupReconciler.ps1' $dir -exe $script:Unrunnable
        $r.Exit | Should -Be 1
        Assert-OneLine $r
        $r.Lines[0] | Should -BeLike 'Error: backup-reconciler could not be started (*unrunnable-exe), nothing applied: *'
        foreach ($script in @('integrations/configmgr/Discover-BackupReconciler.ps1', 'integrations/configmgr/Remediate-BackupReconciler.ps1')) {
            $c = Invoke-Script $script $dir -exe $script:Unrunnable
            $c.Exit | Should -Be 1
            $c.Text | Should -BeExactly ''
            $c.Err | Should -BeLike 'backup-reconciler could not be started (*unrunnable-exe)*'
        }
    }

    It 'prints counts that add up to the total when a resource is predicted to fail and its dependent skipped' {
        $dir = Join-Path $TestDrive 'predicted'
        New-Item -ItemType Directory -Force -Path $dir | Out-Null
        # Starting a disabled service is a predicted failure (apply fails it); the resource that depends on it is skipped.
        @{ name = 'predicted'; resources = @(
                @{ id = 'a'; type = 'service'; properties = @{ name = 'A'; state = 'running' } }
                @{ id = 'b'; type = 'service'; dependsOn = @('a'); properties = @{ name = 'B'; state = 'running' } }) } |
            ConvertTo-Json -Depth 10 | Set-Content -LiteralPath (Join-Path $dir 'baseline.json') -Encoding utf8NoBOM
        @{ snapshotVersion = 1; computerName = 'H1'; services = @{ A = @{ startType = 'disabled'; state = 'stopped' }; B = @{ startType = 'manual'; state = 'stopped' } } } |
            ConvertTo-Json -Depth 10 | Set-Content -LiteralPath (Join-Path $dir 'snapshot.json') -Encoding utf8NoBOM
        $d = Invoke-Script 'integrations/intune/Detect-BackupReconciler.ps1' $dir
        $d.Exit | Should -Be 1
        $d.Lines[0] | Should -BeExactly 'Failed: 0 drifted, 0 manual, 0 failed, 1 predicted to fail, 1 skipped of 2 in predicted on H1: a (predictedFailure), b (skipped)'
        $r = Invoke-Script 'integrations/intune/Remediate-BackupReconciler.ps1' $dir
        $r.Exit | Should -Be 1
        $r.Lines[0] | Should -BeExactly 'Failed: 0 changed, 0 manual, 1 failed, 1 skipped of 2 in predicted on H1: a (failed), b (skipped)'
        $c = Invoke-Script 'integrations/configmgr/Remediate-BackupReconciler.ps1' $dir
        $c.Exit | Should -Be 1
        $c.Lines[0] | Should -BeExactly '0 changed, 0 manual, 1 failed, 1 skipped of 2 in predicted on H1 (exit 4)'
    }

    It 'sees a restart an earlier apply deferred as work to do until an apply does it' {
        $dir = New-RestartCase 'restart-intune'
        (Invoke-Script 'integrations/intune/Remediate-BackupReconciler.ps1' $dir).Lines[0] | Should -BeLike 'Fixed: 1 changed, 0 manual, 0 failed of 1 *; restart still due: DPMRA'
        Set-Idle $dir
        $d = Invoke-Script 'integrations/intune/Detect-BackupReconciler.ps1' $dir
        $d.Exit | Should -Be 1
        $d.Lines[0] | Should -BeLike 'Drift: 0 drifted, 0 manual, 0 failed of 1 in case-restart-intune on DPM01; restart due: DPMRA'
        $r = Invoke-Script 'integrations/intune/Remediate-BackupReconciler.ps1' $dir
        $r.Exit | Should -Be 0
        $r.Lines[0] | Should -BeLike 'Fixed: 0 changed, 0 manual, 0 failed of 1 *; restarted: DPMRA'
        (Invoke-Script 'integrations/intune/Detect-BackupReconciler.ps1' $dir).Exit | Should -Be 0

        $cm = New-RestartCase 'restart-configmgr'
        (Invoke-Script 'integrations/configmgr/Remediate-BackupReconciler.ps1' $cm).Exit | Should -Be 0
        Set-Idle $cm
        (Invoke-Script 'integrations/configmgr/Discover-BackupReconciler.ps1' $cm).Text | Should -BeExactly "NonCompliant`n"
        (Invoke-Script 'integrations/configmgr/Remediate-BackupReconciler.ps1' $cm).Lines[0] | Should -BeExactly "0 changed, 0 manual, 0 failed of 1 in case-restart-configmgr on DPM01 (exit 2)"
        (Invoke-Script 'integrations/configmgr/Discover-BackupReconciler.ps1' $cm).Text | Should -BeExactly "Compliant`n"
    }
}

Describe 'Intune remediation' {
    It 'maps apply exit <tool> (<name>) to <exit> with a line starting <prefix>' -ForEach @(
        @{ name = 'compliant'; values = @('ok', 'ok'); fault = ''; tool = 0; exit = 0; prefix = 'Compliant: nothing to change' }
        @{ name = 'drifted'; values = @('ok', 'bad'); fault = ''; tool = 2; exit = 0; prefix = 'Fixed: 1 changed' }
        @{ name = 'manual only'; values = @('ok', 'manual'); fault = ''; tool = 0; exit = 0; prefix = 'Manual: 0 changed, 1 manual' }
        @{ name = 'unreadable'; values = @('ok', 'ok'); fault = 'K2'; tool = 4; exit = 1; prefix = 'Failed: ' }
        @{ name = 'both'; values = @('bad', 'ok'); fault = 'K2'; tool = 6; exit = 1; prefix = 'Failed: 1 changed' }
    ) {
        $dir = New-Case "remediate-$name" $values $fault
        $r = Invoke-Script 'integrations/intune/Remediate-BackupReconciler.ps1' $dir
        $r.Exit | Should -Be $exit
        Assert-OneLine $r
        $r.Lines[0] | Should -BeLike "$prefix*"
        (Get-Content -Raw (Join-Path $dir 'logs/backup-reconciler-apply.json') | ConvertFrom-Json).exitCode | Should -Be $tool
        if ($name -eq 'drifted') {
            $detect = Invoke-Script 'integrations/intune/Detect-BackupReconciler.ps1' $dir
            $detect.Exit | Should -Be 0
        }
    }

    It 'maps tool exit 1 and undocumented codes to 1 with an Error line' {
        $dir = New-Case 'remediate-odd' @('ok')
        $r = Invoke-Script 'integrations/intune/Remediate-BackupReconciler.ps1' $dir -exe $script:Odd
        $r.Exit | Should -Be 1
        Assert-OneLine $r
        $r.Lines[0] | Should -Be 'Error: backup-reconciler apply exited 3, nothing applied: killed'
        $b = Invoke-Script 'integrations/intune/Remediate-BackupReconciler.ps1' $dir -baseline (Join-Path $dir 'missing.json')
        $b.Exit | Should -Be 1
        $b.Lines[0] | Should -BeLike 'Error: backup-reconciler apply exited 1, *'
    }
}

Describe 'ConfigMgr discovery' {
    It 'maps tool exit <tool> (<name>) to exit <exit> and output "<word>"' -ForEach @(
        @{ name = 'compliant'; values = @('ok', 'ok'); fault = ''; tool = 0; exit = 0; word = 'Compliant' }
        @{ name = 'drifted'; values = @('ok', 'bad'); fault = ''; tool = 2; exit = 0; word = 'NonCompliant' }
        @{ name = 'both'; values = @('bad', 'ok'); fault = 'K2'; tool = 6; exit = 0; word = 'NonCompliant' }
        @{ name = 'unreadable'; values = @('ok', 'ok'); fault = 'K2'; tool = 4; exit = 1; word = '' }
    ) {
        $dir = New-Case "discover-$name" $values $fault
        $r = Invoke-Script 'integrations/configmgr/Discover-BackupReconciler.ps1' $dir
        $r.Exit | Should -Be $exit
        if ($word) { $r.Text | Should -BeExactly "$word`n" } else { $r.Text | Should -BeExactly ''; $r.Err | Should -BeLike '*could not read every resource (exit 4*' }
        (Get-Content -Raw (Join-Path $dir 'logs/backup-reconciler-test.json') | ConvertFrom-Json).exitCode | Should -Be $tool
    }

    It 'is a discovery failure (exit 1, nothing on stdout) for tool exit 1, undocumented codes and a missing exe' {
        $dir = New-Case 'discover-odd' @('ok')
        foreach ($r in @(
                (Invoke-Script 'integrations/configmgr/Discover-BackupReconciler.ps1' $dir -exe $script:Odd),
                (Invoke-Script 'integrations/configmgr/Discover-BackupReconciler.ps1' $dir -baseline (Join-Path $dir 'missing.json')),
                (Invoke-Script 'integrations/configmgr/Discover-BackupReconciler.ps1' $dir -exe (Join-Path $dir 'nowhere.exe')))) {
            $r.Exit | Should -Be 1
            $r.Text | Should -BeExactly ''
            $r.Err | Should -Not -BeNullOrEmpty
        }
    }
}

Describe 'ConfigMgr remediation' {
    It 'maps apply exit <tool> (<name>) to exit <exit>' -ForEach @(
        @{ name = 'compliant'; values = @('ok', 'ok'); fault = ''; tool = 0; exit = 0 }
        @{ name = 'drifted'; values = @('ok', 'bad'); fault = ''; tool = 2; exit = 0 }
        @{ name = 'manual only'; values = @('ok', 'manual'); fault = ''; tool = 0; exit = 0 }
        @{ name = 'unreadable'; values = @('ok', 'ok'); fault = 'K2'; tool = 4; exit = 1 }
        @{ name = 'both'; values = @('bad', 'ok'); fault = 'K2'; tool = 6; exit = 1 }
    ) {
        $dir = New-Case "cm-remediate-$name" $values $fault
        $r = Invoke-Script 'integrations/configmgr/Remediate-BackupReconciler.ps1' $dir
        $r.Exit | Should -Be $exit
        Assert-OneLine $r
        $r.Lines[0] | Should -BeLike "*(exit $tool)"
        if ($name -eq 'drifted') { (Invoke-Script 'integrations/configmgr/Discover-BackupReconciler.ps1' $dir).Text | Should -BeExactly "Compliant`n" }
    }

    It 'fails (exit 1, the reason on stderr) for tool exit 1 and undocumented codes' {
        $dir = New-Case 'cm-remediate-odd' @('ok')
        $r = Invoke-Script 'integrations/configmgr/Remediate-BackupReconciler.ps1' $dir -exe $script:Odd
        $r.Exit | Should -Be 1
        $r.Text | Should -BeExactly ''
        $r.Err | Should -BeLike '*exited 3*killed*'
    }
}
