; Inno Setup 6 script for Lesesaal: a per-user installer (no administrator rights needed).
; Built by packaging/build.py windows, which passes the version and folders:
;   ISCC.exe /DAppVersion=0.1.0 /DSourceDir=packaging\dist\Lesesaal /DOutputDir=packaging\dist /DIconFile=lesesaal.ico lesesaal.iss
; (IconFile, the installer's own icon, is drawn by packaging/icons.py; without it Inno Setup's default is used)
; Installs into %LOCALAPPDATA%\Programs\Lesesaal, adds a Start-menu entry, offers Lesesaal under "Open with" for
; .html, .htm, .md and .txt files (never taking over the default program), registers the lesesaal:// link scheme
; for the current user (HKCU\Software\Classes), and on uninstall asks before deleting the user's library.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\Lesesaal"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#define AppExe "Lesesaal.exe"
#define ProgId "Lesesaal.Article"

[Setup]
; The AppId ties upgrades and the uninstaller to this application: never change it.
AppId={{6C0E2D1B-7F4A-4B8E-9C53-2A1D8E5F4B70}
AppName=Lesesaal
AppVersion={#AppVersion}
AppVerName=Lesesaal {#AppVersion}
AppPublisher=Lesesaal
; Per user: no UAC prompt; {autopf} is then %LOCALAPPDATA%\Programs and {autoprograms} the user's Start menu.
PrivilegesRequired=lowest
DefaultDirName={autopf}\Lesesaal
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=Lesesaal
OutputDir={#OutputDir}
OutputBaseFilename=Lesesaal-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
#ifdef IconFile
SetupIconFile={#IconFile}
#endif
; The app keeps its library elsewhere (%LOCALAPPDATA%\Lesesaal); only the program folder is replaced.
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "german"; MessagesFile: "compiler:Languages\German.isl"

[CustomMessages]
english.DeleteLibrary=Also delete your Lesesaal library (articles, notes, summaries and settings) in %1?%n%nChoose No to keep it for a later installation.
german.DeleteLibrary=Auch Ihre Lesesaal-Bibliothek (Artikel, Notizen, Zusammenfassungen und Einstellungen) in %1 löschen?%n%nWählen Sie Nein, um sie für eine spätere Installation zu behalten.
english.OpenWith=Open with Lesesaal
german.OpenWith=Mit Lesesaal öffnen

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Lesesaal"; Filename: "{app}\{#AppExe}"

[Registry]
; A ProgID for article files; extensions list it under OpenWithProgids, so Lesesaal appears in "Open with"
; and the user's default program for the type stays as it was.
Root: HKCU; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Article (Lesesaal)"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open"; ValueType: string; ValueName: ""; ValueData: "{cm:OpenWith}"
Root: HKCU; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.html\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.htm\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.md\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
; The program itself, so "Open with > Choose another app" lists it for these types only.
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "Lesesaal"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".html"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".htm"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".md"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; lesesaal://article/<id>#p<n> links (from exported notes) open the app at that paragraph.
Root: HKCU; Subkey: "Software\Classes\lesesaal"; ValueType: string; ValueName: ""; ValueData: "URL:Lesesaal link"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\lesesaal"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\lesesaal\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\lesesaal\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,Lesesaal}"; Flags: nowait postinstall skipifsilent

[Code]
// The library is the user's own work: it stays unless the user says otherwise (and always in a silent uninstall).
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  LibraryDir: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
  begin
    LibraryDir := ExpandConstant('{localappdata}\Lesesaal');
    if DirExists(LibraryDir) and
       (MsgBox(FmtMessage(CustomMessage('DeleteLibrary'), [LibraryDir]), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES) then
    begin
      DelTree(LibraryDir, True, True, True);
      RegDeleteKeyIncludingSubkeys(HKCU, 'Software\Lesesaal');
    end;
  end;
end;
