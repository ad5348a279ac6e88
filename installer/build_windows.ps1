<#
.SYNOPSIS
    Build the Windows setup of fireoffice: dist\fireoffice-<version>-setup.exe

.DESCRIPTION
    Run on Windows 10/11 (x64) with Python 3.11+ from python.org (the "py" launcher) and Inno Setup 6.3+:

        powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1

    1. .venv\ with the app and the build tools:  pip install -e ".[build,postgresql]"
    2. PyInstaller one-folder bundle:             installer\fireoffice.spec -> dist\fireoffice\
       (fireoffice.exe = command line, fireoffice-gui.exe = the GUI without a console window)
    3. bundle check:                              installer\check_bundle.py dist\fireoffice
    4. Inno Setup:                                iscc /DAppVersion=<version> installer\fireoffice.iss
    The version is fireoffice.__version__ (installer\version.py).

    Inno Setup: https://jrsoftware.org/isdl.php (or: winget install JRSoftware.InnoSetup).
    Its installer does not include the Chinese (Simplified) messages file ChineseSimplified.isl: download it
    from https://jrsoftware.org/files/istrans/ into the "Languages" folder next to ISCC.exe, or pass
    -ChineseIsl C:\path\ChineseSimplified.isl.

.PARAMETER Iscc
    Path of ISCC.exe when Inno Setup is not in its default folder.

.PARAMETER ChineseIsl
    Path of ChineseSimplified.isl when it is not in Inno Setup's Languages folder.

.PARAMETER BundleOnly
    Stop after the PyInstaller bundle (no Inno Setup needed).
#>
param(
    [string]$Iscc = "",
    [string]$ChineseIsl = "",
    [switch]$BundleOnly
)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed with exit code $LASTEXITCODE" }
}

if (-not (Test-Path ".venv\Scripts\python.exe")) {
    Write-Host "==> creating .venv"
    Invoke-Checked "py" @("-3", "-m", "venv", ".venv")
}
$py = ".venv\Scripts\python.exe"
Write-Host "==> installing fireoffice and the build tools"
Invoke-Checked $py @("-m", "pip", "install", "-q", "--upgrade", "pip")
Invoke-Checked $py @("-m", "pip", "install", "-q", "-e", ".[build,postgresql]")
$version = (& $py installer\version.py).Trim()
if ($LASTEXITCODE -ne 0 -or -not $version) { throw "cannot read the version (installer\version.py)" }

Write-Host "==> fireoffice ${version}: PyInstaller bundle"
Invoke-Checked $py @("-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "installer\fireoffice.spec")
Invoke-Checked $py @("installer\check_bundle.py", "dist\fireoffice")
$got = (& "dist\fireoffice\fireoffice.exe" --version)
if ($got -ne "fireoffice $version") { throw "dist\fireoffice\fireoffice.exe --version printed '$got'" }
Write-Host $got
if ($BundleOnly) { return }

Write-Host "==> Inno Setup"
if (-not $Iscc) {
    $candidates = @("${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
                    "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe")
    $Iscc = $candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $Iscc) {
        $found = Get-Command iscc -ErrorAction SilentlyContinue
        if ($found) { $Iscc = $found.Source }
    }
}
if (-not $Iscc) {
    throw "Inno Setup 6 not found: install it (https://jrsoftware.org/isdl.php) or pass -Iscc path\to\ISCC.exe"
}
$isccArgs = @("/DAppVersion=$version")
if ($ChineseIsl) {
    $isccArgs += "/DChineseIsl=$((Resolve-Path $ChineseIsl).Path)"
} elseif (-not (Test-Path (Join-Path (Split-Path $Iscc) "Languages\ChineseSimplified.isl"))) {
    throw ("ChineseSimplified.isl is not in $(Split-Path $Iscc)\Languages. Download it from " +
           "https://jrsoftware.org/files/istrans/ into that folder, or pass -ChineseIsl path\to\ChineseSimplified.isl")
}
$isccArgs += "installer\fireoffice.iss"
Invoke-Checked $Iscc $isccArgs
Write-Host "==> done: dist\fireoffice-$version-setup.exe (bundle: dist\fireoffice\)"
