<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="29"/>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="33"/>
        <source>Enter the Natter server&apos;s address (for example https://chat.example.com).</source>
        <translation>Geben Sie die Adresse des Natter-Servers ein (zum Beispiel https://chat.example.com).</translation>
    </message>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="37"/>
        <source>The Natter server&apos;s address must start with https:// or http:// and name a host.</source>
        <translation>Die Adresse des Natter-Servers muss mit https:// oder http:// beginnen und einen Host nennen.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="42"/>
        <source>Enter the app key.</source>
        <translation>Geben Sie den App-Schlüssel ein.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="44"/>
        <source>Enter the cluster (for example mt1 or eu).</source>
        <translation>Geben Sie den Cluster ein (zum Beispiel mt1 oder eu).</translation>
    </message>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="46"/>
        <source>Enter the server&apos;s host name.</source>
        <translation>Geben Sie den Hostnamen des Servers ein.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="48"/>
        <source>The port must be between 1 and 65535.</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="50"/>
        <source>Enter the auth endpoint URL, or choose local signing.</source>
        <translation>Geben Sie die URL des Auth-Endpunkts ein oder wählen Sie lokales Signieren.</translation>
    </message>
</context>
<context>
    <name>UserName</name>
    <message>
        <location filename="../../app/chat/UserName.cpp" line="11"/>
        <source>Enter a user name.</source>
        <translation>Geben Sie einen Benutzernamen ein.</translation>
    </message>
    <message>
        <location filename="../../app/chat/UserName.cpp" line="16"/>
        <source>Use only letters, digits, _ and -.</source>
        <translation>Verwenden Sie nur Buchstaben, Ziffern, _ und -.</translation>
    </message>
    <message>
        <source>Use letters and digits only (no spaces or punctuation).</source>
        <translation type="vanished">Nur Buchstaben und Ziffern verwenden (keine Leer- oder Satzzeichen).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/chat/UserName.cpp" line="19"/>
        <source>Use at most %n characters.</source>
        <translation>
            <numerusform>Verwenden Sie höchstens %n Zeichen.</numerusform>
            <numerusform>Verwenden Sie höchstens %n Zeichen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../ui/main.cpp" line="69"/>
        <location filename="../../ui/main.cpp" line="117"/>
        <source>Try “natter --help”.</source>
        <translation>Siehe „natter --help“.</translation>
    </message>
</context>
<context>
    <name>natter::chat::ChatController</name>
    <message>
        <source>The server did not confirm the room %1</source>
        <translation type="vanished">Der Server hat den Raum %1 nicht bestätigt</translation>
    </message>
    <message>
        <source>The server does not know this app key</source>
        <translation type="vanished">Der Server kennt diesen App-Schlüssel nicht</translation>
    </message>
    <message>
        <source>The server refused the connection (code %1)</source>
        <translation type="vanished">Der Server hat die Verbindung abgelehnt (Code %1)</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="102"/>
        <source>The server has not confirmed the room %1 yet.</source>
        <translation>Der Server hat den Raum %1 noch nicht bestätigt.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="116"/>
        <source>The server closed the connection as soon as it opened (code 4001).</source>
        <translation>Der Server hat die Verbindung gleich nach dem Öffnen geschlossen (Code 4001).</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="121"/>
        <source>The server refused the connection (code %1).</source>
        <translation>Der Server hat die Verbindung abgelehnt (Code %1).</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="126"/>
        <source>The secure connection to %1 failed: %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="204"/>
        <source>Enter a room name.</source>
        <translation>Geben Sie einen Raumnamen ein.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="206"/>
        <source>A room name has at most %1 characters.</source>
        <translation>Ein Raumname hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="208"/>
        <source>Use letters, digits, - and _ only in room names.</source>
        <translation>Raumnamen bestehen nur aus Buchstaben, Ziffern, - und _.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="318"/>
        <source>Type a message first.</source>
        <translation>Schreiben Sie zuerst eine Nachricht.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="320"/>
        <source>A message can have at most %1 characters (this one has %2).</source>
        <translation>Eine Nachricht hat höchstens %1 Zeichen (diese hat %2).</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="335"/>
        <source>Join the room %1 first.</source>
        <translation>Treten Sie zuerst dem Raum %1 bei.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="350"/>
        <source>This message is too long to send (over 10 KB once encoded).</source>
        <translation>Diese Nachricht ist zu lang zum Senden (kodiert über 10 KB).</translation>
    </message>
    <message>
        <source>Cannot reach %1; check the address and that the server runs</source>
        <translation type="vanished">%1 ist nicht erreichbar; prüfen Sie die Adresse und ob der Server läuft</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerPrivate.cpp" line="303"/>
        <source>Cannot reach %1.</source>
        <translation>%1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerPrivate.cpp" line="322"/>
        <source>You were not let into the room %1: %2</source>
        <translation>Sie wurden nicht in den Raum %1 gelassen: %2</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerPrivate.cpp" line="327"/>
        <source>The auth endpoint gave an unusable answer: %1</source>
        <translation>Der Auth-Endpunkt gab eine unbrauchbare Antwort: %1</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerPrivate.cpp" line="346"/>
        <source>The auth endpoint is not available: %1</source>
        <translation>Der Auth-Endpunkt ist nicht verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>natter::chat::ConnectionStatus</name>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="137"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="139"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="142"/>
        <source>Reconnecting in %1 s</source>
        <translation>Neuer Versuch in %1 s</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="143"/>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="145"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="147"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="148"/>
        <source>the server refused the connection (code %1)</source>
        <translation>der Server hat die Verbindung abgelehnt (Code %1)</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="173"/>
        <source>The server does not know this app key: check the app key in the server profile.</source>
        <translation>Der Server kennt diesen App-Schlüssel nicht: Prüfen Sie den App-Schlüssel im Serverprofil.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="176"/>
        <source>The app is disabled on the server: ask its administrator to enable it.</source>
        <translation>Die App ist auf dem Server deaktiviert: Bitten Sie den Administrator, sie zu aktivieren.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="178"/>
        <source>The app is over its connection quota: try again later or ask its administrator.</source>
        <translation>Die App hat ihr Verbindungskontingent überschritten: Versuchen Sie es später oder fragen Sie den Administrator.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="181"/>
        <source>The server has no app at this path: check the path prefix in the server profile.</source>
        <translation>Der Server hat unter diesem Pfad keine App: Prüfen Sie das Pfadpräfix im Serverprofil.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="185"/>
        <source>The server does not speak this protocol version: check the host and port.</source>
        <translation>Der Server spricht diese Protokollversion nicht: Prüfen Sie Host und Port.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="187"/>
        <source>The server did not authorize the connection: check the credentials in the server profile.</source>
        <translation>Der Server hat die Verbindung nicht autorisiert: Prüfen Sie die Zugangsdaten im Serverprofil.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="190"/>
        <source>Check the server profile (app key, host, port, path), then retry.</source>
        <translation>Prüfen Sie das Serverprofil (App-Schlüssel, Host, Port, Pfad) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="194"/>
        <source>The secure connection to %1 failed: check the host name, whether the server uses TLS at all, and the CA file in the server profile if it uses its own certificate authority.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: Prüfen Sie den Hostnamen, ob der Server überhaupt TLS verwendet, und die CA-Datei im Serverprofil, falls er eine eigene Zertifizierungsstelle nutzt.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="200"/>
        <source>Cannot reach %1: check the network connection, the host and port, and that the server runs.</source>
        <translation>%1 ist nicht erreichbar: Prüfen Sie die Netzwerkverbindung, Host und Port und ob der Server läuft.</translation>
    </message>
</context>
<context>
    <name>natter::chat::Outbox</name>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="120"/>
        <source>Cannot read the outbox %1: %2</source>
        <translation>Der Postausgang %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The outbox %1 was unreadable (%2); it was kept as %3 and unsent messages in it are not shown.</source>
        <translation type="vanished">Der Postausgang %1 war unlesbar (%2); er wurde als %3 aufbewahrt, ungesendete Nachrichten darin werden nicht gezeigt.</translation>
    </message>
    <message>
        <source>The outbox %1 is unreadable (%2) and could not be set aside.</source>
        <translation type="vanished">Der Postausgang %1 ist unlesbar (%2) und konnte nicht beiseitegelegt werden.</translation>
    </message>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="75"/>
        <source>Cannot use the outbox %1 (%2); unsent messages of this window are not kept.</source>
        <translation>Der Postausgang %1 kann nicht verwendet werden (%2); ungesendete Nachrichten dieses Fensters werden nicht aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="91"/>
        <source>Another Natter is using the outbox %1; unsent messages of this window are not kept.</source>
        <translation>Ein anderes Natter verwendet den Postausgang %1; ungesendete Nachrichten dieses Fensters werden nicht aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="94"/>
        <source>Another Natter is using the outbox of %1; unsent messages of this window are not kept.</source>
        <translation>Ein anderes Natter verwendet den Postausgang von %1; ungesendete Nachrichten dieses Fensters werden nicht aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="98"/>
        <source>Cannot lock the outbox %1; unsent messages of this window are not kept.</source>
        <translation>Der Postausgang %1 kann nicht gesperrt werden; ungesendete Nachrichten dieses Fensters werden nicht aufbewahrt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/chat/Outbox.cpp" line="132"/>
        <source>%n unreadable entries in the outbox %1 were skipped.</source>
        <translation>
            <numerusform>%n unlesbarer Eintrag im Postausgang %1 wurde übersprungen.</numerusform>
            <numerusform>%n unlesbare Einträge im Postausgang %1 wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/chat/Outbox.cpp" line="158"/>
        <source>The outbox %1 has %n unreadable lines and they could not be set aside.</source>
        <translation>
            <numerusform>Der Postausgang %1 hat %n unlesbare Zeile, die nicht beiseitegelegt werden konnte.</numerusform>
            <numerusform>Der Postausgang %1 hat %n unlesbare Zeilen, die nicht beiseitegelegt werden konnten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/chat/Outbox.cpp" line="164"/>
        <source>The outbox %1 had %n unreadable lines; they were kept as %2 and unsent messages in them are not shown.</source>
        <translation>
            <numerusform>Der Postausgang %1 hatte %n unlesbare Zeile; sie wurde als %2 aufbewahrt, ungesendete Nachrichten darin werden nicht gezeigt.</numerusform>
            <numerusform>Der Postausgang %1 hatte %n unlesbare Zeilen; sie wurden als %2 aufbewahrt, ungesendete Nachrichten darin werden nicht gezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="214"/>
        <location filename="../../app/chat/Outbox.cpp" line="242"/>
        <source>Cannot write the outbox %1: %2</source>
        <translation>Der Postausgang %1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="228"/>
        <source>Cannot write the outbox %1: it holds data that could not be read or set aside.</source>
        <translation>Der Postausgang %1 kann nicht geschrieben werden: Er enthält Daten, die weder gelesen noch beiseitegelegt werden konnten.</translation>
    </message>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="262"/>
        <source>Cannot read the old outbox %1: %2</source>
        <translation>Der alte Postausgang %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="268"/>
        <source>The old outbox %1 is partly unreadable; it was left as it is.</source>
        <translation>Der alte Postausgang %1 ist teilweise unlesbar; er wurde unverändert gelassen.</translation>
    </message>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="294"/>
        <source>Cannot write the old outbox %1: %2</source>
        <translation>Der alte Postausgang %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>natter::desktop::KeychainCredentialStore</name>
    <message>
        <location filename="../../app/desktop/KeychainCredentialStore.cpp" line="153"/>
        <source>no details</source>
        <translation>keine Details</translation>
    </message>
    <message>
        <location filename="../../app/desktop/KeychainCredentialStore.cpp" line="158"/>
        <source>The system keychain has no such entry (%1).</source>
        <translation>Der Schlüsselbund des Systems hat keinen solchen Eintrag (%1).</translation>
    </message>
    <message>
        <location filename="../../app/desktop/KeychainCredentialStore.cpp" line="160"/>
        <source>The system keychain could not delete the entry (%1).</source>
        <translation>Der Schlüsselbund des Systems konnte den Eintrag nicht löschen (%1).</translation>
    </message>
    <message>
        <location filename="../../app/desktop/KeychainCredentialStore.cpp" line="163"/>
        <source>Access to the system keychain was denied (%1).</source>
        <translation>Der Zugriff auf den Schlüsselbund des Systems wurde verweigert (%1).</translation>
    </message>
    <message>
        <location filename="../../app/desktop/KeychainCredentialStore.cpp" line="165"/>
        <source>No system keychain is available (%1).</source>
        <translation>Kein Schlüsselbund des Systems verfügbar (%1).</translation>
    </message>
    <message>
        <location filename="../../app/desktop/KeychainCredentialStore.cpp" line="167"/>
        <source>The system keychain does not support this operation (%1).</source>
        <translation>Der Schlüsselbund des Systems unterstützt diesen Vorgang nicht (%1).</translation>
    </message>
    <message>
        <location filename="../../app/desktop/KeychainCredentialStore.cpp" line="171"/>
        <source>The system keychain is locked or unavailable (%1).</source>
        <translation>Der Schlüsselbund des Systems ist gesperrt oder nicht verfügbar (%1).</translation>
    </message>
    <message>
        <location filename="../../app/desktop/KeychainCredentialStore.cpp" line="176"/>
        <source>The system keychain is locked or unavailable (no answer within %1 s; it may be waiting for you to unlock it).</source>
        <translation>Der Schlüsselbund des Systems ist gesperrt oder nicht verfügbar (keine Antwort innerhalb von %1 s; er wartet vielleicht darauf, dass Sie ihn entsperren).</translation>
    </message>
</context>
<context>
    <name>natter::ui::AboutDialog</name>
    <message>
        <location filename="../../ui/AboutDialog.cpp" line="24"/>
        <source>About Natter</source>
        <translation>Über Natter</translation>
    </message>
    <message>
        <location filename="../../ui/AboutDialog.cpp" line="28"/>
        <source>Natter %1</source>
        <translation>Natter %1</translation>
    </message>
    <message>
        <location filename="../../ui/AboutDialog.cpp" line="36"/>
        <source>A desktop chat client for the Pusher Channels protocol.</source>
        <translation>Ein Desktop-Chatprogramm für das Pusher-Channels-Protokoll.</translation>
    </message>
    <message>
        <location filename="../../ui/AboutDialog.cpp" line="39"/>
        <source>Built with %1.</source>
        <translation>Erstellt mit %1.</translation>
    </message>
    <message>
        <location filename="../../ui/AboutDialog.cpp" line="45"/>
        <source>Licence: none granted yet. Copyright 2026 the Natter developers, all rights reserved.</source>
        <translation>Lizenz: noch keine erteilt. Copyright 2026 die Natter-Entwickler, alle Rechte vorbehalten.</translation>
    </message>
    <message>
        <location filename="../../ui/AboutDialog.cpp" line="53"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>natter::ui::AppContext</name>
    <message>
        <location filename="../../ui/AppContext.cpp" line="81"/>
        <source>There is no profile named “%1”, and no saved profiles: add one in Settings.</source>
        <translation>Es gibt kein Profil namens „%1“ und keine gespeicherten Profile: Legen Sie eines in den Einstellungen an.</translation>
    </message>
    <message>
        <location filename="../../ui/AppContext.cpp" line="82"/>
        <source>There is no profile named “%1”; the saved profiles are: %2.</source>
        <translation>Es gibt kein Profil namens „%1“; gespeicherte Profile: %2.</translation>
    </message>
</context>
<context>
    <name>natter::ui::ChatPage</name>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="69"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="71"/>
        <source>Retry joining the room</source>
        <translation>Erneut versuchen, dem Raum beizutreten</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="99"/>
        <source>You are not in any room.</source>
        <translation>Sie sind in keinem Raum.</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="103"/>
        <source>Join a room to start chatting, for example #lobby.</source>
        <translation>Treten Sie einem Raum bei, um zu chatten, zum Beispiel #lobby.</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="108"/>
        <source>Join a Room…</source>
        <translation>Einem Raum beitreten…</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="177"/>
        <source>Previous Room</source>
        <translation>Vorheriger Raum</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="181"/>
        <source>Next Room</source>
        <translation>Nächster Raum</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="405"/>
        <source>This is the start of #%1.</source>
        <translation>Hier beginnt #%1.</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="421"/>
        <source>No room</source>
        <translation>Kein Raum</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="423"/>
        <source>Cannot join this room: %1</source>
        <translation>Beitritt zu diesem Raum nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="457"/>
        <source>#%1 has 1 unsent message; leaving discards it. Leave again to confirm.</source>
        <translation>#%1 hat 1 ungesendete Nachricht; beim Verlassen wird sie verworfen. Zum Bestätigen erneut verlassen.</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="459"/>
        <source>#%1 has %2 unsent messages; leaving discards them. Leave again to confirm.</source>
        <translation>#%1 hat %2 ungesendete Nachrichten; beim Verlassen werden sie verworfen. Zum Bestätigen erneut verlassen.</translation>
    </message>
</context>
<context>
    <name>natter::ui::CommandLine</name>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="19"/>
        <source>Natter: a desktop chat client for Pusher Channels servers.</source>
        <translation>Natter: ein Desktop-Chat-Client für Pusher-Channels-Server.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="22"/>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe zeigen und beenden.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="23"/>
        <source>Show the version and exit.</source>
        <translation>Die Version zeigen und beenden.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="25"/>
        <source>Use the saved server profile NAME.</source>
        <translation>Das gespeicherte Serverprofil NAME verwenden.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="25"/>
        <location filename="../../ui/CommandLine.cpp" line="27"/>
        <location filename="../../ui/CommandLine.cpp" line="31"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Log in as NAME (letters and digits).</source>
        <translation type="vanished">Als NAME anmelden (Buchstaben und Ziffern).</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="27"/>
        <source>Log in as NAME (letters, digits, _ and -).</source>
        <translation>Als NAME anmelden (Buchstaben, Ziffern, _ und -).</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="30"/>
        <source>Join room NAME (repeatable; the first is shown). With --user: log in directly.</source>
        <translation>Raum NAME betreten (mehrfach möglich; der erste wird gezeigt). Mit --user: direkt anmelden.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="33"/>
        <source>quiet, warning, info or debug.</source>
        <translation>quiet, warning, info oder debug.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="33"/>
        <source>LEVEL</source>
        <translation>STUFE</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="36"/>
        <source>Start another window even if one runs for this profile and user.</source>
        <translation>Ein weiteres Fenster starten, auch wenn eines für dieses Profil und diesen Benutzer läuft.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="39"/>
        <source>Start in the system tray, without a window (when a tray exists).</source>
        <translation>Im Infobereich starten, ohne Fenster (wenn es einen Infobereich gibt).</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="40"/>
        <source>Self-hosted server host.</source>
        <translation>Host des selbst betriebenen Servers.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="41"/>
        <source>HOST</source>
        <translation>HOST</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="42"/>
        <source>Self-hosted server port.</source>
        <translation>Port des selbst betriebenen Servers.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="43"/>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="44"/>
        <source>Connect with TLS (the default).</source>
        <translation>Mit TLS verbinden (Standard).</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="45"/>
        <source>Connect without TLS.</source>
        <translation>Ohne TLS verbinden.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="47"/>
        <source>Hosted Pusher cluster, e.g. mt1 or eu.</source>
        <translation>Cluster von Pusher, z. B. mt1 oder eu.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="47"/>
        <source>CLUSTER</source>
        <translation>CLUSTER</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="48"/>
        <source>App key.</source>
        <translation>App-Schlüssel.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="48"/>
        <source>KEY</source>
        <translation>KEY</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="49"/>
        <source>Path before /app/KEY.</source>
        <translation>Pfad vor /app/KEY.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="50"/>
        <source>PATH</source>
        <translation>PFAD</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="51"/>
        <source>Extra CA certificates (PEM).</source>
        <translation>Zusätzliche CA-Zertifikate (PEM).</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="52"/>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="55"/>
        <source>Authorize rooms at URL (bearer token from NATTER_AUTH_TOKEN).</source>
        <translation>Räume bei URL autorisieren (Bearer-Token aus NATTER_AUTH_TOKEN).</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="55"/>
        <location filename="../../ui/CommandLine.cpp" line="64"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="58"/>
        <source>Sign locally with the app secret (development servers only; prefer the NATTER_SECRET environment variable, which other users cannot see).</source>
        <translation>Lokal mit dem App-Geheimnis signieren (nur Entwicklungsserver; besser die Umgebungsvariable NATTER_SECRET, die andere Benutzer nicht sehen).</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="60"/>
        <source>SECRET</source>
        <translation>GEHEIMNIS</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="63"/>
        <source>Log in through the Natter server at URL (it gives the key, host and auth).</source>
        <translation>Über den Natter-Server unter URL anmelden (er liefert Schlüssel, Host und Autorisierung).</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="67"/>
        <source>Read the Natter server&apos;s join password from the environment variable VAR.</source>
        <translation>Das Beitrittspasswort des Natter-Servers aus der Umgebungsvariablen VARIABLE lesen.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="67"/>
        <source>VAR</source>
        <translation>VARIABLE</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="86"/>
        <source>Usage: natter [options]</source>
        <translation>Aufruf: natter [Optionen]</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="95"/>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="105"/>
        <source>--user %1: %2</source>
        <translation>--user %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="110"/>
        <source>--room %1: %2</source>
        <translation>--room %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="125"/>
        <source>--log-level must be quiet, warning, info or debug.</source>
        <translation>--log-level muss quiet, warning, info oder debug sein.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="129"/>
        <source>Give either --tls or --no-tls.</source>
        <translation>Geben Sie entweder --tls oder --no-tls an.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="131"/>
        <source>Give either --host (self-hosted) or --cluster (hosted Pusher), not both.</source>
        <translation>Geben Sie entweder --host (selbst betrieben) oder --cluster (Pusher) an, nicht beides.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="133"/>
        <source>Give either --auth-endpoint or --secret, not both.</source>
        <translation>Geben Sie entweder --auth-endpoint oder --secret an, nicht beides.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="139"/>
        <source>--password-env needs --server.</source>
        <translation>--password-env braucht --server.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="145"/>
        <source>--server gives the connection details: leave out --host, --port, --cluster, --key, --tls, --path-prefix, --auth-endpoint and --secret.</source>
        <translation>--server liefert die Verbindungsdaten: Lassen Sie --host, --port, --cluster, --key, --tls, --path-prefix, --auth-endpoint und --secret weg.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="156"/>
        <source>--server %1: %2</source>
        <translation>--server %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="161"/>
        <source>--password-env %1: the variable is not set.</source>
        <translation>--password-env %1: Die Variable ist nicht gesetzt.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="172"/>
        <source>Connection options need --key and --host or --cluster.</source>
        <translation>Verbindungsoptionen brauchen --key und --host oder --cluster.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="189"/>
        <source>--port must be a number between 1 and 65535.</source>
        <translation>--port muss eine Zahl zwischen 1 und 65535 sein.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="200"/>
        <source>Presence rooms need authorization: give --auth-endpoint URL, or the app secret in NATTER_SECRET (or --secret) for local signing.</source>
        <translation>Presence-Räume brauchen eine Autorisierung: Geben Sie --auth-endpoint URL an oder das App-Geheimnis in NATTER_SECRET (oder --secret) für lokales Signieren.</translation>
    </message>
</context>
<context>
    <name>natter::ui::Composer</name>
    <message>
        <location filename="../../ui/Composer.cpp" line="43"/>
        <location filename="../../ui/Composer.cpp" line="45"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="46"/>
        <source>Send (Enter). Shift+Enter starts a new line.</source>
        <translation>Senden (Eingabe). Umschalt+Eingabe beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="87"/>
        <source>Join a room to start chatting</source>
        <translation>Treten Sie einem Raum bei, um zu chatten</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="88"/>
        <source>Message #%1</source>
        <translation>Nachricht an #%1</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="110"/>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="112"/>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben…</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="114"/>
        <source>%1, %2 and %3 are typing…</source>
        <translation>%1, %2 und %3 schreiben…</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="116"/>
        <source>Several people are typing…</source>
        <translation>Mehrere Personen schreiben…</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="150"/>
        <source>This server does not accept client events, so messages cannot be sent. The server must have client events enabled for this app (Pusher: App Settings → Enable client events; soketi: SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES=true).</source>
        <translation>Dieser Server nimmt keine Client-Events an, daher können keine Nachrichten gesendet werden. Auf dem Server müssen Client-Events für diese App aktiviert sein (Pusher: App Settings → Enable client events; soketi: SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES=true).</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="155"/>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::ConnectionStatusBar</name>
    <message>
        <location filename="../../ui/ConnectionStatusBar.cpp" line="40"/>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectionStatusBar.cpp" line="53"/>
        <source>Retry now</source>
        <translation>Jetzt versuchen</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectionStatusBar.cpp" line="88"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
</context>
<context>
    <name>natter::ui::KeyboardShortcutsDialog</name>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="25"/>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="37"/>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="38"/>
        <source>New line in the message</source>
        <translation>Neue Zeile in der Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="39"/>
        <source>Previous / next room</source>
        <translation>Vorheriger / nächster Raum</translation>
    </message>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="42"/>
        <source>Scroll the conversation from the message field</source>
        <translation>Im Gespräch blättern, aus dem Nachrichtenfeld</translation>
    </message>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="45"/>
        <source>Oldest / newest loaded message</source>
        <translation>Älteste / neueste geladene Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="48"/>
        <source>Jump to the newest message</source>
        <translation>Zur neuesten Nachricht springen</translation>
    </message>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="49"/>
        <source>Rooms, messages, message field, Who&apos;s Online</source>
        <translation>Räume, Nachrichten, Nachrichtenfeld, Wer ist online</translation>
    </message>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="54"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>natter::ui::KeychainBanner</name>
    <message>
        <location filename="../../ui/KeychainBanner.cpp" line="19"/>
        <source>Keychain warning</source>
        <translation>Schlüsselbund-Warnung</translation>
    </message>
    <message>
        <location filename="../../ui/KeychainBanner.cpp" line="28"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../ui/KeychainBanner.cpp" line="33"/>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/KeychainBanner.cpp" line="34"/>
        <source>Hide keychain warning</source>
        <translation>Schlüsselbund-Warnung ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/KeychainBanner.cpp" line="57"/>
        <source>Natter cannot use the system keychain, so secrets are kept in memory until Natter quits and you will be asked again next time.</source>
        <translation>Natter kann den Schlüsselbund des Systems nicht verwenden. Geheimnisse bleiben nur bis zum Beenden im Speicher, beim nächsten Mal werden Sie erneut gefragt.</translation>
    </message>
    <message>
        <location filename="../../ui/KeychainBanner.cpp" line="61"/>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::LoginPage</name>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="45"/>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="54"/>
        <source>Chat rooms on any Pusher Channels server</source>
        <translation>Chaträume auf jedem Pusher-Channels-Server</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="60"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="61"/>
        <source>e.g. alice</source>
        <translation>z. B. alice</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="64"/>
        <source>User name problem</source>
        <translation>Problem mit dem Benutzernamen</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="69"/>
        <source>Join password</source>
        <translation>Beitrittspasswort</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="71"/>
        <source>this server asks for one</source>
        <translation>dieser Server verlangt eines</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="73"/>
        <source>Join password problem</source>
        <translation>Problem mit dem Beitrittspasswort</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="78"/>
        <source>Server profile</source>
        <translation>Serverprofil</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="83"/>
        <location filename="../../ui/LoginPage.cpp" line="84"/>
        <source>Edit server profiles</source>
        <translation>Serverprofile bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="85"/>
        <source>Add a server…</source>
        <translation>Server hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="90"/>
        <location filename="../../ui/LoginPage.cpp" line="92"/>
        <location filename="../../ui/LoginPage.cpp" line="311"/>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="96"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="102"/>
        <source>Logging in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="113"/>
        <source>Login problem</source>
        <translation>Anmeldeproblem</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="123"/>
        <source>Open Settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="144"/>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="156"/>
        <source>Join &amp;password:</source>
        <translation>&amp;Beitrittspasswort:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="158"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="292"/>
        <location filename="../../ui/LoginPage.cpp" line="389"/>
        <source>This server needs a join password.</source>
        <translation>Dieser Server braucht ein Beitrittspasswort.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="310"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="311"/>
        <source>Logging in…</source>
        <translation>Anmeldung…</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="321"/>
        <source>The server cannot be reached</source>
        <translation>Der Server ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="323"/>
        <source>The server refused the login</source>
        <translation>Der Server hat die Anmeldung abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="325"/>
        <source>The app key is not known to the server</source>
        <translation>Der Server kennt den App-Schlüssel nicht</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="327"/>
        <source>The secure connection failed</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="329"/>
        <source>The auth endpoint answered something unusable</source>
        <translation>Der Auth-Endpunkt hat unbrauchbar geantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="331"/>
        <source>This name is in use</source>
        <translation>Dieser Name ist vergeben</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="333"/>
        <source>The server does not accept this name</source>
        <translation>Der Server akzeptiert diesen Namen nicht</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="335"/>
        <source>Wrong join password</source>
        <translation>Falsches Beitrittspasswort</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="339"/>
        <location filename="../../ui/LoginPage.cpp" line="424"/>
        <source>Could not log in</source>
        <translation>Anmeldung nicht möglich</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="346"/>
        <source>Check your network, that the server runs, and the server&apos;s address (or the host, port or cluster and TLS setting) in the server profile. Then try again.</source>
        <translation>Prüfen Sie Ihr Netzwerk, ob der Server läuft, und die Adresse des Servers (bzw. Host, Port oder Cluster und die TLS-Einstellung) im Serverprofil. Versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="410"/>
        <source>Still trying to log in…</source>
        <translation>Anmeldung wird weiter versucht…</translation>
    </message>
    <message>
        <source>Check your network, that the server runs, and the host, port (or cluster) and TLS setting in the server profile. Then try again.</source>
        <translation type="vanished">Prüfen Sie Ihr Netzwerk, ob der Server läuft, und Host, Port (oder Cluster) und TLS-Einstellung im Serverprofil. Versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="349"/>
        <source>Check the auth endpoint URL and bearer token in Settings, or, with local signing, that the app secret matches the server&apos;s.</source>
        <translation>Prüfen Sie URL und Bearer-Token des Auth-Endpunkts in den Einstellungen oder, bei lokalem Signieren, ob das App-Geheimnis zu dem des Servers passt.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="353"/>
        <source>Check the app key in the server profile (Settings).</source>
        <translation>Prüfen Sie den App-Schlüssel im Serverprofil (Einstellungen).</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="355"/>
        <source>Check whether the server uses TLS at all (switch TLS off for a plain ws:// server), the host name, and the CA file in the profile if the server uses its own certificate authority.</source>
        <translation>Prüfen Sie, ob der Server überhaupt TLS verwendet (für einen einfachen ws://-Server TLS ausschalten), den Hostnamen und die CA-Datei im Profil, falls der Server eine eigene Zertifizierungsstelle nutzt.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="360"/>
        <source>Check the auth endpoint URL in Settings: it must answer like Pusher&apos;s server libraries do, with JSON containing &quot;auth&quot;.</source>
        <translation>Prüfen Sie die URL des Auth-Endpunkts in den Einstellungen: Er muss wie die Server-Bibliotheken von Pusher antworten, mit JSON, das &quot;auth&quot; enthält.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="364"/>
        <source>Someone who is online now uses it. Choose another name, or try again once they have left.</source>
        <translation>Jemand, der gerade online ist, verwendet ihn. Wählen Sie einen anderen Namen oder versuchen Sie es erneut, sobald diese Person gegangen ist.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="367"/>
        <source>Use 1 to 32 letters, digits, _ and - (no spaces).</source>
        <translation>Verwenden Sie 1 bis 32 Buchstaben, Ziffern, _ und - (keine Leerzeichen).</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="369"/>
        <source>Enter the password the server&apos;s owner gave you.</source>
        <translation>Geben Sie das Passwort ein, das Sie vom Betreiber des Servers erhalten haben.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="373"/>
        <source>Check the server profile in Settings, then try again.</source>
        <translation>Prüfen Sie das Serverprofil in den Einstellungen und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>natter::ui::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="55"/>
        <source>Outbox warning</source>
        <translation>Warnung zum Postausgang</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="97"/>
        <source>Connecting to %1 as %2…</source>
        <translation>Verbinde mit %1 als %2…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="149"/>
        <source>&amp;Natter</source>
        <translation>&amp;Natter</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="151"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="158"/>
        <source>&amp;Notifications…</source>
        <translation>&amp;Benachrichtigungen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="160"/>
        <source>&amp;Log Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="163"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="172"/>
        <source>&amp;Room</source>
        <translation>&amp;Raum</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="173"/>
        <source>&amp;Jump to Room…</source>
        <translation>Zu Raum &amp;springen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="176"/>
        <source>J&amp;oin Room…</source>
        <translation>Raum &amp;betreten…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="179"/>
        <source>&amp;Leave Room</source>
        <translation>Raum &amp;verlassen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="184"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="185"/>
        <source>&amp;Who&apos;s Online</source>
        <translation>&amp;Wer ist online</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="197"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="198"/>
        <source>Developer tools</source>
        <translation>Entwicklerwerkzeuge</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="203"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="204"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="208"/>
        <source>&amp;About Natter</source>
        <translation>Über &amp;Natter</translation>
    </message>
</context>
<context>
    <name>natter::ui::MemberPanel</name>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="38"/>
        <source>Who&apos;s Online</source>
        <translation>Wer ist online</translation>
    </message>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="85"/>
        <source>Who&apos;s Online (%1+)</source>
        <translation>Wer ist online (%1+)</translation>
    </message>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="86"/>
        <source>Who&apos;s Online (%1)</source>
        <translation>Wer ist online (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="92"/>
        <source>reconnecting…</source>
        <translation>verbinde erneut…</translation>
    </message>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="95"/>
        <source>The connection dropped: this list is from before, and is updated once Natter is back online.</source>
        <translation>Die Verbindung ist unterbrochen: Diese Liste ist von vorher und wird aktualisiert, sobald Natter wieder online ist.</translation>
    </message>
</context>
<context>
    <name>natter::ui::MemberProxyModel</name>
    <message>
        <location filename="../../ui/MemberProxyModel.cpp" line="28"/>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
</context>
<context>
    <name>natter::ui::MessageDelegate</name>
    <message>
        <location filename="../../ui/MessageDelegate.cpp" line="40"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../ui/MessageDelegate.cpp" line="42"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location filename="../../ui/MessageDelegate.cpp" line="94"/>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../ui/MessageDelegate.cpp" line="99"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageDelegate.cpp" line="253"/>
        <location filename="../../ui/MessageDelegate.cpp" line="365"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::MessageEdit</name>
    <message>
        <location filename="../../ui/MessageEdit.cpp" line="18"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>natter::ui::MessageView</name>
    <message>
        <location filename="../../ui/MessageView.cpp" line="43"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="65"/>
        <source>Loading older messages</source>
        <translation>Ältere Nachrichten werden geladen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="72"/>
        <source>Loading older messages…</source>
        <translation>Ältere Nachrichten werden geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="289"/>
        <source>1 new message</source>
        <translation>1 neue Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="289"/>
        <source>%1 new messages</source>
        <translation>%1 neue Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="421"/>
        <source>Open Link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="422"/>
        <source>Copy Link Address</source>
        <translation>Linkadresse kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="428"/>
        <source>Retry Sending</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="430"/>
        <source>Discard Message</source>
        <translation>Nachricht verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="435"/>
        <source>Copy Text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="456"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="459"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::ProfileEditor</name>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="60"/>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="62"/>
        <source>Server type</source>
        <translation>Serverart</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="63"/>
        <source>Hosted Pusher</source>
        <translation>Pusher (gehostet)</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="64"/>
        <source>Self-hosted (soketi, …)</source>
        <translation>Selbst betrieben (soketi, …)</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="65"/>
        <source>Natter server</source>
        <translation>Natter-Server</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="68"/>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="69"/>
        <source>e.g. https://chat.example.com</source>
        <translation>z. B. https://chat.example.com</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="72"/>
        <source>Server address problem</source>
        <translation>Problem mit der Serveradresse</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="76"/>
        <source>App key</source>
        <translation>App-Schlüssel</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="78"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="84"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="85"/>
        <source>e.g. chat.example.com or 127.0.0.1</source>
        <translation>z. B. chat.example.com oder 127.0.0.1</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="87"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="90"/>
        <source>Use TLS (wss://)</source>
        <translation>TLS verwenden (wss://)</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="92"/>
        <source>Path prefix</source>
        <translation>Pfadpräfix</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="93"/>
        <source>optional, e.g. /ws</source>
        <translation>optional, z. B. /ws</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="96"/>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="97"/>
        <source>optional: your own certificate authority (PEM)</source>
        <translation>optional: eigene Zertifizierungsstelle (PEM)</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="98"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="106"/>
        <source>Authorization</source>
        <translation>Autorisierung</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="107"/>
        <source>Auth endpoint</source>
        <translation>Auth-Endpunkt</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="108"/>
        <source>Local signing (development only)</source>
        <translation>Lokales Signieren (nur Entwicklung)</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="111"/>
        <source>Auth endpoint URL</source>
        <translation>URL des Auth-Endpunkts</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="112"/>
        <source>https://example.com/pusher/auth</source>
        <translation>https://example.com/pusher/auth</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="114"/>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="117"/>
        <source>App secret</source>
        <translation>App-Geheimnis</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="121"/>
        <source>Local signing keeps the app secret on this computer, and anyone who has it can act as any user. Use it only with your own development server, never with a shared or production app secret.</source>
        <translation>Beim lokalen Signieren liegt das App-Geheimnis auf diesem Rechner, und wer es hat, kann als beliebiger Benutzer auftreten. Nur mit dem eigenen Entwicklungsserver verwenden, nie mit einem geteilten oder produktiven App-Geheimnis.</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="125"/>
        <source>Store the token or secret unencrypted in the settings file</source>
        <translation>Token oder Geheimnis unverschlüsselt in der Einstellungsdatei speichern</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="132"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="133"/>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="134"/>
        <source>Server &amp;address:</source>
        <translation>Server&amp;adresse:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="136"/>
        <source>App &amp;key:</source>
        <translation>App-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="137"/>
        <source>&amp;Cluster:</source>
        <translation>&amp;Cluster:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="138"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="139"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="141"/>
        <source>Path p&amp;refix:</source>
        <translation>Pfad&amp;präfix:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="142"/>
        <source>CA &amp;file:</source>
        <translation>CA-&amp;Datei:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="143"/>
        <source>&amp;Authorization:</source>
        <translation>&amp;Autorisierung:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="144"/>
        <source>&amp;Endpoint URL:</source>
        <translation>&amp;Endpunkt-URL:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="146"/>
        <source>Bearer &amp;token:</source>
        <translation>Bearer-&amp;Token:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="147"/>
        <source>App &amp;secret:</source>
        <translation>App-&amp;Geheimnis:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="282"/>
        <source>Enter the Natter server&apos;s address, e.g. https://chat.example.com.</source>
        <translation>Geben Sie die Adresse des Natter-Servers ein, z. B. https://chat.example.com.</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="287"/>
        <source>The address must start with https:// or http:// and name a host, e.g. https://chat.example.com.</source>
        <translation>Die Adresse muss mit https:// oder http:// beginnen und einen Host nennen, z. B. https://chat.example.com.</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="291"/>
        <source>The address must not contain a user name, password, query (after “?”) or fragment (after “#”): it is saved unencrypted in the settings file. You log in by name on the login page.</source>
        <translation>Die Adresse darf keinen Benutzernamen, kein Passwort, keine Abfrage (nach „?“) und kein Fragment (nach „#“) enthalten: Sie wird unverschlüsselt in der Einstellungsdatei gespeichert. Sie melden sich auf der Anmeldeseite mit Ihrem Namen an.</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="314"/>
        <source>The auth endpoint must be an http:// or https:// URL.</source>
        <translation>Der Auth-Endpunkt muss eine http://- oder https://-URL sein.</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="318"/>
        <source>The auth endpoint URL must not contain a password or a query (the part after “?”): it is saved unencrypted in the settings file. Remove it and enter the token in the Bearer token field, which is kept in the system keychain.</source>
        <translation>Die URL des Auth-Endpunkts darf kein Passwort und keine Abfrage (den Teil nach „?“) enthalten: Sie wird unverschlüsselt in der Einstellungsdatei gespeichert. Entfernen Sie sie und geben Sie das Token im Feld „Bearer-Token“ ein, das im Schlüsselbund des Systems aufbewahrt wird.</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="355"/>
        <source>This server address is plain http://: your session token and every message travel unencrypted, readable by anyone on the network path. Use https://.</source>
        <translation>Diese Serveradresse ist einfaches http://: Ihr Sitzungstoken und jede Nachricht werden unverschlüsselt übertragen und sind für jeden auf dem Netzwerkweg lesbar. Verwenden Sie https://.</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="357"/>
        <source>This endpoint is plain http://: the bearer token and every authorization travel unencrypted, readable and reusable by anyone on the network path. Use https://.</source>
        <translation>Dieser Endpunkt ist einfaches http://: Das Bearer-Token und jede Autorisierung werden unverschlüsselt übertragen und sind für jeden auf dem Netzwerkweg lesbar und wiederverwendbar. Verwenden Sie https://.</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="362"/>
        <source>Secrets of this profile will be written UNENCRYPTED to the settings file</source>
        <translation>Geheimnisse dieses Profils werden UNVERSCHLÜSSELT in die Einstellungsdatei geschrieben</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="367"/>
        <source>Anyone who can read that file can use them. Leave this off to use the system keychain.</source>
        <translation>Wer die Datei lesen kann, kann sie verwenden. Lassen Sie dies aus, um den Schlüsselbund des Systems zu nutzen.</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="375"/>
        <source>Choose a CA certificate file</source>
        <translation>CA-Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="376"/>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>natter::ui::ProfileSecrets</name>
    <message>
        <location filename="../../ui/ProfileSecrets.cpp" line="50"/>
        <source>the keychain did not answer</source>
        <translation>der Schlüsselbund hat nicht geantwortet</translation>
    </message>
</context>
<context>
    <name>natter::ui::RoomPicker</name>
    <message>
        <location filename="../../ui/RoomPicker.cpp" line="27"/>
        <location filename="../../ui/RoomPicker.cpp" line="34"/>
        <source>Jump to room</source>
        <translation>Zu Raum springen</translation>
    </message>
    <message>
        <location filename="../../ui/RoomPicker.cpp" line="41"/>
        <source>Room filter</source>
        <translation>Raumfilter</translation>
    </message>
    <message>
        <location filename="../../ui/RoomPicker.cpp" line="42"/>
        <source>Type to filter rooms</source>
        <translation>Tippen, um Räume zu filtern</translation>
    </message>
    <message>
        <location filename="../../ui/RoomPicker.cpp" line="46"/>
        <source>Matching rooms</source>
        <translation>Passende Räume</translation>
    </message>
    <message>
        <location filename="../../ui/RoomPicker.cpp" line="115"/>
        <source>Join #%1</source>
        <translation>#%1 beitreten</translation>
    </message>
    <message>
        <location filename="../../ui/RoomPicker.cpp" line="118"/>
        <source>No joined room matches “%1”.</source>
        <translation>Kein beigetretener Raum passt zu „%1“.</translation>
    </message>
</context>
<context>
    <name>natter::ui::RoomSidebar</name>
    <message>
        <location filename="../../ui/RoomSidebar.cpp" line="28"/>
        <location filename="../../ui/RoomSidebar.cpp" line="64"/>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <location filename="../../ui/RoomSidebar.cpp" line="38"/>
        <location filename="../../ui/RoomSidebar.cpp" line="39"/>
        <source>Join a room</source>
        <translation>Raum betreten</translation>
    </message>
    <message>
        <location filename="../../ui/RoomSidebar.cpp" line="44"/>
        <source>Room to join</source>
        <translation>Zu betretender Raum</translation>
    </message>
    <message>
        <location filename="../../ui/RoomSidebar.cpp" line="45"/>
        <source>Room name, e.g. lobby</source>
        <translation>Raumname, z. B. lobby</translation>
    </message>
    <message>
        <location filename="../../ui/RoomSidebar.cpp" line="78"/>
        <source>Leave #%1</source>
        <translation>#%1 verlassen</translation>
    </message>
</context>
<context>
    <name>natter::ui::SessionManager</name>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="83"/>
        <source>There is no server profile named “%1”.</source>
        <translation>Es gibt kein Serverprofil namens „%1“.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="84"/>
        <source>Add the server in Settings, or choose another profile.</source>
        <translation>Fügen Sie den Server in den Einstellungen hinzu oder wählen Sie ein anderes Profil.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="90"/>
        <source>The server profile “%1” is incomplete: %2</source>
        <translation>Das Serverprofil „%1“ ist unvollständig: %2</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="91"/>
        <source>Complete it in Settings.</source>
        <translation>Vervollständigen Sie es in den Einstellungen.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="108"/>
        <source>No secret store is available.</source>
        <translation>Kein Geheimnisspeicher verfügbar.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="130"/>
        <source>No app secret is stored for “%1”.</source>
        <translation>Für „%1“ ist kein App-Geheimnis gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="131"/>
        <source>Enter the app secret in Settings (local signing), or switch the profile to an auth endpoint.</source>
        <translation>Geben Sie das App-Geheimnis in den Einstellungen ein (lokales Signieren) oder stellen Sie das Profil auf einen Auth-Endpunkt um.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="135"/>
        <source>The app secret for “%1” could not be read from the keychain: %2</source>
        <translation>Das App-Geheimnis für „%1“ konnte nicht aus dem Schlüsselbund gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="137"/>
        <source>Unlock the keychain and try again, or enter the secret again in Settings (it is then kept in memory for this run).</source>
        <translation>Entsperren Sie den Schlüsselbund und versuchen Sie es erneut, oder geben Sie das Geheimnis in den Einstellungen erneut ein (es bleibt dann für diese Sitzung im Speicher).</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="147"/>
        <source>Someone named “%1” is online on this server right now.</source>
        <translation>Jemand namens „%1“ ist gerade auf diesem Server online.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="149"/>
        <source>A name has 1 to 32 letters, digits, _ or -.</source>
        <translation>Ein Name hat 1 bis 32 Buchstaben, Ziffern, _ oder -.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="151"/>
        <source>The server&apos;s join password is wrong.</source>
        <translation>Das Beitrittspasswort des Servers ist falsch.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="153"/>
        <source>The Natter server cannot be reached.</source>
        <translation>Der Natter-Server ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="155"/>
        <source>The Natter server refused the session.</source>
        <translation>Der Natter-Server hat die Sitzung abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="157"/>
        <source>The secure connection to the Natter server failed.</source>
        <translation>Die sichere Verbindung zum Natter-Server ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="159"/>
        <source>The Natter server gave an unusable answer.</source>
        <translation>Der Natter-Server gab eine unbrauchbare Antwort.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="164"/>
        <source>The Natter server refused the login.</source>
        <translation>Der Natter-Server hat die Anmeldung abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="306"/>
        <source>Cannot reach the Natter server at %1.</source>
        <translation>Der Natter-Server unter %1 ist nicht erreichbar.</translation>
    </message>
</context>
<context>
    <name>natter::ui::SettingsDialog</name>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="40"/>
        <source>Natter Settings</source>
        <translation>Natter-Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="41"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="48"/>
        <location filename="../../ui/SettingsDialog.cpp" line="76"/>
        <source>Server profiles</source>
        <translation>Serverprofile</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="50"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="51"/>
        <location filename="../../ui/SettingsDialog.cpp" line="100"/>
        <location filename="../../ui/SettingsDialog.cpp" line="216"/>
        <location filename="../../ui/SettingsDialog.cpp" line="364"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="65"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="69"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="152"/>
        <source>%1 (from the command line)</source>
        <translation>%1 (von der Befehlszeile)</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="155"/>
        <source>Made from --host, --port and --key for this run; not saved.</source>
        <translation>Aus --host, --port und --key für diesen Lauf erstellt; nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="198"/>
        <location filename="../../ui/SettingsDialog.cpp" line="247"/>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="201"/>
        <source>New profile: fill in the server details and press Save.</source>
        <translation>Neues Profil: Serverdaten eintragen und Speichern drücken.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="218"/>
        <source>This profile comes from the command line and lasts until Natter quits. Save keeps it as a profile of its own.</source>
        <translation>Dieses Profil stammt von der Befehlszeile und gilt, bis Natter beendet wird. „Speichern“ behält es als eigenes Profil.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="220"/>
        <source>Given on the command line; type to save one</source>
        <translation>Auf der Befehlszeile angegeben; eingeben, um eines zu speichern</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="231"/>
        <source>Checking the keychain…</source>
        <translation>Schlüsselbund wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="240"/>
        <source>Stored unencrypted; type to replace</source>
        <translation>Unverschlüsselt gespeichert; zum Ersetzen tippen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="242"/>
        <source>Kept in memory for this run; type to replace</source>
        <translation>Für diese Sitzung im Speicher; zum Ersetzen tippen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="244"/>
        <source>Stored in the keychain; type to replace</source>
        <translation>Im Schlüsselbund gespeichert; zum Ersetzen tippen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="248"/>
        <source>None (optional)</source>
        <translation>Keins (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="250"/>
        <source>Keychain not available</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="274"/>
        <source>A profile named “%1” already exists: choose another name.</source>
        <translation>Ein Profil namens „%1“ existiert bereits: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="338"/>
        <source>Saved the profile, but not its secret: %1</source>
        <translation>Profil gespeichert, sein Geheimnis aber nicht: %1</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="341"/>
        <source>Saved. The system keychain is not available, so the secret is kept in memory until Natter quits.</source>
        <translation>Gespeichert. Der Schlüsselbund des Systems ist nicht verfügbar, daher bleibt das Geheimnis nur bis zum Beenden von Natter im Speicher.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="345"/>
        <source>Saved. Its secret is stored unencrypted in the settings file, as you chose.</source>
        <translation>Gespeichert. Das Geheimnis liegt wie gewählt unverschlüsselt in der Einstellungsdatei.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="347"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="359"/>
        <source>Click again to remove</source>
        <translation>Zum Entfernen erneut klicken</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="376"/>
        <source>Removed the profile “%1” and its secrets.</source>
        <translation>Profil „%1“ und seine Geheimnisse entfernt.</translation>
    </message>
</context>
</TS>
