<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>NewMessagesLine</name>
    <message>
        <location filename="../../ui/NewMessagesLine.cpp" line="26"/>
        <source>New messages</source>
        <translation>Neue Nachrichten</translation>
    </message>
</context>
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
    <message>
        <location filename="../../app/chat/PrivateFiles.cpp" line="25"/>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <location filename="../../app/chat/PrivateFiles.cpp" line="33"/>
        <source>Cannot make the folder %1 private.</source>
        <translation>Der Ordner %1 kann nicht privat gemacht werden.</translation>
    </message>
    <message>
        <location filename="../../app/chat/PrivateFiles.cpp" line="48"/>
        <source>Cannot make the file %1 private: %2</source>
        <translation>Die Datei %1 kann nicht privat gemacht werden: %2</translation>
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
        <location filename="../../ui/main.cpp" line="71"/>
        <location filename="../../ui/main.cpp" line="119"/>
        <source>Try “natter --help”.</source>
        <translation>Siehe „natter --help“.</translation>
    </message>
</context>
<context>
    <name>natter::chat::ChatController</name>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="103"/>
        <source>The server has not confirmed the room %1 yet.</source>
        <translation>Der Server hat den Raum %1 noch nicht bestätigt.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="117"/>
        <source>The server closed the connection as soon as it opened (code 4001).</source>
        <translation>Der Server hat die Verbindung gleich nach dem Öffnen geschlossen (Code 4001).</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="122"/>
        <source>The server refused the connection (code %1).</source>
        <translation>Der Server hat die Verbindung abgelehnt (Code %1).</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="132"/>
        <source>The secure connection to %1 failed: %2</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="210"/>
        <source>Enter a room name.</source>
        <translation>Geben Sie einen Raumnamen ein.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="212"/>
        <source>A room name has at most %1 characters.</source>
        <translation>Ein Raumname hat höchstens %1 Zeichen.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="214"/>
        <source>Use letters, digits, - and _ only in room names.</source>
        <translation>Raumnamen bestehen nur aus Buchstaben, Ziffern, - und _.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="324"/>
        <source>Type a message first.</source>
        <translation>Schreiben Sie zuerst eine Nachricht.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="326"/>
        <source>A message can have at most %1 characters (this one has %2).</source>
        <translation>Eine Nachricht hat höchstens %1 Zeichen (diese hat %2).</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="347"/>
        <source>Join the room %1 first.</source>
        <translation>Treten Sie zuerst dem Raum %1 bei.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatController.cpp" line="363"/>
        <location filename="../../app/chat/ChatControllerEdits.cpp" line="73"/>
        <source>This message is too long to send (over 10 KB once encoded).</source>
        <translation>Diese Nachricht ist zu lang zum Senden (kodiert über 10 KB).</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerPrivate.cpp" line="323"/>
        <source>Cannot reach %1.</source>
        <translation>%1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerPrivate.cpp" line="343"/>
        <source>You were not let into the room %1: %2</source>
        <translation>Sie wurden nicht in den Raum %1 gelassen: %2</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerPrivate.cpp" line="348"/>
        <source>The auth endpoint gave an unusable answer: %1</source>
        <translation>Der Auth-Endpunkt gab eine unbrauchbare Antwort: %1</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerPrivate.cpp" line="367"/>
        <source>The auth endpoint is not available: %1</source>
        <translation>Der Auth-Endpunkt ist nicht verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerEdits.cpp" line="49"/>
        <source>Only your own messages can be edited.</source>
        <translation>Nur eigene Nachrichten können bearbeitet werden.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerEdits.cpp" line="59"/>
        <source>This message is still being sent; edit it once it is sent.</source>
        <translation>Diese Nachricht wird noch gesendet; bearbeiten Sie sie, sobald sie gesendet ist.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerEdits.cpp" line="91"/>
        <source>Only your own messages can be deleted.</source>
        <translation>Nur eigene Nachrichten können gelöscht werden.</translation>
    </message>
    <message>
        <location filename="../../app/chat/ChatControllerEdits.cpp" line="96"/>
        <source>This message is still being sent; delete it once it is sent.</source>
        <translation>Diese Nachricht wird noch gesendet; löschen Sie sie, sobald sie gesendet ist.</translation>
    </message>
</context>
<context>
    <name>natter::chat::ChatWire</name>
    <message numerus="yes">
        <location filename="../../app/chat/ChatWire.cpp" line="62"/>
        <location filename="../../app/chat/EditWire.cpp" line="72"/>
        <source>… [%n more characters not shown]</source>
        <translation>
            <numerusform>… [%n weiteres Zeichen nicht angezeigt]</numerusform>
            <numerusform>… [%n weitere Zeichen nicht angezeigt]</numerusform>
        </translation>
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
    <name>natter::chat::HistoryJump</name>
    <message>
        <location filename="../../app/chat/HistoryJump.cpp" line="28"/>
        <location filename="../../app/chat/HistoryJump.cpp" line="53"/>
        <source>The room was left.</source>
        <translation>Der Raum wurde verlassen.</translation>
    </message>
    <message>
        <location filename="../../app/chat/HistoryJump.cpp" line="69"/>
        <source>That message is no longer in the room&apos;s history.</source>
        <translation>Diese Nachricht ist nicht mehr im Verlauf des Raums.</translation>
    </message>
    <message>
        <location filename="../../app/chat/HistoryJump.cpp" line="77"/>
        <source>That message is too far back to load.</source>
        <translation>Diese Nachricht liegt zu weit zurück, um sie zu laden.</translation>
    </message>
    <message>
        <location filename="../../app/chat/HistoryJump.cpp" line="81"/>
        <source>The room&apos;s history cannot be loaded now.</source>
        <translation>Der Verlauf des Raums kann gerade nicht geladen werden.</translation>
    </message>
</context>
<context>
    <name>natter::chat::MessageListModel</name>
    <message>
        <location filename="../../app/chat/MessageListModel.cpp" line="80"/>
        <source>%1 at %2: %3</source>
        <translation>%1 um %2: %3</translation>
    </message>
    <message>
        <location filename="../../app/chat/MessageListModel.cpp" line="86"/>
        <source> (reply to a message not loaded)</source>
        <translation> (Antwort auf eine nicht geladene Nachricht)</translation>
    </message>
    <message>
        <location filename="../../app/chat/MessageListModel.cpp" line="87"/>
        <source> (reply to %1: %2)</source>
        <translation> (Antwort an %1: %2)</translation>
    </message>
    <message>
        <location filename="../../app/chat/MessageListModel.cpp" line="90"/>
        <source> (sending)</source>
        <translation> (wird gesendet)</translation>
    </message>
    <message>
        <location filename="../../app/chat/MessageListModel.cpp" line="92"/>
        <source> (not sent: %1)</source>
        <translation> (nicht gesendet: %1)</translation>
    </message>
    <message>
        <location filename="../../app/chat/MessageListModel.cpp" line="102"/>
        <source>%1 (not in the room)</source>
        <translation>%1 (nicht im Raum)</translation>
    </message>
    <message>
        <location filename="../../app/chat/MessageListModel.cpp" line="490"/>
        <source>This message was deleted.</source>
        <translation>Diese Nachricht wurde gelöscht.</translation>
    </message>
    <message>
        <location filename="../../app/chat/MessageListModel.cpp" line="495"/>
        <source>(edited)</source>
        <translation>(bearbeitet)</translation>
    </message>
</context>
<context>
    <name>natter::chat::NatterServerApi</name>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="75"/>
        <source>The server address is not a URL with a host.</source>
        <translation>Die Serveradresse ist keine URL mit Host.</translation>
    </message>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="77"/>
        <source>The server address must start with https:// or http://.</source>
        <translation>Die Serveradresse muss mit https:// oder http:// beginnen.</translation>
    </message>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="148"/>
        <source>The server redirected to another site (%1); not followed.</source>
        <translation>Der Server hat auf eine andere Website umgeleitet (%1); der Umleitung wurde nicht gefolgt.</translation>
    </message>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="152"/>
        <source>The server did not answer in time.</source>
        <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="172"/>
        <source>The server&apos;s answer is not JSON.</source>
        <translation>Die Antwort des Servers ist kein JSON.</translation>
    </message>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="195"/>
        <source>The server answered HTTP %1.</source>
        <translation>Der Server hat mit HTTP %1 geantwortet.</translation>
    </message>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="231"/>
        <source>The server&apos;s configuration has no usable app key or host.</source>
        <translation>Die Konfiguration des Servers enthält keinen brauchbaren App-Schlüssel oder Host.</translation>
    </message>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="271"/>
        <source>The server&apos;s session answer has no token or user.</source>
        <translation>Der Sitzungsantwort des Servers fehlt das Token oder der Benutzer.</translation>
    </message>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="289"/>
        <source>The server&apos;s debug answer names no channel.</source>
        <translation>Die Debug-Antwort des Servers nennt keinen Kanal.</translation>
    </message>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="316"/>
        <source>There is no session to resume.</source>
        <translation>Es gibt keine Sitzung, die fortgesetzt werden kann.</translation>
    </message>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="333"/>
        <source>The server&apos;s session answer has no user.</source>
        <translation>Der Sitzungsantwort des Servers fehlt der Benutzer.</translation>
    </message>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="418"/>
        <location filename="../../app/chat/NatterServerApiEdits.cpp" line="40"/>
        <location filename="../../app/chat/NatterServerApiEdits.cpp" line="67"/>
        <source>The server&apos;s answer is not a message.</source>
        <translation>Die Antwort des Servers ist keine Nachricht.</translation>
    </message>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="457"/>
        <source>The server&apos;s history answer has no messages.</source>
        <translation>Die Verlaufsantwort des Servers enthält keine Nachrichten.</translation>
    </message>
    <message>
        <location filename="../../app/chat/NatterServerApi.cpp" line="498"/>
        <source>The server&apos;s search answer has no messages.</source>
        <translation>Die Suchantwort des Servers enthält keine Nachrichten.</translation>
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
    <name>natter::chat::ServerMessageRoute</name>
    <message>
        <location filename="../../app/chat/ServerMessageRoute.cpp" line="428"/>
        <source>The server has not stored this message yet.</source>
        <translation>Der Server hat diese Nachricht noch nicht gespeichert.</translation>
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
    <name>natter::devtools::EventDraft</name>
    <message>
        <location filename="../../app/devtools/EventDraft.cpp" line="32"/>
        <source>Event data is empty: enter JSON, e.g. {}</source>
        <translation>Die Event-Daten sind leer: Geben Sie JSON ein, z. B. {}</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventDraft.cpp" line="42"/>
        <source>JSON syntax: %1 at character %2</source>
        <translation>JSON-Syntax: %1 bei Zeichen %2</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventDraft.cpp" line="45"/>
        <source>JSON syntax: more than one value</source>
        <translation>JSON-Syntax: mehr als ein Wert</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventDraft.cpp" line="52"/>
        <source>Enter a channel name.</source>
        <translation>Geben Sie einen Kanalnamen ein.</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventDraft.cpp" line="56"/>
        <source>Client events can only be sent on private- and presence- channels.</source>
        <translation>Client-Events können nur auf private- und presence-Kanälen gesendet werden.</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventDraft.cpp" line="59"/>
        <source>Enter an event name.</source>
        <translation>Geben Sie einen Event-Namen ein.</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventDraft.cpp" line="61"/>
        <source>Event names are at most %1 characters (this one has %2).</source>
        <translation>Event-Namen haben höchstens %1 Zeichen (dieser hat %2).</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventDraft.cpp" line="66"/>
        <source>Event names starting with &quot;pusher:&quot; are reserved for the protocol.</source>
        <translation>Event-Namen, die mit &quot;pusher:&quot; beginnen, sind für das Protokoll reserviert.</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventDraft.cpp" line="68"/>
        <source>Client event names must start with &quot;client-&quot;.</source>
        <translation>Namen von Client-Events müssen mit &quot;client-&quot; beginnen.</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventDraft.cpp" line="73"/>
        <source>Event data is %1 bytes: over the 10 KB limit (%2 bytes).</source>
        <translation>Die Event-Daten haben %1 Bytes: über der Grenze von 10 KB (%2 Bytes).</translation>
    </message>
</context>
<context>
    <name>natter::devtools::EventSender</name>
    <message>
        <location filename="../../app/devtools/EventSender.cpp" line="41"/>
        <source>Confirmed: the server read it (pong after the event on %1).</source>
        <translation>Bestätigt: Der Server hat es gelesen (Pong nach dem Event auf %1).</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventSender.cpp" line="48"/>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventSender.cpp" line="90"/>
        <source>The REST API needs the app ID and the app secret of this profile.</source>
        <translation>Die REST API braucht die App-ID und das App-Geheimnis dieses Profils.</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventSender.cpp" line="102"/>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventSender.cpp" line="113"/>
        <source>This connection is not subscribed to %1: client events go out on a channel it has joined.</source>
        <translation>Diese Verbindung hat %1 nicht abonniert: Client-Events werden auf einem Kanal gesendet, dem sie beigetreten ist.</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventSender.cpp" line="131"/>
        <source>Sending as natter-server needs a natter-server profile whose user is one of the server&apos;s debug users.</source>
        <translation>Senden als natter-server braucht ein natter-server-Profil, dessen Benutzer einer der Debug-Benutzer des Servers ist.</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventSender.cpp" line="144"/>
        <source>natter-server triggered it.</source>
        <translation>natter-server hat es ausgelöst.</translation>
    </message>
    <message>
        <location filename="../../app/devtools/EventSender.cpp" line="147"/>
        <source>natter-server refused it (HTTP %1 %2): %3</source>
        <translation>natter-server hat es abgelehnt (HTTP %1 %2): %3</translation>
    </message>
</context>
<context>
    <name>natter::devtools::FrameRecorder</name>
    <message>
        <location filename="../../app/devtools/FrameRecorder.cpp" line="59"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../app/devtools/FrameRecorder.cpp" line="64"/>
        <source>reconnecting in %1 s</source>
        <translation>neuer Versuch in %1 s</translation>
    </message>
    <message>
        <location filename="../../app/devtools/FrameRecorder.cpp" line="69"/>
        <source>connection lost: %1 %2</source>
        <translation>Verbindung verloren: %1 %2</translation>
    </message>
    <message>
        <location filename="../../app/devtools/FrameRecorder.cpp" line="74"/>
        <source>malformed frame: %1</source>
        <translation>fehlerhafter Frame: %1</translation>
    </message>
    <message>
        <location filename="../../app/devtools/FrameRecorder.cpp" line="78"/>
        <source>TLS error: %1</source>
        <translation>TLS-Fehler: %1</translation>
    </message>
    <message>
        <location filename="../../app/devtools/FrameRecorder.cpp" line="81"/>
        <source>recording (state %1, socket %2)</source>
        <translation>Aufzeichnung läuft (Zustand %1, Socket %2)</translation>
    </message>
    <message>
        <location filename="../../app/devtools/FrameRecorder.cpp" line="122"/>
        <source>user sign-in: authorization requested</source>
        <translation>Benutzeranmeldung: Autorisierung angefordert</translation>
    </message>
    <message>
        <location filename="../../app/devtools/FrameRecorder.cpp" line="123"/>
        <source>%1: authorization requested</source>
        <translation>%1: Autorisierung angefordert</translation>
    </message>
    <message>
        <location filename="../../app/devtools/FrameRecorder.cpp" line="137"/>
        <location filename="../../app/devtools/FrameRecorder.cpp" line="144"/>
        <source>user sign-in</source>
        <translation>Benutzeranmeldung</translation>
    </message>
    <message>
        <location filename="../../app/devtools/FrameRecorder.cpp" line="138"/>
        <source>%1: authorized %2</source>
        <translation>%1: autorisiert %2</translation>
    </message>
    <message>
        <location filename="../../app/devtools/FrameRecorder.cpp" line="146"/>
        <source>%1: authorization failed (HTTP %2): %3</source>
        <translation>%1: Autorisierung fehlgeschlagen (HTTP %2): %3</translation>
    </message>
</context>
<context>
    <name>natter::devtools::SentEventModel</name>
    <message>
        <location filename="../../app/devtools/SentEventModel.cpp" line="11"/>
        <source>REST API</source>
        <translation>REST API</translation>
    </message>
    <message>
        <location filename="../../app/devtools/SentEventModel.cpp" line="13"/>
        <source>natter-server</source>
        <translation>natter-server</translation>
    </message>
    <message>
        <location filename="../../app/devtools/SentEventModel.cpp" line="17"/>
        <source>client event</source>
        <translation>Client-Event</translation>
    </message>
    <message>
        <location filename="../../app/devtools/SentEventModel.cpp" line="59"/>
        <source>sending…</source>
        <translation>wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../app/devtools/SentEventModel.cpp" line="60"/>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <location filename="../../app/devtools/SentEventModel.cpp" line="61"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/devtools/SentEventModel.cpp" line="62"/>
        <source>%1  %2  #%3  %4 — %5</source>
        <translation>%1  %2  #%3  %4 — %5</translation>
    </message>
</context>
<context>
    <name>natter::devtools::ServerFeed</name>
    <message>
        <location filename="../../app/devtools/ServerFeed.cpp" line="35"/>
        <source>server-wide view unavailable: %1</source>
        <translation>serverweite Ansicht nicht verfügbar: %1</translation>
    </message>
    <message>
        <location filename="../../app/devtools/ServerFeed.cpp" line="46"/>
        <source>server-wide view refused: %1</source>
        <translation>serverweite Ansicht abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>natter::notify::MessageNotifier</name>
    <message>
        <location filename="../../app/notify/MessageNotifier.cpp" line="264"/>
        <source>%1 (not in the room)</source>
        <translation>%1 (nicht im Raum)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify/MessageNotifier.cpp" line="302"/>
        <source>%n new messages</source>
        <translation>
            <numerusform>%n neue Nachricht</numerusform>
            <numerusform>%n neue Nachrichten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/notify/MessageNotifier.cpp" line="331"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../../app/notify/MessageNotifier.cpp" line="332"/>
        <source>Mark as read</source>
        <translation>Als gelesen markieren</translation>
    </message>
    <message>
        <location filename="../../app/notify/MessageNotifier.cpp" line="334"/>
        <source>Block notifications from %1</source>
        <translation>Benachrichtigungen von %1 blockieren</translation>
    </message>
    <message>
        <location filename="../../app/notify/MessageNotifier.cpp" line="335"/>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../../app/notify/MessageNotifier.cpp" line="403"/>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <location filename="../../app/notify/MessageNotifier.cpp" line="405"/>
        <source>%1 and %2 in %3</source>
        <translation>%1 und %2 in %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/notify/MessageNotifier.cpp" line="406"/>
        <source>%1 and %n others in %2</source>
        <translation>
            <numerusform>%1 und %n weitere Person in %2</numerusform>
            <numerusform>%1 und %n weitere Personen in %2</numerusform>
        </translation>
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
    <name>natter::ui::CharacterCounter</name>
    <message>
        <location filename="../../ui/CharacterCounter.cpp" line="41"/>
        <source>This message has %1 characters, %2 more than the limit of %3. Shorten it to send it.</source>
        <translation>Diese Nachricht hat %1 Zeichen, %2 mehr als die Grenze von %3. Kürzen Sie sie, um sie zu senden.</translation>
    </message>
    <message>
        <location filename="../../ui/CharacterCounter.cpp" line="62"/>
        <source>%1 of %2 characters</source>
        <translation>%1 von %2 Zeichen</translation>
    </message>
</context>
<context>
    <name>natter::ui::ChatPage</name>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="77"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="79"/>
        <source>Retry joining the room</source>
        <translation>Erneut versuchen, dem Raum beizutreten</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="107"/>
        <source>You are not in any room.</source>
        <translation>Sie sind in keinem Raum.</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="111"/>
        <source>Join a room to start chatting, for example #lobby.</source>
        <translation>Treten Sie einem Raum bei, um zu chatten, zum Beispiel #lobby.</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="116"/>
        <source>Join a Room…</source>
        <translation>Einem Raum beitreten…</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="195"/>
        <source>Previous Room</source>
        <translation>Vorheriger Raum</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="199"/>
        <source>Next Room</source>
        <translation>Nächster Raum</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="464"/>
        <source>This is the start of #%1.</source>
        <translation>Hier beginnt #%1.</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="480"/>
        <source>No room</source>
        <translation>Kein Raum</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="482"/>
        <source>Cannot join this room: %1</source>
        <translation>Beitritt zu diesem Raum nicht möglich: %1</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="516"/>
        <source>#%1 has 1 unsent message; leaving discards it. Leave again to confirm.</source>
        <translation>#%1 hat 1 ungesendete Nachricht; beim Verlassen wird sie verworfen. Zum Bestätigen erneut verlassen.</translation>
    </message>
    <message>
        <location filename="../../ui/ChatPage.cpp" line="518"/>
        <source>#%1 has %2 unsent messages; leaving discards them. Leave again to confirm.</source>
        <translation>#%1 hat %2 ungesendete Nachrichten; beim Verlassen werden sie verworfen. Zum Bestätigen erneut verlassen.</translation>
    </message>
</context>
<context>
    <name>natter::ui::ChatSession</name>
    <message>
        <location filename="../../ui/ChatSession.cpp" line="34"/>
        <source>%1 on %2</source>
        <translation>%1 auf %2</translation>
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
        <location filename="../../ui/CommandLine.cpp" line="141"/>
        <source>--password-env needs --server.</source>
        <translation>--password-env braucht --server.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="147"/>
        <source>--server gives the connection details: leave out --host, --port, --cluster, --key, --tls, --path-prefix, --auth-endpoint and --secret.</source>
        <translation>--server liefert die Verbindungsdaten: Lassen Sie --host, --port, --cluster, --key, --tls, --path-prefix, --auth-endpoint und --secret weg.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="158"/>
        <source>--server %1: %2</source>
        <translation>--server %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="163"/>
        <source>--password-env %1: the variable is not set.</source>
        <translation>--password-env %1: Die Variable ist nicht gesetzt.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="175"/>
        <source>Connection options need --key and --host or --cluster.</source>
        <translation>Verbindungsoptionen brauchen --key und --host oder --cluster.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="192"/>
        <source>--port must be a number between 1 and 65535.</source>
        <translation>--port muss eine Zahl zwischen 1 und 65535 sein.</translation>
    </message>
    <message>
        <location filename="../../ui/CommandLine.cpp" line="203"/>
        <source>Presence rooms need authorization: give --auth-endpoint URL, or the app secret in NATTER_SECRET (or --secret) for local signing.</source>
        <translation>Presence-Räume brauchen eine Autorisierung: Geben Sie --auth-endpoint URL an oder das App-Geheimnis in NATTER_SECRET (oder --secret) für lokales Signieren.</translation>
    </message>
</context>
<context>
    <name>natter::ui::Composer</name>
    <message>
        <location filename="../../ui/Composer.cpp" line="47"/>
        <location filename="../../ui/Composer.cpp" line="49"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="50"/>
        <location filename="../../ui/Composer.cpp" line="201"/>
        <source>Send (Enter). Shift+Enter starts a new line.</source>
        <translation>Senden (Eingabe). Umschalt+Eingabe beginnt eine neue Zeile.</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="96"/>
        <source>Join a room to start chatting</source>
        <translation>Treten Sie einem Raum bei, um zu chatten</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="97"/>
        <source>Message #%1</source>
        <translation>Nachricht an #%1</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="119"/>
        <source>%1 is typing…</source>
        <translation>%1 schreibt…</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="121"/>
        <source>%1 and %2 are typing…</source>
        <translation>%1 und %2 schreiben…</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="123"/>
        <source>%1, %2 and %3 are typing…</source>
        <translation>%1, %2 und %3 schreiben…</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="125"/>
        <source>Several people are typing…</source>
        <translation>Mehrere Personen schreiben…</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="159"/>
        <source>This server does not accept client events, so messages cannot be sent. The server must have client events enabled for this app (Pusher: App Settings → Enable client events; soketi: SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES=true).</source>
        <translation>Dieser Server nimmt keine Client-Events an, daher können keine Nachrichten gesendet werden. Auf dem Server müssen Client-Events für diese App aktiviert sein (Pusher: App Settings → Enable client events; soketi: SOKETI_DEFAULT_APP_ENABLE_CLIENT_MESSAGES=true).</translation>
    </message>
    <message>
        <location filename="../../ui/Composer.cpp" line="164"/>
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
    <name>natter::ui::DevToolsChannels</name>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="38"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="40"/>
        <source>Subscribed channels</source>
        <translation>Abonnierte Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="41"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="41"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="41"/>
        <source>Subscribers</source>
        <translation>Abonnenten</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="41"/>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="43"/>
        <location filename="../../ui/DevToolsChannels.cpp" line="44"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="45"/>
        <source>List channels (REST)</source>
        <translation>Kanäle auflisten (REST)</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="46"/>
        <source>List channels</source>
        <translation>Kanäle auflisten</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="47"/>
        <source>Channel info (REST)</source>
        <translation>Kanalinfo (REST)</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="48"/>
        <source>Channel info</source>
        <translation>Kanalinfo</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="49"/>
        <source>Users (REST)</source>
        <translation>Benutzer (REST)</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="50"/>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="55"/>
        <source>REST answer</source>
        <translation>REST-Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="86"/>
        <source>The server&apos;s view, through the REST API:</source>
        <translation>Sicht des Servers über die REST API:</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="87"/>
        <source>The server&apos;s view needs the app ID and the app secret (Event creator tab).</source>
        <translation>Die Sicht des Servers braucht die App-ID und das App-Geheimnis (Reiter „Event-Ersteller“).</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="144"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="146"/>
        <source>me</source>
        <translation>ich</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="171"/>
        <source>No REST client: enter the app ID (Event creator tab).</source>
        <translation>Kein REST-Client: Geben Sie die App-ID ein (Reiter „Event-Ersteller“).</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="182"/>
        <source>Select a channel first.</source>
        <translation>Wählen Sie zuerst einen Kanal.</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="193"/>
        <source>Select a presence channel first.</source>
        <translation>Wählen Sie zuerst einen Presence-Kanal.</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="199"/>
        <source>Asking the server…</source>
        <translation>Server wird abgefragt…</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsChannels.cpp" line="204"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::DevToolsConsole</name>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="38"/>
        <source>Debug console</source>
        <translation>Debug-Konsole</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="44"/>
        <source>Filter</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="45"/>
        <source>Filter: text, channel:NAME, event:NAME</source>
        <translation>Filter: Text, channel:NAME, event:NAME</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="47"/>
        <location filename="../../ui/DevToolsConsole.cpp" line="48"/>
        <location filename="../../ui/DevToolsConsole.cpp" line="106"/>
        <location filename="../../ui/DevToolsConsole.cpp" line="107"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="50"/>
        <location filename="../../ui/DevToolsConsole.cpp" line="51"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="52"/>
        <location filename="../../ui/DevToolsConsole.cpp" line="53"/>
        <location filename="../../ui/DevToolsConsole.cpp" line="97"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="54"/>
        <source>Copy the selected frames as JSON lines (Ctrl+C)</source>
        <translation>Ausgewählte Frames als JSON-Zeilen kopieren (Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="55"/>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="56"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="57"/>
        <source>Save the shown frames as JSON lines</source>
        <translation>Angezeigte Frames als JSON-Zeilen speichern</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="60"/>
        <source>Dropped frames</source>
        <translation>Verworfene Frames</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="71"/>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="78"/>
        <source>Frame details</source>
        <translation>Frame-Details</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="81"/>
        <source>Select a frame to see it here, pretty-printed.</source>
        <translation>Wählen Sie einen Frame, um ihn hier formatiert zu sehen.</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="90"/>
        <source>Console status</source>
        <translation>Konsolenstatus</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="106"/>
        <location filename="../../ui/DevToolsConsole.cpp" line="107"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="156"/>
        <source>%L1 dropped (buffer %L2)</source>
        <translation>%L1 verworfen (Puffer %L2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/DevToolsConsole.cpp" line="208"/>
        <source>Copied %n frame(s) as JSON lines.</source>
        <translation>
            <numerusform>%n Frame als JSON-Zeile kopiert.</numerusform>
            <numerusform>%n Frames als JSON-Zeilen kopiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="227"/>
        <source>Export frames</source>
        <translation>Frames exportieren</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="228"/>
        <source>JSON lines (*.jsonl);;All files (*)</source>
        <translation>JSON-Zeilen (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="235"/>
        <source>Exported to %1.</source>
        <translation>Nach %1 exportiert.</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsConsole.cpp" line="236"/>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::DevToolsEventCreator</name>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="43"/>
        <source>Event creator</source>
        <translation>Event-Ersteller</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="46"/>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="47"/>
        <source>Send as</source>
        <translation>Senden als</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="48"/>
        <source>RE&amp;ST API</source>
        <translation>RE&amp;ST API</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="49"/>
        <source>REST API</source>
        <translation>REST API</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="50"/>
        <source>c&amp;lient event</source>
        <translation>C&amp;lient-Event</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="51"/>
        <source>client event</source>
        <translation>Client-Event</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="52"/>
        <source>&amp;natter-server</source>
        <translation>&amp;natter-server</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="53"/>
        <source>natter-server</source>
        <translation>natter-server</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="54"/>
        <source>Ask natter-server to trigger it (the server&apos;s debug users)</source>
        <translation>natter-server bitten, es auszulösen (Debug-Benutzer des Servers)</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="62"/>
        <source>App ID</source>
        <translation>App-ID</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="63"/>
        <source>the app&apos;s id on the server, e.g. app-id</source>
        <translation>ID der App auf dem Server, z. B. app-id</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="64"/>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="65"/>
        <source>Exclude this connection</source>
        <translation>Diese Verbindung ausschließen</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="66"/>
        <source>Pass this connection&apos;s socket id, so only the others receive it</source>
        <translation>Die Socket-ID dieser Verbindung mitgeben, damit nur die anderen es empfangen</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="68"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="71"/>
        <source>Event name</source>
        <translation>Event-Name</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="73"/>
        <source>Event data</source>
        <translation>Event-Daten</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="78"/>
        <source>Validation</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="80"/>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="81"/>
        <source>Send event</source>
        <translation>Event senden</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="84"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="89"/>
        <source>Sent events</source>
        <translation>Gesendete Events</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="92"/>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="93"/>
        <source>Resend</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="94"/>
        <source>Send the selected event again (double-click loads it into the form)</source>
        <translation>Ausgewähltes Event erneut senden (Doppelklick lädt es ins Formular)</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="98"/>
        <source>App &amp;ID:</source>
        <translation>App-&amp;ID:</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="101"/>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="102"/>
        <source>&amp;Event name:</source>
        <translation>&amp;Event-Name:</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="103"/>
        <source>Event &amp;data:</source>
        <translation>Event-&amp;Daten:</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="115"/>
        <source>Sent events:</source>
        <translation>Gesendete Events:</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="225"/>
        <source>The REST API needs the app secret: this profile does not have one.</source>
        <translation>Die REST API braucht das App-Geheimnis: Dieses Profil hat keines.</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="227"/>
        <source>Enter the app ID for the REST API.</source>
        <translation>Geben Sie die App-ID für die REST API ein.</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="229"/>
        <source>Only natter-server&apos;s debug users can send through it.</source>
        <translation>Nur die Debug-Benutzer von natter-server können darüber senden.</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="230"/>
        <source>%L1 / %L2 bytes</source>
        <translation>%L1 / %L2 Bytes</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="231"/>
        <source>Ready to send. %1</source>
        <translation>Bereit zum Senden. %1</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="241"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="248"/>
        <source>Sending %1 to %2…</source>
        <translation>Sende %1 an %2…</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="264"/>
        <source>Sent. </source>
        <translation>Gesendet. </translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsEventCreator.cpp" line="264"/>
        <source>Failed: </source>
        <translation>Fehlgeschlagen: </translation>
    </message>
</context>
<context>
    <name>natter::ui::DevToolsRates</name>
    <message>
        <location filename="../../ui/DevToolsRates.cpp" line="25"/>
        <source>Rates</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsRates.cpp" line="29"/>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsRates.cpp" line="31"/>
        <source>Per-channel counts</source>
        <translation>Zähler pro Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsRates.cpp" line="33"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsRates.cpp" line="33"/>
        <source>In</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsRates.cpp" line="33"/>
        <source>Out</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsRates.cpp" line="37"/>
        <location filename="../../ui/DevToolsRates.cpp" line="38"/>
        <source>Reset counts</source>
        <translation>Zähler zurücksetzen</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsRates.cpp" line="64"/>
        <source>%L1 frames in, %L2 out since the tools opened (blue: in, orange: out)</source>
        <translation>%L1 Frames eingehend, %L2 ausgehend seit dem Öffnen der Werkzeuge (blau: eingehend, orange: ausgehend)</translation>
    </message>
</context>
<context>
    <name>natter::ui::DevToolsWindow</name>
    <message>
        <location filename="../../ui/DevToolsWindow.cpp" line="32"/>
        <location filename="../../ui/DevToolsWindow.cpp" line="33"/>
        <source>Developer tools</source>
        <translation>Entwicklerwerkzeuge</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsWindow.cpp" line="46"/>
        <source>Developer tools sections</source>
        <translation>Bereiche der Entwicklerwerkzeuge</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsWindow.cpp" line="47"/>
        <source>Debug console</source>
        <translation>Debug-Konsole</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsWindow.cpp" line="48"/>
        <source>Event creator</source>
        <translation>Event-Ersteller</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsWindow.cpp" line="49"/>
        <source>Channels</source>
        <translation>Kanäle</translation>
    </message>
    <message>
        <location filename="../../ui/DevToolsWindow.cpp" line="50"/>
        <source>Rates</source>
        <translation>Durchsatz</translation>
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
        <source>Reply to the selected message (Esc cancels)</source>
        <translation>Auf die ausgewählte Nachricht antworten (Esc bricht ab)</translation>
    </message>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="51"/>
        <source>Rooms, messages, message field, Who&apos;s Online</source>
        <translation>Räume, Nachrichten, Nachrichtenfeld, Wer ist online</translation>
    </message>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="54"/>
        <source>Find in the room</source>
        <translation>Im Raum suchen</translation>
    </message>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="55"/>
        <source>Next / previous match</source>
        <translation>Nächster / vorheriger Treffer</translation>
    </message>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="58"/>
        <source>Edit your last message (in an empty message field)</source>
        <translation>Ihre letzte Nachricht bearbeiten (in einem leeren Nachrichtenfeld)</translation>
    </message>
    <message>
        <location filename="../../ui/KeyboardShortcutsDialog.cpp" line="61"/>
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
        <location filename="../../ui/LoginPage.cpp" line="387"/>
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
        <location filename="../../ui/LoginPage.cpp" line="422"/>
        <source>Could not log in</source>
        <translation>Anmeldung nicht möglich</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="346"/>
        <source>Check your network, that the server runs, and the server&apos;s address (or the host, port or cluster and TLS setting) in the server profile. Then try again.</source>
        <translation>Prüfen Sie Ihr Netzwerk, ob der Server läuft, und die Adresse des Servers (bzw. Host, Port oder Cluster und die TLS-Einstellung) im Serverprofil. Versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="355"/>
        <source>Add the server&apos;s CA file to the profile in Settings, or check the address (and whether the server uses TLS at all).</source>
        <translation>Fügen Sie die CA-Datei des Servers in den Einstellungen zum Profil hinzu oder prüfen Sie die Adresse (und ob der Server überhaupt TLS verwendet).</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="408"/>
        <source>Still trying to log in…</source>
        <translation>Anmeldung wird weiter versucht…</translation>
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
        <location filename="../../ui/LoginPage.cpp" line="358"/>
        <source>Check the auth endpoint URL in Settings: it must answer like Pusher&apos;s server libraries do, with JSON containing &quot;auth&quot;.</source>
        <translation>Prüfen Sie die URL des Auth-Endpunkts in den Einstellungen: Er muss wie die Server-Bibliotheken von Pusher antworten, mit JSON, das &quot;auth&quot; enthält.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="362"/>
        <source>Someone who is online now uses it. Choose another name, or try again once they have left.</source>
        <translation>Jemand, der gerade online ist, verwendet ihn. Wählen Sie einen anderen Namen oder versuchen Sie es erneut, sobald diese Person gegangen ist.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="365"/>
        <source>Use 1 to 32 letters, digits, _ and - (no spaces).</source>
        <translation>Verwenden Sie 1 bis 32 Buchstaben, Ziffern, _ und - (keine Leerzeichen).</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="367"/>
        <source>Enter the password the server&apos;s owner gave you.</source>
        <translation>Geben Sie das Passwort ein, das Sie vom Betreiber des Servers erhalten haben.</translation>
    </message>
    <message>
        <location filename="../../ui/LoginPage.cpp" line="371"/>
        <source>Check the server profile in Settings, then try again.</source>
        <translation>Prüfen Sie das Serverprofil in den Einstellungen und versuchen Sie es erneut.</translation>
    </message>
</context>
<context>
    <name>natter::ui::MainWindow</name>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="59"/>
        <source>Outbox warning</source>
        <translation>Warnung zum Postausgang</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="101"/>
        <source>Connecting to %1 as %2…</source>
        <translation>Verbinde mit %1 als %2…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="153"/>
        <source>&amp;Natter</source>
        <translation>&amp;Natter</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="155"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="162"/>
        <source>&amp;Notifications…</source>
        <translation>&amp;Benachrichtigungen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="164"/>
        <source>&amp;Log Out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="167"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="176"/>
        <source>&amp;Room</source>
        <translation>&amp;Raum</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="177"/>
        <source>&amp;Jump to Room…</source>
        <translation>Zu Raum &amp;springen…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="180"/>
        <source>J&amp;oin Room…</source>
        <translation>Raum &amp;betreten…</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="183"/>
        <source>&amp;Leave Room</source>
        <translation>Raum &amp;verlassen</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="188"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="189"/>
        <source>&amp;Who&apos;s Online</source>
        <translation>&amp;Wer ist online</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="204"/>
        <source>&amp;Tools</source>
        <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="205"/>
        <source>Developer tools</source>
        <translation>Entwicklerwerkzeuge</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="210"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="211"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../ui/MainWindow.cpp" line="215"/>
        <source>&amp;About Natter</source>
        <translation>Über &amp;Natter</translation>
    </message>
</context>
<context>
    <name>natter::ui::MemberPanel</name>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="41"/>
        <source>Who&apos;s Online</source>
        <translation>Wer ist online</translation>
    </message>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="88"/>
        <source>Who&apos;s Online (%1+)</source>
        <translation>Wer ist online (%1+)</translation>
    </message>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="89"/>
        <source>Who&apos;s Online (%1)</source>
        <translation>Wer ist online (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="95"/>
        <source>reconnecting…</source>
        <translation>verbinde erneut…</translation>
    </message>
    <message>
        <location filename="../../ui/MemberPanel.cpp" line="98"/>
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
    <name>natter::ui::MentionCompleter</name>
    <message>
        <location filename="../../ui/MentionCompleter.cpp" line="83"/>
        <source>Members to mention</source>
        <translation>Erwähnbare Mitglieder</translation>
    </message>
</context>
<context>
    <name>natter::ui::MessageActions</name>
    <message>
        <location filename="../../ui/MessageActions.cpp" line="36"/>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <location filename="../../ui/MessageActions.cpp" line="41"/>
        <source>Quote</source>
        <translation>Zitieren</translation>
    </message>
    <message>
        <location filename="../../ui/MessageActions.cpp" line="46"/>
        <source>Copy Link</source>
        <translation>Link kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/MessageActions.cpp" line="51"/>
        <source>Select Text</source>
        <translation>Text auswählen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageActions.cpp" line="75"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
</context>
<context>
    <name>natter::ui::MessageAppearance</name>
    <message>
        <location filename="../../ui/MessageAppearance.cpp" line="25"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../../ui/MessageAppearance.cpp" line="30"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../../ui/MessageAppearance.cpp" line="33"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location filename="../../ui/MessageAppearance.cpp" line="36"/>
        <source>&amp;Compact Mode</source>
        <translation>Kom&amp;pakte Ansicht</translation>
    </message>
</context>
<context>
    <name>natter::ui::MessageDelegate</name>
    <message>
        <location filename="../../ui/MessageDelegate.cpp" line="50"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../ui/MessageDelegate.cpp" line="52"/>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location filename="../../ui/MessageDelegate.cpp" line="134"/>
        <source>Retry</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../ui/MessageDelegate.cpp" line="139"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageDelegate.cpp" line="327"/>
        <location filename="../../ui/MessageDelegate.cpp" line="455"/>
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
    <name>natter::ui::MessageFindBar</name>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="42"/>
        <location filename="../../ui/MessageFindBar.cpp" line="48"/>
        <source>Find in room</source>
        <translation>Im Raum suchen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="47"/>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="54"/>
        <location filename="../../ui/MessageFindBar.cpp" line="206"/>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="58"/>
        <source>Next match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="59"/>
        <source>Next match, older (Enter, F3)</source>
        <translation>Nächster Treffer, älter (Enter, F3)</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="63"/>
        <source>Previous match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="64"/>
        <source>Previous match, newer (Shift+Enter, Shift+F3)</source>
        <translation>Vorheriger Treffer, neuer (Shift+Enter, Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="65"/>
        <source>Search History</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="67"/>
        <source>Search all of this room&apos;s messages on the server</source>
        <translation>Alle Nachrichten dieses Raums auf dem Server durchsuchen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="71"/>
        <source>Close find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="72"/>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="82"/>
        <source>History search results</source>
        <translation>Ergebnisse der Verlaufssuche</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="102"/>
        <source>Find in Room</source>
        <translation>Im Raum suchen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="104"/>
        <source>Next Match</source>
        <translation>Nächster Treffer</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="106"/>
        <source>Previous Match</source>
        <translation>Vorheriger Treffer</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="208"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="269"/>
        <source>Type what to look for first.</source>
        <translation>Geben Sie zuerst einen Suchbegriff ein.</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="272"/>
        <source>Searching the history of #%1…</source>
        <translation>Verlauf von #%1 wird durchsucht…</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="282"/>
        <source>The search failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="286"/>
        <source>No messages found in the history.</source>
        <translation>Keine Nachrichten im Verlauf gefunden.</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="290"/>
        <source>The newest %1 messages found:</source>
        <translation>Die neuesten %1 gefundenen Nachrichten:</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="298"/>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location filename="../../ui/MessageFindBar.cpp" line="315"/>
        <source>Loading the history…</source>
        <translation>Verlauf wird geladen…</translation>
    </message>
</context>
<context>
    <name>natter::ui::MessageTextSelector</name>
    <message>
        <location filename="../../ui/MessageTextSelector.cpp" line="17"/>
        <source>Message text</source>
        <translation>Nachrichtentext</translation>
    </message>
</context>
<context>
    <name>natter::ui::MessageView</name>
    <message>
        <location filename="../../ui/MessageView.cpp" line="46"/>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="68"/>
        <source>Loading older messages</source>
        <translation>Ältere Nachrichten werden geladen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="75"/>
        <source>Loading older messages…</source>
        <translation>Ältere Nachrichten werden geladen…</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="335"/>
        <source>1 new message</source>
        <translation>1 neue Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="335"/>
        <source>%1 new messages</source>
        <translation>%1 neue Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="490"/>
        <source>Open Link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="637"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="638"/>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="495"/>
        <source>Retry Sending</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="497"/>
        <source>Discard Message</source>
        <translation>Nachricht verwerfen</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="502"/>
        <source>Copy Text</source>
        <translation>Text kopieren</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="529"/>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../ui/MessageView.cpp" line="532"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>natter::ui::NewMessagesMarker</name>
    <message>
        <location filename="../../ui/NewMessagesMarker.cpp" line="26"/>
        <source>Jump to the first unread message</source>
        <translation>Zur ersten ungelesenen Nachricht springen</translation>
    </message>
    <message>
        <location filename="../../ui/NewMessagesMarker.cpp" line="27"/>
        <source>Jump to the first unread message (Shift+Esc)</source>
        <translation>Zur ersten ungelesenen Nachricht springen (Shift+Esc)</translation>
    </message>
</context>
<context>
    <name>natter::ui::NotificationCenter</name>
    <message>
        <location filename="../../ui/NotificationCenter.cpp" line="90"/>
        <source>A notification could not be shown: %1</source>
        <translation>Eine Benachrichtigung konnte nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationCenter.cpp" line="149"/>
        <source>No notification server answers (%1); notifications appear as tray messages.</source>
        <translation>Kein Benachrichtigungsserver antwortet (%1); Benachrichtigungen erscheinen als Meldungen im Infobereich.</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationCenter.cpp" line="154"/>
        <source>Desktop notifications are off: no notification server answers (%1) and there is no system tray.</source>
        <translation>Desktop-Benachrichtigungen sind aus: Kein Benachrichtigungsserver antwortet (%1) und es gibt keinen Infobereich.</translation>
    </message>
</context>
<context>
    <name>natter::ui::NotificationPromptBar</name>
    <message>
        <location filename="../../ui/NotificationPromptBar.cpp" line="20"/>
        <source>Notification permission</source>
        <translation>Benachrichtigungsberechtigung</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationPromptBar.cpp" line="27"/>
        <source>Allow</source>
        <translation>Erlauben</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationPromptBar.cpp" line="28"/>
        <source>Allow notifications</source>
        <translation>Benachrichtigungen erlauben</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationPromptBar.cpp" line="29"/>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationPromptBar.cpp" line="30"/>
        <source>Block notifications</source>
        <translation>Benachrichtigungen blockieren</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationPromptBar.cpp" line="31"/>
        <location filename="../../ui/NotificationPromptBar.cpp" line="32"/>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationPromptBar.cpp" line="59"/>
        <source>Allow desktop notifications from %1?</source>
        <translation>Desktop-Benachrichtigungen von %1 erlauben?</translation>
    </message>
</context>
<context>
    <name>natter::ui::NotificationSettingsDialog</name>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="34"/>
        <source>allowed</source>
        <translation>erlaubt</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="36"/>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="40"/>
        <source>not asked</source>
        <translation>nicht gefragt</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="57"/>
        <source>Notifications</source>
        <translation>Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="72"/>
        <source>Servers allowed to notify</source>
        <translation>Server, die benachrichtigen dürfen</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="75"/>
        <source>Notification permissions</source>
        <translation>Benachrichtigungsberechtigungen</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="78"/>
        <source>Allow</source>
        <translation>Erlauben</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="79"/>
        <source>Block</source>
        <translation>Blockieren</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="80"/>
        <source>Forget</source>
        <translation>Vergessen</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="81"/>
        <source>Ask again the next time a message arrives</source>
        <translation>Erneut fragen, wenn die nächste Nachricht eintrifft</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="107"/>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="111"/>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="113"/>
        <source>Play a sound</source>
        <translation>Ton abspielen</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="119"/>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="120"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="120"/>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="120"/>
        <source>Until tomorrow</source>
        <translation>Bis morgen</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="130"/>
        <source>Do not disturb:</source>
        <translation>Nicht stören:</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="131"/>
        <source>Close to tray</source>
        <translation>Beim Schließen in den Infobereich minimieren</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="132"/>
        <source>Start minimized in the tray</source>
        <translation>Minimiert im Infobereich starten</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="135"/>
        <source>Start Natter at login</source>
        <translation>Natter bei der Anmeldung starten</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="184"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="197"/>
        <source>Log in to choose per-room notifications.</source>
        <translation>Melden Sie sich an, um Benachrichtigungen pro Raum zu wählen.</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="204"/>
        <source>Notifications for #%1</source>
        <translation>Benachrichtigungen für #%1</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="205"/>
        <source>All messages</source>
        <translation>Alle Nachrichten</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="206"/>
        <source>Mentions only</source>
        <translation>Nur Erwähnungen</translation>
    </message>
    <message>
        <location filename="../../ui/NotificationSettingsDialog.cpp" line="207"/>
        <source>Muted</source>
        <translation>Stummgeschaltet</translation>
    </message>
</context>
<context>
    <name>natter::ui::OwnMessageEditor</name>
    <message>
        <location filename="../../ui/OwnMessageEditor.cpp" line="34"/>
        <source>Editing your message. Enter saves, Esc cancels.</source>
        <translation>Sie bearbeiten Ihre Nachricht. Enter speichert, Esc bricht ab.</translation>
    </message>
    <message>
        <location filename="../../ui/OwnMessageEditor.cpp" line="117"/>
        <source>Delete Message</source>
        <translation>Nachricht löschen</translation>
    </message>
    <message>
        <location filename="../../ui/OwnMessageEditor.cpp" line="118"/>
        <source>Delete this message for everyone in the room?</source>
        <translation>Diese Nachricht für alle im Raum löschen?</translation>
    </message>
    <message>
        <location filename="../../ui/OwnMessageEditor.cpp" line="121"/>
        <source>Delete</source>
        <translation>Löschen</translation>
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
    <name>natter::ui::QuotePainter</name>
    <message>
        <location filename="../../ui/QuotePainter.cpp" line="32"/>
        <source>Reply to a message not loaded</source>
        <translation>Antwort auf eine nicht geladene Nachricht</translation>
    </message>
</context>
<context>
    <name>natter::ui::RateSparkline</name>
    <message>
        <location filename="../../ui/RateSparkline.cpp" line="13"/>
        <source>Events per second</source>
        <translation>Events pro Sekunde</translation>
    </message>
    <message>
        <location filename="../../ui/RateSparkline.cpp" line="28"/>
        <source>In: %L1/s, out: %L2/s; peak %L3/s over the last %4 s</source>
        <translation>Eingehend: %L1/s, ausgehend: %L2/s; Spitze %L3/s in den letzten %4 s</translation>
    </message>
    <message>
        <location filename="../../ui/RateSparkline.cpp" line="65"/>
        <source>peak %L1/s</source>
        <translation>Spitze %L1/s</translation>
    </message>
    <message>
        <location filename="../../ui/RateSparkline.cpp" line="68"/>
        <source>in </source>
        <translation>ein </translation>
    </message>
    <message>
        <location filename="../../ui/RateSparkline.cpp" line="71"/>
        <source>out </source>
        <translation>aus </translation>
    </message>
</context>
<context>
    <name>natter::ui::ReplyBar</name>
    <message>
        <location filename="../../ui/ReplyBar.cpp" line="28"/>
        <source>Cancel reply</source>
        <translation>Antwort abbrechen</translation>
    </message>
    <message>
        <location filename="../../ui/ReplyBar.cpp" line="29"/>
        <source>Cancel reply (Esc)</source>
        <translation>Antwort abbrechen (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/ReplyBar.cpp" line="47"/>
        <source>Replying to a message not loaded</source>
        <translation>Antwort auf eine nicht geladene Nachricht</translation>
    </message>
    <message>
        <location filename="../../ui/ReplyBar.cpp" line="48"/>
        <source>Replying to %1: %2</source>
        <translation>Antwort an %1: %2</translation>
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
        <location filename="../../ui/SettingsDialog.cpp" line="41"/>
        <source>Natter Settings</source>
        <translation>Natter-Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="42"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="49"/>
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
        <location filename="../../ui/SettingsDialog.cpp" line="217"/>
        <location filename="../../ui/SettingsDialog.cpp" line="365"/>
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
        <location filename="../../ui/SettingsDialog.cpp" line="403"/>
        <source>Made from --host, --port and --key for this run; not saved.</source>
        <translation>Aus --host, --port und --key für diesen Lauf erstellt; nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="199"/>
        <location filename="../../ui/SettingsDialog.cpp" line="248"/>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="202"/>
        <source>New profile: fill in the server details and press Save.</source>
        <translation>Neues Profil: Serverdaten eintragen und Speichern drücken.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="219"/>
        <source>This profile comes from the command line and lasts until Natter quits. Save keeps it as a profile of its own.</source>
        <translation>Dieses Profil stammt von der Befehlszeile und gilt, bis Natter beendet wird. „Speichern“ behält es als eigenes Profil.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="221"/>
        <source>Given on the command line; type to save one</source>
        <translation>Auf der Befehlszeile angegeben; eingeben, um eines zu speichern</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="232"/>
        <source>Checking the keychain…</source>
        <translation>Schlüsselbund wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="241"/>
        <source>Stored unencrypted; type to replace</source>
        <translation>Unverschlüsselt gespeichert; zum Ersetzen tippen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="243"/>
        <source>Kept in memory for this run; type to replace</source>
        <translation>Für diese Sitzung im Speicher; zum Ersetzen tippen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="245"/>
        <source>Stored in the keychain; type to replace</source>
        <translation>Im Schlüsselbund gespeichert; zum Ersetzen tippen</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="249"/>
        <source>None (optional)</source>
        <translation>Keins (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="251"/>
        <source>Keychain not available</source>
        <translation>Schlüsselbund nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="275"/>
        <source>A profile named “%1” already exists: choose another name.</source>
        <translation>Ein Profil namens „%1“ existiert bereits: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="339"/>
        <source>Saved the profile, but not its secret: %1</source>
        <translation>Profil gespeichert, sein Geheimnis aber nicht: %1</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="342"/>
        <source>Saved. The system keychain is not available, so the secret is kept in memory until Natter quits.</source>
        <translation>Gespeichert. Der Schlüsselbund des Systems ist nicht verfügbar, daher bleibt das Geheimnis nur bis zum Beenden von Natter im Speicher.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="346"/>
        <source>Saved. Its secret is stored unencrypted in the settings file, as you chose.</source>
        <translation>Gespeichert. Das Geheimnis liegt wie gewählt unverschlüsselt in der Einstellungsdatei.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="348"/>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="360"/>
        <source>Click again to remove</source>
        <translation>Zum Entfernen erneut klicken</translation>
    </message>
    <message>
        <location filename="../../ui/SettingsDialog.cpp" line="377"/>
        <source>Removed the profile “%1” and its secrets.</source>
        <translation>Profil „%1“ und seine Geheimnisse entfernt.</translation>
    </message>
</context>
<context>
    <name>natter::ui::TrayIcon</name>
    <message>
        <location filename="../../ui/TrayIcon.cpp" line="25"/>
        <source>Open Natter</source>
        <translation>Natter öffnen</translation>
    </message>
    <message>
        <location filename="../../ui/TrayIcon.cpp" line="30"/>
        <source>Do not disturb</source>
        <translation>Nicht stören</translation>
    </message>
    <message>
        <location filename="../../ui/TrayIcon.cpp" line="34"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/TrayIcon.cpp" line="59"/>
        <source>Natter — %n unread</source>
        <translation>
            <numerusform>Natter — %n ungelesen</numerusform>
            <numerusform>Natter — %n ungelesen</numerusform>
        </translation>
    </message>
</context>
</TS>
