; Inno Setup script: the Windows setup of fireoffice (消防所业务管理系统).
;
; Built on Windows by installer\build_windows.ps1: PyInstaller first (installer\fireoffice.spec makes the
; one-folder bundle dist\fireoffice\), then
;     iscc /DAppVersion=<fireoffice.__version__> installer\fireoffice.iss
; which writes dist\fireoffice-<version>-setup.exe. Needs Inno Setup 6.3 or newer (x64compatible) and its
; Chinese (Simplified) messages file, which the Inno Setup installer does not include (see [Languages]).
; Relative paths below are relative to this file's folder (installer\).
;
; What the setup does:
;   - installs for the current user only, without administrator rights: %LOCALAPPDATA%\Programs\fireoffice;
;   - Start-menu shortcut, and a desktop shortcut (a task, ticked by default), both starting
;     fireoffice-gui.exe (no console window); fireoffice.exe beside it is the command line;
;   - speaks Chinese;
;   - uninstall removes the program files and shortcuts only. The DATA FOLDER %LOCALAPPDATA%\fireoffice
;     (database, backups, Logs) is NEVER deleted: it is a different folder from the program folder, and
;     there is deliberately no [UninstallDelete] entry. Reinstalling or upgrading finds the data again.
;     (Window positions in HKCU\Software\fireoffice stay as well.)

#ifndef AppVersion
  #error AppVersion is not defined: run installer\build_windows.ps1, or iscc /DAppVersion=x.y.z installer\fireoffice.iss
#endif
; The PyInstaller bundle (installer\fireoffice.spec, COLLECT name "fireoffice", --distpath dist).
#ifndef BundleDir
  #define BundleDir "..\dist\fireoffice"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
; ChineseSimplified.isl is a user-contributed translation that is not part of the Inno Setup installer:
; download it from https://jrsoftware.org/files/istrans/ (Chinese (Simplified)) into the "Languages"
; folder of Inno Setup, or pass its path: iscc /DChineseIsl=C:\path\ChineseSimplified.isl …
; (build_windows.ps1 -ChineseIsl does that).
#ifndef ChineseIsl
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#endif

#define AppName "消防所业务管理系统"
#define GuiExe "fireoffice-gui.exe"

[Setup]
; AppId ties upgrades and the uninstaller to this program: never change it.
AppId={{40D1A083-539C-4CBE-B249-748CA99AEF24}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=fireoffice
VersionInfoDescription={#AppName} 安装程序
VersionInfoProductName={#AppName}
VersionInfoProductTextVersion={#AppVersion}
; Per user, no UAC prompt. Not %LOCALAPPDATA%\fireoffice: that is the data folder, which uninstall keeps.
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\fireoffice
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=fireoffice-{#AppVersion}-setup
SetupIconFile=..\resources\icons\app.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=no
; Close a running fireoffice before replacing its files (upgrade) and do not restart it behind the clerk.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole bundle, so no library of the previous version lingers next to the new
; ones. Only the program folder: the data folder is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Comment: "乡镇/街道消防所业务管理"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; WorkingDir: "{app}"; Comment: "乡镇/街道消防所业务管理"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] section on purpose: see the header (the data folder survives uninstall).
