<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="27"/>
        <source>Give the profile a name.</source>
        <translation>Geben Sie dem Profil einen Namen.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="29"/>
        <source>Enter the app key.</source>
        <translation>Geben Sie den App-Schlüssel ein.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="31"/>
        <source>Enter the cluster (for example mt1 or eu).</source>
        <translation>Geben Sie den Cluster ein (zum Beispiel mt1 oder eu).</translation>
    </message>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="33"/>
        <source>Enter the server&apos;s host name.</source>
        <translation>Geben Sie den Hostnamen des Servers ein.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="35"/>
        <source>The port must be between 1 and 65535.</source>
        <translation>Der Port muss zwischen 1 und 65535 liegen.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ServerProfile.cpp" line="37"/>
        <source>Enter the auth endpoint URL, or choose local signing.</source>
        <translation>Geben Sie die URL des Auth-Endpunkts ein oder wählen Sie lokales Signieren.</translation>
    </message>
</context>
<context>
    <name>UserName</name>
    <message>
        <location filename="../../app/chat/UserName.cpp" line="10"/>
        <source>Enter a user name.</source>
        <translation>Geben Sie einen Benutzernamen ein.</translation>
    </message>
    <message>
        <location filename="../../app/chat/UserName.cpp" line="15"/>
        <source>Use letters and digits only (no spaces or punctuation).</source>
        <translation>Nur Buchstaben und Ziffern verwenden (keine Leer- oder Satzzeichen).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/chat/UserName.cpp" line="18"/>
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
        <location filename="../../ui/main.cpp" line="74"/>
        <source>Try “natter --help”.</source>
        <translation>Siehe „natter --help“.</translation>
    </message>
</context>
<context>
    <name>natter::chat::ChatController</name>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="90"/>
        <source>The server did not confirm the room %1</source>
        <translation>Der Server hat den Raum %1 nicht bestätigt</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="98"/>
        <source>The server does not know this app key</source>
        <translation>Der Server kennt diesen App-Schlüssel nicht</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="100"/>
        <source>The server refused the connection (code %1)</source>
        <translation>Der Server hat die Verbindung abgelehnt (Code %1)</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="104"/>
        <source>The secure connection to %1 failed: %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="167"/>
        <source>Enter a room name.</source>
        <translation>Geben Sie einen Raumnamen ein.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="169"/>
        <source>A room name has at most %1 characters.</source>
        <translation>Ein Raumname hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="171"/>
        <source>Use letters, digits, - and _ only in room names.</source>
        <translation>Raumnamen bestehen nur aus Buchstaben, Ziffern, - und _.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="262"/>
        <source>Type a message first.</source>
        <translation>Schreiben Sie zuerst eine Nachricht.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="264"/>
        <source>A message can have at most %1 characters (this one has %2).</source>
        <translation>Eine Nachricht hat höchstens %1 Zeichen (diese hat %2).</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="277"/>
        <source>Join the room %1 first.</source>
        <translation>Treten Sie zuerst dem Raum %1 bei.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="292"/>
        <source>This message is too long to send (over 10 KB once encoded).</source>
        <translation>Diese Nachricht ist zu lang zum Senden (kodiert über 10 KB).</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerPrivate.cpp" line="303"/>
        <source>Cannot reach %1; check the address and that the server runs</source>
        <translation>%1 ist nicht erreichbar; prüfen Sie die Adresse und ob der Server läuft</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerPrivate.cpp" line="320"/>
        <source>You were not let into the room %1: %2</source>
        <translation>Sie wurden nicht in den Raum %1 gelassen: %2</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerPrivate.cpp" line="324"/>
        <source>The auth endpoint gave an unusable answer: %1</source>
        <translation>Der Auth-Endpunkt gab eine unbrauchbare Antwort: %1</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerPrivate.cpp" line="338"/>
        <source>The auth endpoint is not available: %1</source>
        <translation>Der Auth-Endpunkt ist nicht verfügbar: %1</translation>
    </message>
</context>
<context>
    <name>natter::chat::ConnectionStatus</name>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="130"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="131"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="134"/>
        <source>Reconnecting in %1 s</source>
        <translation>Neuer Versuch in %1 s</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="135"/>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="136"/>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="138"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="138"/>
        <source>the server refused the connection (code %1)</source>
        <translation>der Server hat die Verbindung abgelehnt (Code %1)</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="160"/>
        <source>The server does not know this app key: check the app key in the server profile.</source>
        <translation>Der Server kennt diesen App-Schlüssel nicht: Prüfen Sie den App-Schlüssel im Serverprofil.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="161"/>
        <source>The app is disabled on the server: ask its administrator to enable it.</source>
        <translation>Die App ist auf dem Server deaktiviert: Bitten Sie den Administrator, sie zu aktivieren.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="162"/>
        <source>The app is over its connection quota: try again later or ask its administrator.</source>
        <translation>Die App hat ihr Verbindungskontingent überschritten: Versuchen Sie es später oder fragen Sie den Administrator.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="163"/>
        <source>The server has no app at this path: check the path prefix in the server profile.</source>
        <translation>Der Server hat unter diesem Pfad keine App: Prüfen Sie das Pfadpräfix im Serverprofil.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="165"/>
        <source>The server does not speak this protocol version: check the host and port.</source>
        <translation>Der Server spricht diese Protokollversion nicht: Prüfen Sie Host und Port.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="166"/>
        <source>The server did not authorize the connection: check the credentials in the server profile.</source>
        <translation>Der Server hat die Verbindung nicht autorisiert: Prüfen Sie die Zugangsdaten im Serverprofil.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="167"/>
        <source>Check the server profile (app key, host, port, path), then retry.</source>
        <translation>Prüfen Sie das Serverprofil (App-Schlüssel, Host, Port, Pfad) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="171"/>
        <source>The secure connection to %1 failed: check the host name, whether the server uses TLS at all, and the CA file in the server profile if it uses its own certificate authority.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: Prüfen Sie den Hostnamen, ob der Server überhaupt TLS verwendet, und die CA-Datei im Serverprofil, falls er eine eigene Zertifizierungsstelle nutzt.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ConnectionStatus.cpp" line="175"/>
        <source>Cannot reach %1: check the network connection, the host and port, and that the server runs.</source>
        <translation>%1 ist nicht erreichbar: Prüfen Sie die Netzwerkverbindung, Host und Port und ob der Server läuft.</translation>
    </message>
</context>
<context>
    <name>natter::chat::Outbox</name>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="88"/>
        <source>Cannot read the outbox %1: %2</source>
        <translation>Der Postausgang %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="107"/>
        <source>The outbox %1 was unreadable (%2); it was kept as %3 and unsent messages in it are not shown.</source>
        <translation>Der Postausgang %1 war unlesbar (%2); er wurde als %3 aufbewahrt, ungesendete Nachrichten darin werden nicht gezeigt.</translation>
    </message>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="110"/>
        <source>The outbox %1 is unreadable (%2) and could not be set aside.</source>
        <translation>Der Postausgang %1 ist unlesbar (%2) und konnte nicht beiseitegelegt werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/chat/Outbox.cpp" line="125"/>
        <source>%n unreadable entries in the outbox %1 were skipped.</source>
        <translation>
            <numerusform>%n unlesbarer Eintrag im Postausgang %1 wurde übersprungen.</numerusform>
            <numerusform>%n unlesbare Einträge im Postausgang %1 wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/chat/Outbox.cpp" line="142"/>
        <location filename="../../app/chat/Outbox.cpp" line="149"/>
        <source>Cannot write the outbox %1: %2</source>
        <translation>Der Postausgang %1 kann nicht geschrieben werden: %2</translation>
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
    <name>natter::ui::ChatPage</name>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="162"/>
        <source>No room</source>
        <translation>Kein Raum</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="164"/>
        <source>Cannot join this room: %1</source>
        <translation>Beitritt zu diesem Raum nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="194"/>
        <source>#%1 has 1 unsent message; leaving discards it. Leave again to confirm.</source>
        <translation>#%1 hat 1 ungesendete Nachricht; beim Verlassen wird sie verworfen. Zum Bestätigen erneut verlassen.</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="195"/>
        <source>#%1 has %2 unsent messages; leaving discards them. Leave again to confirm.</source>
        <translation>#%1 hat %2 ungesendete Nachrichten; beim Verlassen werden sie verworfen. Zum Bestätigen erneut verlassen.</translation>
    </message>
</context>
<context>
    <name>natter::ui::CommandLine</name>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="16"/>
        <source>Natter: a desktop chat client for Pusher Channels servers.</source>
        <translation>Natter: ein Desktop-Chat-Client für Pusher-Channels-Server.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="18"/>
        <source>Show this help and exit.</source>
        <translation>Diese Hilfe zeigen und beenden.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="19"/>
        <source>Show the version and exit.</source>
        <translation>Die Version zeigen und beenden.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="20"/>
        <source>Use the saved server profile NAME.</source>
        <translation>Das gespeicherte Serverprofil NAME verwenden.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="20"/>
        <location filename="../../ui/CommandLine.cpp" line="21"/>
        <location filename="../../ui/CommandLine.cpp" line="24"/>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="21"/>
        <source>Log in as NAME (letters and digits).</source>
        <translation>Als NAME anmelden (Buchstaben und Ziffern).</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="23"/>
        <source>Join room NAME (repeatable; the first is shown). With --user: log in directly.</source>
        <translation>Raum NAME betreten (mehrfach möglich; der erste wird gezeigt). Mit --user: direkt anmelden.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="25"/>
        <source>quiet, warning, info or debug.</source>
        <translation>quiet, warning, info oder debug.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="25"/>
        <source>LEVEL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="27"/>
        <source>Start another window even if one runs for this profile and user.</source>
        <translation>Ein weiteres Fenster starten, auch wenn eines für dieses Profil und diesen Benutzer läuft.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="28"/>
        <source>Self-hosted server host.</source>
        <translation>Host des selbst betriebenen Servers.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="28"/>
        <source>HOST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="29"/>
        <source>Self-hosted server port.</source>
        <translation>Port des selbst betriebenen Servers.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="29"/>
        <source>PORT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="30"/>
        <source>Connect with TLS (the default).</source>
        <translation>Mit TLS verbinden (Standard).</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="31"/>
        <source>Connect without TLS.</source>
        <translation>Ohne TLS verbinden.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="32"/>
        <source>Hosted Pusher cluster, e.g. mt1 or eu.</source>
        <translation>Cluster von Pusher, z. B. mt1 oder eu.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="32"/>
        <source>CLUSTER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="33"/>
        <source>App key.</source>
        <translation>App-Schlüssel.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="33"/>
        <source>KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="34"/>
        <source>Path before /app/KEY.</source>
        <translation>Pfad vor /app/KEY.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="34"/>
        <source>PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="35"/>
        <source>Extra CA certificates (PEM).</source>
        <translation>Zusätzliche CA-Zertifikate (PEM).</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="35"/>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="37"/>
        <source>Authorize rooms at URL (bearer token from NATTER_AUTH_TOKEN).</source>
        <translation>Räume bei URL autorisieren (Bearer-Token aus NATTER_AUTH_TOKEN).</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="37"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="39"/>
        <source>Sign locally with the app secret (development servers only; prefer the NATTER_SECRET environment variable, which other users cannot see).</source>
        <translation>Lokal mit dem App-Geheimnis signieren (nur Entwicklungsserver; besser die Umgebungsvariable NATTER_SECRET, die andere Benutzer nicht sehen).</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="41"/>
        <source>SECRET</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="59"/>
        <source>Usage: natter [options]</source>
        <translation>Aufruf: natter [Optionen]</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="68"/>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="77"/>
        <source>--user %1: %2</source>
        <translation>--user %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="82"/>
        <source>--room %1: %2</source>
        <translation>--room %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="97"/>
        <source>--log-level must be quiet, warning, info or debug.</source>
        <translation>--log-level muss quiet, warning, info oder debug sein.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="101"/>
        <source>Give either --tls or --no-tls.</source>
        <translation>Geben Sie entweder --tls oder --no-tls an.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="103"/>
        <source>Give either --host (self-hosted) or --cluster (hosted Pusher), not both.</source>
        <translation>Geben Sie entweder --host (selbst betrieben) oder --cluster (Pusher) an, nicht beides.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="105"/>
        <source>Give either --auth-endpoint or --secret, not both.</source>
        <translation>Geben Sie entweder --auth-endpoint oder --secret an, nicht beides.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="113"/>
        <source>Connection options need --key and --host or --cluster.</source>
        <translation>Verbindungsoptionen brauchen --key und --host oder --cluster.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="130"/>
        <source>--port must be a number between 1 and 65535.</source>
        <translation>--port muss eine Zahl zwischen 1 und 65535 sein.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="141"/>
        <source>Presence rooms need authorization: give --auth-endpoint URL, or the app secret in NATTER_SECRET (or --secret) for local signing.</source>
        <translation>Presence-Räume brauchen eine Autorisierung: Geben Sie --auth-endpoint URL an oder das App-Geheimnis in NATTER_SECRET (oder --secret) für lokales Signieren.</translation>
    </message>
</context>
<context>
    <name>natter::ui::Composer</name>
    <message>
        <location filename="../../ui/Composer.cpp" line="42"/>
        <location filename="../../ui/Composer.cpp" line="44"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="45"/>
        <source>Send (Enter). Shift+Enter starts a new line.</source>
        <translation>Senden (Eingabe). Umschalt+Eingabe beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="86"/>
        <source>Join a room to start chatting</source>
        <translation>Treten Sie einem Raum bei, um zu chatten</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="87"/>
        <source>Message #%1</source>
        <translation>Nachricht an #%1</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="104"/>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="105"/>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben…</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="106"/>
        <source>%1, %2 and %3 are typing…</source>
        <translation>%1, %2 und %3 schreiben…</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="107"/>
        <source>Several people are typing…</source>
        <translation>Mehrere Personen schreiben…</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="127"/>
        <source>This server does not accept client events, so messages cannot be sent. The server must have client events enabled for this app (Pusher: App Settings → Enable client events; soketi: SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES=true).</source>
        <translation>Dieser Server nimmt keine Client-Events an, daher können keine Nachrichten gesendet werden. Auf dem Server müssen Client-Events für diese App aktiviert sein (Pusher: App Settings → Enable client events; soketi: SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES=true).</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="131"/>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::ConnectionStatusBar</name>
    <message>
        <location filename="../../ui/ConnectionStatusBar.cpp" line="38"/>
        <source>Connection status</source>
        <translation>Verbindungsstatus</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectionStatusBar.cpp" line="50"/>
        <source>Retry now</source>
        <translation>Jetzt versuchen</translation>
    </message>
    <message>
        <location filename="../../ui/ConnectionStatusBar.cpp" line="85"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
</context>
<context>
    <name>natter::ui::KeychainBanner</name>
    <message>
        <location filename="../../ui/KeychainBanner.cpp" line="18"/>
        <source>Keychain warning</source>
        <translation>Schlüsselbund-Warnung</translation>
    </message>
    <message>
        <location filename="../../ui/KeychainBanner.cpp" line="27"/>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../ui/KeychainBanner.cpp" line="32"/>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/KeychainBanner.cpp" line="33"/>
        <source>Hide keychain warning</source>
        <translation>Schlüsselbund-Warnung ausblenden</translation>
    </message>
    <message>
        <location filename="../../ui/KeychainBanner.cpp" line="56"/>
        <source>Natter cannot use the system keychain, so secrets are kept in memory until Natter quits and you will be asked again next time.</source>
        <translation>Natter kann den Schlüsselbund des Systems nicht verwenden. Geheimnisse bleiben nur bis zum Beenden im Speicher, beim nächsten Mal werden Sie erneut gefragt.</translation>
    </message>
    <message>
        <location filename="../../ui/KeychainBanner.cpp" line="59"/>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::LoginPage</name>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="44"/>
        <source>Natter</source>
        <translation>Natter</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="53"/>
        <source>Chat rooms on any Pusher Channels server</source>
        <translation>Chaträume auf jedem Pusher-Channels-Server</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="59"/>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="60"/>
        <source>e.g. alice</source>
        <translation>z. B. alice</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="63"/>
        <source>User name problem</source>
        <translation>Problem mit dem Benutzernamen</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="68"/>
        <source>Server profile</source>
        <translation>Serverprofil</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="73"/>
        <location filename="../../ui/LoginPage.cpp" line="74"/>
        <source>Edit server profiles</source>
        <translation>Serverprofile bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="75"/>
        <source>Add a server…</source>
        <translation>Server hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="79"/>
        <location filename="../../ui/LoginPage.cpp" line="81"/>
        <location filename="../../ui/LoginPage.cpp" line="263"/>
        <source>Log in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="85"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="91"/>
        <source>Logging in</source>
        <translation>Anmeldung läuft</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="102"/>
        <source>Login problem</source>
        <translation>Anmeldeproblem</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="112"/>
        <source>Open Settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="132"/>
        <source>Your &amp;name:</source>
        <translation>Ihr &amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="134"/>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="262"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="263"/>
        <source>Logging in…</source>
        <translation>Anmeldung…</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="272"/>
        <source>The server cannot be reached</source>
        <translation>Der Server ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="273"/>
        <source>The server refused the login</source>
        <translation>Der Server hat die Anmeldung abgelehnt</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="274"/>
        <source>The app key is not known to the server</source>
        <translation>Der Server kennt den App-Schlüssel nicht</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="275"/>
        <source>The secure connection failed</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="276"/>
        <source>The auth endpoint answered something unusable</source>
        <translation>Der Auth-Endpunkt hat unbrauchbar geantwortet</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="279"/>
        <location filename="../../ui/LoginPage.cpp" line="312"/>
        <source>Could not log in</source>
        <translation>Anmeldung nicht möglich</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="286"/>
        <source>Check your network, that the server runs, and the host, port (or cluster) and TLS setting in the server profile. Then try again.</source>
        <translation>Prüfen Sie Ihr Netzwerk, ob der Server läuft, und Host, Port (oder Cluster) und TLS-Einstellung im Serverprofil. Versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="289"/>
        <source>Check the auth endpoint URL and bearer token in Settings, or, with local signing, that the app secret matches the server&apos;s.</source>
        <translation>Prüfen Sie URL und Bearer-Token des Auth-Endpunkts in den Einstellungen oder, bei lokalem Signieren, ob das App-Geheimnis zu dem des Servers passt.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="291"/>
        <source>Check the app key in the server profile (Settings).</source>
        <translation>Prüfen Sie den App-Schlüssel im Serverprofil (Einstellungen).</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="293"/>
        <source>Check whether the server uses TLS at all (switch TLS off for a plain ws:// server), the host name, and the CA file in the profile if the server uses its own certificate authority.</source>
        <translation>Prüfen Sie, ob der Server überhaupt TLS verwendet (für einen einfachen ws://-Server TLS ausschalten), den Hostnamen und die CA-Datei im Profil, falls der Server eine eigene Zertifizierungsstelle nutzt.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="296"/>
        <source>Check the auth endpoint URL in Settings: it must answer like Pusher&apos;s server libraries do, with JSON containing &quot;auth&quot;.</source>
        <translation>Prüfen Sie die URL des Auth-Endpunkts in den Einstellungen: Er muss wie die Server-Bibliotheken von Pusher antworten, mit JSON, das &quot;auth&quot; enthält.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="300"/>
        <source>Check the server profile in Settings, then try again.</source>
        <translation>Prüfen Sie das Serverprofil in den Einstellungen und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>natter::ui::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="73"/>
        <source>Connecting to %1 as %2…</source>
        <translation>Verbinde mit %1 als %2…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="119"/>
        <source>&amp;Natter</source>
        <translation>&amp;Natter</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="120"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="125"/>
        <source>&amp;Log Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="128"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="137"/>
        <source>&amp;Room</source>
        <translation>&amp;Raum</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="138"/>
        <source>&amp;Jump to Room…</source>
        <translation>Zu Raum &amp;springen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="141"/>
        <source>J&amp;oin Room…</source>
        <translation>Raum &amp;betreten…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="144"/>
        <source>&amp;Leave Room</source>
        <translation>Raum &amp;verlassen</translation>
    </message>
</context>
<context>
    <name>natter::ui::MemberPanel</name>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="34"/>
        <source>Who&apos;s Online</source>
        <translation>Wer ist online</translation>
    </message>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="72"/>
        <source>Who&apos;s Online (%1)</source>
        <translation>Wer ist online (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="78"/>
        <source>reconnecting…</source>
        <translation>verbinde erneut…</translation>
    </message>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="80"/>
        <source>The connection dropped: this list is from before, and is updated once Natter is back online.</source>
        <translation>Die Verbindung ist unterbrochen: Diese Liste ist von vorher und wird aktualisiert, sobald Natter wieder online ist.</translation>
    </message>
</context>
<context>
    <name>natter::ui::MemberProxyModel</name>
    <message>
        <location filename="../../ui/MemberProxyModel.cpp" line="24"/>
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
        <location filename="../../ui/MessageDelegate.cpp" line="92"/>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../ui/MessageDelegate.cpp" line="97"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageDelegate.cpp" line="246"/>
        <location filename="../../ui/MessageDelegate.cpp" line="347"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::MessageEdit</name>
    <message>
        <location filename="../../ui/MessageEdit.cpp" line="17"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
</context>
<context>
    <name>natter::ui::MessageView</name>
    <message>
        <location filename="../../ui/MessageView.cpp" line="34"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="147"/>
        <source>1 new message</source>
        <translation>1 neue Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="147"/>
        <source>%1 new messages</source>
        <translation>%1 neue Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="262"/>
        <source>Open Link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="263"/>
        <source>Copy Link Address</source>
        <translation>Linkadresse kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="269"/>
        <source>Retry Sending</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="271"/>
        <source>Discard Message</source>
        <translation>Nachricht verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="276"/>
        <source>Copy Text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="295"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="297"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::ProfileEditor</name>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="44"/>
        <source>Profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="46"/>
        <source>Server type</source>
        <translation>Serverart</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="47"/>
        <source>Hosted Pusher</source>
        <translation>Pusher (gehostet)</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="48"/>
        <source>Self-hosted (soketi, …)</source>
        <translation>Selbst betrieben (soketi, …)</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="50"/>
        <source>App key</source>
        <translation>App-Schlüssel</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="52"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="58"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="59"/>
        <source>e.g. chat.example.com or 127.0.0.1</source>
        <translation>z. B. chat.example.com oder 127.0.0.1</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="61"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="64"/>
        <source>Use TLS (wss://)</source>
        <translation>TLS verwenden (wss://)</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="66"/>
        <source>Path prefix</source>
        <translation>Pfadpräfix</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="67"/>
        <source>optional, e.g. /ws</source>
        <translation>optional, z. B. /ws</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="70"/>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="71"/>
        <source>optional: your own certificate authority (PEM)</source>
        <translation>optional: eigene Zertifizierungsstelle (PEM)</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="72"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="80"/>
        <source>Authorization</source>
        <translation>Autorisierung</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="81"/>
        <source>Auth endpoint</source>
        <translation>Auth-Endpunkt</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="82"/>
        <source>Local signing (development only)</source>
        <translation>Lokales Signieren (nur Entwicklung)</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="84"/>
        <source>Auth endpoint URL</source>
        <translation>URL des Auth-Endpunkts</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="85"/>
        <source>https://example.com/pusher/auth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="87"/>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="90"/>
        <source>App secret</source>
        <translation>App-Geheimnis</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="93"/>
        <source>Local signing keeps the app secret on this computer, and anyone who has it can act as any user. Use it only with your own development server, never with a shared or production app secret.</source>
        <translation>Beim lokalen Signieren liegt das App-Geheimnis auf diesem Rechner, und wer es hat, kann als beliebiger Benutzer auftreten. Nur mit dem eigenen Entwicklungsserver verwenden, nie mit einem geteilten oder produktiven App-Geheimnis.</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="96"/>
        <source>Store the token or secret unencrypted in the settings file</source>
        <translation>Token oder Geheimnis unverschlüsselt in der Einstellungsdatei speichern</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="102"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="103"/>
        <source>Ser&amp;ver:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="104"/>
        <source>App &amp;key:</source>
        <translation>App-&amp;Schlüssel:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="105"/>
        <source>&amp;Cluster:</source>
        <translation>&amp;Cluster:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="106"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="107"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="109"/>
        <source>Path p&amp;refix:</source>
        <translation>Pfad&amp;präfix:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="110"/>
        <source>CA &amp;file:</source>
        <translation>CA-&amp;Datei:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="111"/>
        <source>&amp;Authorization:</source>
        <translation>&amp;Autorisierung:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="112"/>
        <source>&amp;Endpoint URL:</source>
        <translation>&amp;Endpunkt-URL:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="113"/>
        <source>Bearer &amp;token:</source>
        <translation>Bearer-&amp;Token:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="114"/>
        <source>App &amp;secret:</source>
        <translation>App-&amp;Geheimnis:</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="231"/>
        <source>The auth endpoint must be an http:// or https:// URL.</source>
        <translation>Der Auth-Endpunkt muss eine http://- oder https://-URL sein.</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="250"/>
        <source>Secrets of this profile will be written UNENCRYPTED to the settings file</source>
        <translation>Geheimnisse dieses Profils werden UNVERSCHLÜSSELT in die Einstellungsdatei geschrieben</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="252"/>
        <source>Anyone who can read that file can use them. Leave this off to use the system keychain.</source>
        <translation>Wer die Datei lesen kann, kann sie verwenden. Lassen Sie dies aus, um den Schlüsselbund des Systems zu nutzen.</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="259"/>
        <source>Choose a CA certificate file</source>
        <translation>CA-Zertifikatsdatei wählen</translation>
    </message>
    <message>
        <location filename="../../ui/ProfileEditor.cpp" line="260"/>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>natter::ui::ProfileSecrets</name>
    <message>
        <location filename="../../ui/ProfileSecrets.cpp" line="43"/>
        <source>the keychain did not answer</source>
        <translation>der Schlüsselbund hat nicht geantwortet</translation>
    </message>
</context>
<context>
    <name>natter::ui::RoomPicker</name>
    <message>
        <location filename="../../ui/RoomPicker.cpp" line="21"/>
        <location filename="../../ui/RoomPicker.cpp" line="28"/>
        <source>Jump to room</source>
        <translation>Zu Raum springen</translation>
    </message>
    <message>
        <location filename="../../ui/RoomPicker.cpp" line="35"/>
        <source>Room filter</source>
        <translation>Raumfilter</translation>
    </message>
    <message>
        <location filename="../../ui/RoomPicker.cpp" line="36"/>
        <source>Type to filter rooms</source>
        <translation>Tippen, um Räume zu filtern</translation>
    </message>
    <message>
        <location filename="../../ui/RoomPicker.cpp" line="40"/>
        <source>Matching rooms</source>
        <translation>Passende Räume</translation>
    </message>
</context>
<context>
    <name>natter::ui::RoomSidebar</name>
    <message>
        <location filename="../../ui/RoomSidebar.cpp" line="27"/>
        <location filename="../../ui/RoomSidebar.cpp" line="63"/>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <location filename="../../ui/RoomSidebar.cpp" line="37"/>
        <location filename="../../ui/RoomSidebar.cpp" line="38"/>
        <source>Join a room</source>
        <translation>Raum betreten</translation>
    </message>
    <message>
        <location filename="../../ui/RoomSidebar.cpp" line="43"/>
        <source>Room to join</source>
        <translation>Zu betretender Raum</translation>
    </message>
    <message>
        <location filename="../../ui/RoomSidebar.cpp" line="44"/>
        <source>Room name, e.g. lobby</source>
        <translation>Raumname, z. B. lobby</translation>
    </message>
    <message>
        <location filename="../../ui/RoomSidebar.cpp" line="77"/>
        <source>Leave #%1</source>
        <translation>#%1 verlassen</translation>
    </message>
</context>
<context>
    <name>natter::ui::SessionManager</name>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="76"/>
        <source>There is no server profile named “%1”.</source>
        <translation>Es gibt kein Serverprofil namens „%1“.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="77"/>
        <source>Add the server in Settings, or choose another profile.</source>
        <translation>Fügen Sie den Server in den Einstellungen hinzu oder wählen Sie ein anderes Profil.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="83"/>
        <source>The server profile “%1” is incomplete: %2</source>
        <translation>Das Serverprofil „%1“ ist unvollständig: %2</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="83"/>
        <source>Complete it in Settings.</source>
        <translation>Vervollständigen Sie es in den Einstellungen.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="96"/>
        <source>No secret store is available.</source>
        <translation>Kein Geheimnisspeicher verfügbar.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="115"/>
        <source>No app secret is stored for “%1”.</source>
        <translation>Für „%1“ ist kein App-Geheimnis gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="116"/>
        <source>Enter the app secret in Settings (local signing), or switch the profile to an auth endpoint.</source>
        <translation>Geben Sie das App-Geheimnis in den Einstellungen ein (lokales Signieren) oder stellen Sie das Profil auf einen Auth-Endpunkt um.</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="119"/>
        <source>The app secret for “%1” could not be read from the keychain: %2</source>
        <translation>Das App-Geheimnis für „%1“ konnte nicht aus dem Schlüsselbund gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../../ui/SessionManager.cpp" line="120"/>
        <source>Unlock the keychain and try again, or enter the secret again in Settings (it is then kept in memory for this run).</source>
        <translation>Entsperren Sie den Schlüsselbund und versuchen Sie es erneut, oder geben Sie das Geheimnis in den Einstellungen erneut ein (es bleibt dann für diese Sitzung im Speicher).</translation>
    </message>
</context>
<context>
    <name>natter::ui::SettingsDialog</name>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="31"/>
        <source>Natter Settings</source>
        <translation>Natter-Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="32"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="39"/>
        <location filename="../../ui/SettingsDialog.cpp" line="65"/>
        <source>Server profiles</source>
        <translation>Serverprofile</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="41"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="42"/>
        <location filename="../../ui/SettingsDialog.cpp" line="84"/>
        <location filename="../../ui/SettingsDialog.cpp" line="158"/>
        <location filename="../../ui/SettingsDialog.cpp" line="288"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="56"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="143"/>
        <location filename="../../ui/SettingsDialog.cpp" line="181"/>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="146"/>
        <source>New profile: fill in the server details and press Save.</source>
        <translation>Neues Profil: Serverdaten eintragen und Speichern drücken.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="167"/>
        <source>Checking the keychain…</source>
        <translation>Schlüsselbund wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="175"/>
        <source>Stored unencrypted; type to replace</source>
        <translation>Unverschlüsselt gespeichert; zum Ersetzen tippen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="177"/>
        <source>Kept in memory for this run; type to replace</source>
        <translation>Für diese Sitzung im Speicher; zum Ersetzen tippen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="179"/>
        <source>Stored in the keychain; type to replace</source>
        <translation>Im Schlüsselbund gespeichert; zum Ersetzen tippen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="181"/>
        <source>None (optional)</source>
        <translation>Keins (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="183"/>
        <source>Keychain not available</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="206"/>
        <source>A profile named “%1” already exists: choose another name.</source>
        <translation>Ein Profil namens „%1“ existiert bereits: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="264"/>
        <source>Saved the profile, but not its secret: %1</source>
        <translation>Profil gespeichert, sein Geheimnis aber nicht: %1</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="266"/>
        <source>Saved. The system keychain is not available, so the secret is kept in memory until Natter quits.</source>
        <translation>Gespeichert. Der Schlüsselbund des Systems ist nicht verfügbar, daher bleibt das Geheimnis nur bis zum Beenden von Natter im Speicher.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="269"/>
        <source>Saved. Its secret is stored unencrypted in the settings file, as you chose.</source>
        <translation>Gespeichert. Das Geheimnis liegt wie gewählt unverschlüsselt in der Einstellungsdatei.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="271"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="283"/>
        <source>Click again to remove</source>
        <translation>Zum Entfernen erneut klicken</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="296"/>
        <source>Removed the profile “%1” and its secrets.</source>
        <translation>Profil „%1“ und seine Geheimnisse entfernt.</translation>
    </message>
</context>
</TS>
