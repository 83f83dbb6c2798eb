#include "ListenCommand.h"

#include "ConnectionArgs.h"
#include "ExitCode.h"
#include "JsonLines.h"
#include "ResourceUsage.h"

#include <pusher/Channel.h>
#include <pusher/Client.h>
#include <pusher/Connection.h>
#include <pusher/EncryptedChannel.h>
#include <pusher/HttpAuthorizer.h>
#include <pusher/LocalSigner.h>
#include <pusher/PresenceChannel.h>
#include <pusher/SecretEnvironment.h>
#include <pusher/UserSession.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTimer>

using namespace natter::pusher;

namespace {
QJsonValue memberInfo(const Member &m)
{
    return m.info.isEmpty() ? QJsonValue() : QJsonValue(m.info);
}

QString errorKind(ChannelError::Kind kind)
{
    switch (kind) {
    case ChannelError::Kind::AuthRefused:
        return QStringLiteral("auth_refused");
    case ChannelError::Kind::AuthBadResponse:
        return QStringLiteral("auth_bad_response");
    case ChannelError::Kind::AuthUnavailable:
        return QStringLiteral("auth_unavailable");
    case ChannelError::Kind::ServerRejected:
        return QStringLiteral("subscription_rejected");
    case ChannelError::Kind::InvalidName:
        return QStringLiteral("invalid_channel");
    }
    return {};
}
} // namespace

int ListenCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Subscribe to channels and print what happens, one JSON object per line."));
    parser.addHelpOption();
    ConnectionArgs::addTo(parser);
    parser.addOptions({
        {QStringLiteral("auth-endpoint"),
         QStringLiteral("Channel auth endpoint (POST socket_id, channel_name)."),
         QStringLiteral("URL")},
        {QStringLiteral("user-auth-endpoint"),
         QStringLiteral(
             "User auth endpoint for --signin (default: AUTH-ENDPOINT with /pusher/user-auth)."),
         QStringLiteral("URL")},
        {QStringLiteral("auth-header"),
         QStringLiteral("Extra header for the auth endpoint, 'Name: value' (repeatable). For a "
                        "token, set NATTER_AUTH_HEADER instead (one 'Name: value' per line): "
                        "arguments are visible to every user in the process list."),
         QStringLiteral("HEADER")},
        {QStringLiteral("secret"),
         QStringLiteral(
             "Sign locally with the app secret (development servers only; or set NATTER_SECRET)."),
         QStringLiteral("S")},
        {QStringLiteral("encryption-master-key"),
         QStringLiteral("Base64 master key for private-encrypted- channels when signing locally."),
         QStringLiteral("B64")},
        {QStringLiteral("user-id"),
         QStringLiteral("User id for presence channels and sign-in (local signing)."),
         QStringLiteral("ID")},
        {QStringLiteral("user-info"), QStringLiteral("User info JSON object (local signing)."),
         QStringLiteral("JSON")},
        {QStringLiteral("signin"),
         QStringLiteral("Sign the user in (pusher:signin) after connecting.")},
        {QStringLiteral("count"), QStringLiteral("Exit 0 after N application events."),
         QStringLiteral("N")},
        {QStringLiteral("timeout"),
         QStringLiteral("Exit 3 if --count is not reached within SEC seconds."),
         QStringLiteral("SEC")},
        {QStringLiteral("quiet"), QStringLiteral("Print nothing per event.")},
        {QStringLiteral("stats"), QStringLiteral("Print a final stats line.")},
        {QStringLiteral("emit"),
         QStringLiteral("Send client event EVENT with JSON data after subscribing (repeatable)."),
         QStringLiteral("EVENT=JSON")},
    });
    parser.addPositionalArgument(QStringLiteral("channel"),
                                 QStringLiteral("Channels to subscribe to."),
                                 QStringLiteral("CHANNEL..."));
    if (!parser.parse(arguments)) {
        JsonLines::error(parser.errorText());
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(ConnectionArgs::helpText(parser, QStringLiteral("listen"))), stdout);
        return ExitOk;
    }
    ConnectionArgs::applyLogLevel(parser);

    Settings s;
    QString error;
    s.connection = ConnectionArgs::read(parser, &error);
    if (!error.isEmpty()) {
        JsonLines::error(error);
        return ExitUsage;
    }
    s.channels = parser.positionalArguments();
    if (s.channels.isEmpty()) {
        JsonLines::error(QStringLiteral("listen: at least one CHANNEL is required"));
        return ExitUsage;
    }
    bool ok = true;
    if (parser.isSet(QStringLiteral("count"))
        && ((s.count = parser.value(QStringLiteral("count")).toLongLong(&ok)) <= 0 || !ok)) {
        JsonLines::error(QStringLiteral("--count must be a positive number"));
        return ExitUsage;
    }
    if (parser.isSet(QStringLiteral("timeout"))
        && ((s.timeoutSec = parser.value(QStringLiteral("timeout")).toInt(&ok)) <= 0 || !ok)) {
        JsonLines::error(QStringLiteral("--timeout must be a positive number of seconds"));
        return ExitUsage;
    }
    s.quiet = parser.isSet(QStringLiteral("quiet"));
    s.stats = parser.isSet(QStringLiteral("stats"));
    s.signin = parser.isSet(QStringLiteral("signin"));
    for (const QString &e : parser.values(QStringLiteral("emit"))) {
        const qsizetype eq = e.indexOf(u'=');
        if (eq <= 0) {
            JsonLines::error(QStringLiteral("--emit takes EVENT=JSON (got '%1')").arg(e));
            return ExitUsage;
        }
        QJsonParseError pe;
        const QString data = e.mid(eq + 1);
        QJsonDocument::fromJson('[' + data.toUtf8() + ']', &pe);
        if (pe.error != QJsonParseError::NoError) {
            JsonLines::error(QStringLiteral("--emit %1: the data is not JSON").arg(e.left(eq)));
            return ExitUsage;
        }
        s.emits.append({e.left(eq), data});
    }

    // Both variables leave the environment whether they are used or not.
    const QString secretFromEnvironment = SecretEnvironment::take("NATTER_SECRET");
    const QString headersFromEnvironment = SecretEnvironment::take("NATTER_AUTH_HEADER");
    QString secret = parser.value(QStringLiteral("secret"));
    if (secret.isEmpty() && !parser.isSet(QStringLiteral("auth-endpoint")))
        secret = secretFromEnvironment;
    const bool needsAuth = s.signin
        || std::any_of(s.channels.begin(), s.channels.end(),
                       [](const QString &c) { return ChannelName::needsAuth(c); });
    if (parser.isSet(QStringLiteral("auth-endpoint")) && !secret.isEmpty()) {
        JsonLines::error(QStringLiteral("give either --auth-endpoint or --secret, not both"));
        return ExitUsage;
    }
    QNetworkAccessManager *network = nullptr; // only when needed: it loads the TLS stack
    std::unique_ptr<Authorizer> authorizer;
    if (parser.isSet(QStringLiteral("auth-endpoint"))) {
        network = new QNetworkAccessManager(qApp);
        HttpAuthorizerOptions o;
        o.channelEndpoint = QUrl(parser.value(QStringLiteral("auth-endpoint")));
        if (!o.channelEndpoint.isValid() || o.channelEndpoint.scheme().isEmpty()) {
            JsonLines::error(QStringLiteral("--auth-endpoint must be an absolute URL"));
            return ExitUsage;
        }
        o.userEndpoint = parser.isSet(QStringLiteral("user-auth-endpoint"))
            ? QUrl(parser.value(QStringLiteral("user-auth-endpoint")))
            : o.channelEndpoint.resolved(QUrl(QStringLiteral("/pusher/user-auth")));
        const auto addHeader = [&o](const QString &header) {
            const qsizetype colon = header.indexOf(u':');
            if (colon <= 0 || header.left(colon).trimmed().isEmpty())
                return false;
            o.headers.append(
                {header.left(colon).trimmed().toUtf8(), header.mid(colon + 1).trimmed().toUtf8()});
            return true;
        };
        // The environment first, so a --auth-header of the same name wins. Neither value is
        // ever printed: it is usually a bearer token.
        for (const QString &line : headersFromEnvironment.split(u'\n')) {
            if (!line.trimmed().isEmpty() && !addHeader(line.trimmed())) {
                JsonLines::error(QStringLiteral("NATTER_AUTH_HEADER takes 'Name: value' lines"));
                return ExitUsage;
            }
        }
        for (const QString &h : parser.values(QStringLiteral("auth-header"))) {
            if (!addHeader(h)) {
                JsonLines::error(QStringLiteral("--auth-header takes 'Name: value'"));
                return ExitUsage;
            }
        }
        o.caBundlePath = s.connection.caBundlePath;
        authorizer = std::make_unique<HttpAuthorizer>(network, o);
    } else if (!secret.isEmpty()) {
        QJsonObject info;
        if (parser.isSet(QStringLiteral("user-info"))) {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(
                parser.value(QStringLiteral("user-info")).toUtf8(), &pe);
            if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
                JsonLines::error(QStringLiteral("--user-info must be a JSON object"));
                return ExitUsage;
            }
            info = doc.object();
        }
        const QString userId = parser.value(QStringLiteral("user-id"));
        const bool wantsUser = s.signin
            || std::any_of(s.channels.begin(), s.channels.end(), [](const QString &c) {
                                   return ChannelName::type(c) == ChannelName::Type::Presence;
                               });
        if (wantsUser && userId.isEmpty()) {
            JsonLines::error(
                QStringLiteral("presence channels and --signin need --user-id with local signing"));
            return ExitUsage;
        }
        const QByteArray master = QByteArray::fromBase64(
            parser.value(QStringLiteral("encryption-master-key")).toLatin1());
        authorizer = std::make_unique<LocalSigner>(s.connection.key, secret.toUtf8(), userId, info,
                                                   master);
    } else if (needsAuth) {
        JsonLines::error(QStringLiteral(
            "private, presence and encrypted channels need --auth-endpoint or --secret"));
        return ExitUsage;
    }
    for (const QString &c : std::as_const(s.channels)) {
        const QString problem = ChannelName::validate(c);
        if (!problem.isEmpty()) {
            JsonLines::error(problem);
            return ExitUsage;
        }
    }

    auto *command = new ListenCommand(std::move(s), std::move(authorizer), network);
    command->start();
    const int code = QCoreApplication::exec();
    delete command;
    return code;
}

ListenCommand::ListenCommand(Settings settings, std::unique_ptr<Authorizer> authorizer,
                             QNetworkAccessManager *network)
    : m_settings(std::move(settings))
    , m_network(network)
    , m_authorizer(std::move(authorizer))
{
}

ListenCommand::~ListenCommand()
{
    delete m_client;
}

void ListenCommand::finish(int code)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_settings.stats)
        printStats();
    QCoreApplication::exit(code);
}

void ListenCommand::printStats()
{
    const ResourceUsage usage = ResourceUsage::now();
    const double seconds = m_sinceFirst.isValid() ? double(m_lastEventNs) / 1e9 : 0.0;
    JsonLines::write({{QStringLiteral("type"), QStringLiteral("stats")},
                      {QStringLiteral("events"), m_events},
                      {QStringLiteral("seconds"), seconds},
                      {QStringLiteral("events_per_s"),
                       seconds > 0 ? std::round(double(m_events) / seconds) : 0.0},
                      {QStringLiteral("cpu_seconds"), usage.cpuSeconds},
                      {QStringLiteral("max_rss_kb"), qint64(usage.maxRssKb)}});
}

void ListenCommand::start()
{
    m_client = new Client(m_settings.connection, m_authorizer.get());
    Connection *connection = m_client->connection();
    const bool quiet = m_settings.quiet;
    connect(connection, &Connection::stateChanged, this,
            [quiet](ConnectionState previous, ConnectionState current) {
                if (!quiet)
                    JsonLines::write({{QStringLiteral("type"), QStringLiteral("state")},
                                      {QStringLiteral("previous"), toString(previous)},
                                      {QStringLiteral("current"), toString(current)}});
            });
    connect(connection, &Connection::reconnectingIn, this, [quiet](int ms) {
        if (!quiet)
            JsonLines::write({{QStringLiteral("type"), QStringLiteral("reconnecting")},
                              {QStringLiteral("in_ms"), ms}});
    });
    connect(connection, &Connection::tlsError, this, [](const QString &reason) {
        JsonLines::write({{QStringLiteral("type"), QStringLiteral("error")},
                          {QStringLiteral("kind"), QStringLiteral("tls")},
                          {QStringLiteral("message"), reason}});
    });
    connect(
        connection, &Connection::connectionRefused, this, [this](int code, const QString &reason) {
            JsonLines::write({{QStringLiteral("type"), QStringLiteral("error")},
                              {QStringLiteral("kind"), QStringLiteral("connection_refused")},
                              {QStringLiteral("code"), code},
                              {QStringLiteral("message"), reason}});
            JsonLines::error(
                QStringLiteral("the server refused the connection (%1 %2)").arg(code).arg(reason));
            finish(ExitConnectionFailed);
        });
    connect(connection, &Connection::malformedFrame, this, [quiet](const QString &reason) {
        if (!quiet)
            JsonLines::write({{QStringLiteral("type"), QStringLiteral("error")},
                              {QStringLiteral("kind"), QStringLiteral("malformed_frame")},
                              {QStringLiteral("message"), reason}});
    });
    connect(m_client, &Client::serverError, this, [](int code, const QString &message) {
        JsonLines::write({{QStringLiteral("type"), QStringLiteral("error")},
                          {QStringLiteral("kind"), QStringLiteral("server")},
                          {QStringLiteral("code"), code},
                          {QStringLiteral("message"), message}});
    });
    UserSession *user = m_client->user();
    connect(user, &UserSession::signedIn, this, [](const QString &id, const QJsonObject &info) {
        JsonLines::write({{QStringLiteral("type"), QStringLiteral("signed_in")},
                          {QStringLiteral("id"), id},
                          {QStringLiteral("info"), info}});
    });
    connect(user, &UserSession::signinFailed, this, [this](const QString &reason, int status) {
        JsonLines::write({{QStringLiteral("type"), QStringLiteral("error")},
                          {QStringLiteral("kind"), QStringLiteral("signin")},
                          {QStringLiteral("status"), status},
                          {QStringLiteral("message"), reason}});
        JsonLines::error(QStringLiteral("sign-in failed: %1").arg(reason));
        finish(ExitAuthFailed);
    });
    connect(user, &UserSession::signinRetrying, this, [](int ms, const QString &reason) {
        JsonLines::write({{QStringLiteral("type"), QStringLiteral("error")},
                          {QStringLiteral("kind"), QStringLiteral("signin_unavailable")},
                          {QStringLiteral("retry_in_ms"), ms},
                          {QStringLiteral("message"), reason}});
    });
    connect(user, &UserSession::eventReceived, this, &ListenCommand::onEvent);
    connect(user, &UserSession::watchlistEvent, this,
            [](const QString &name, const QStringList &ids) {
                JsonLines::write({{QStringLiteral("type"), QStringLiteral("watchlist")},
                                  {QStringLiteral("name"), name},
                                  {QStringLiteral("user_ids"), QJsonArray::fromStringList(ids)}});
            });
    // One global binding: the per-event path of the benchmark.
    m_client->bindGlobal(this, [this](const Event &e) { onEvent(e); });

    for (const QString &name : std::as_const(m_settings.channels))
        watch(m_client->subscribe(name));
    if (m_settings.signin)
        user->signin();
    if (m_settings.timeoutSec > 0)
        QTimer::singleShot(m_settings.timeoutSec * 1000, this, [this] {
            JsonLines::error(QStringLiteral("timed out after %1 s (%2 events)")
                                 .arg(m_settings.timeoutSec)
                                 .arg(m_events));
            finish(ExitTimeout);
        });
    m_client->connect();
}

void ListenCommand::watch(Channel *channel)
{
    const bool quiet = m_settings.quiet;
    connect(channel, &Channel::subscribed, this, [this, channel, quiet] {
        QJsonObject line{{QStringLiteral("type"), QStringLiteral("subscribed")},
                         {QStringLiteral("channel"), channel->name()}};
        if (auto *presence = qobject_cast<PresenceChannel *>(channel)) {
            QJsonArray members;
            presence->members()->each([&members](const Member &m) {
                members.append(QJsonObject{{QStringLiteral("id"), m.id},
                                           {QStringLiteral("info"), memberInfo(m)}});
            });
            line.insert(QStringLiteral("members"), members);
            line.insert(QStringLiteral("me"), presence->members()->myId());
        }
        if (!quiet)
            JsonLines::write(line);
        for (const auto &[event, data] : std::as_const(m_settings.emits)) {
            if (auto error = channel->trigger(event, data)) {
                JsonLines::write({{QStringLiteral("type"), QStringLiteral("error")},
                                  {QStringLiteral("kind"), QStringLiteral("client_event")},
                                  {QStringLiteral("channel"), channel->name()},
                                  {QStringLiteral("message"), error->message}});
                JsonLines::error(error->message);
                finish(ExitUsage);
            }
        }
    });
    connect(channel, &Channel::subscriptionFailed, this, [this, channel](const ChannelError &error) {
        JsonLines::write({{QStringLiteral("type"), QStringLiteral("error")},
                          {QStringLiteral("kind"), errorKind(error.kind)},
                          {QStringLiteral("channel"), channel->name()},
                          {QStringLiteral("status"), error.status},
                          {QStringLiteral("message"), error.message}});
        JsonLines::error(QStringLiteral("%1: %2").arg(channel->name(), error.message));
        finish(ExitAuthFailed);
    });
    connect(channel, &Channel::authRetrying, this, [channel](int ms, const QString &reason) {
        JsonLines::write({{QStringLiteral("type"), QStringLiteral("error")},
                          {QStringLiteral("kind"), QStringLiteral("auth_unavailable")},
                          {QStringLiteral("channel"), channel->name()},
                          {QStringLiteral("retry_in_ms"), ms},
                          {QStringLiteral("message"), reason}});
    });
    connect(channel, &Channel::clientEventRejected, this, [channel](const ClientEventError &error) {
        JsonLines::write({{QStringLiteral("type"), QStringLiteral("error")},
                          {QStringLiteral("kind"), QStringLiteral("client_event_rejected")},
                          {QStringLiteral("channel"), channel->name()},
                          {QStringLiteral("message"), error.message}});
    });
    connect(channel, &Channel::subscriptionCountChanged, this, [channel, quiet](int count) {
        if (!quiet)
            JsonLines::write({{QStringLiteral("type"), QStringLiteral("subscription_count")},
                              {QStringLiteral("channel"), channel->name()},
                              {QStringLiteral("count"), count}});
    });
    connect(channel, &Channel::cacheMiss, this, [channel, quiet] {
        if (!quiet)
            JsonLines::write({{QStringLiteral("type"), QStringLiteral("cache_miss")},
                              {QStringLiteral("channel"), channel->name()}});
    });
    if (auto *presence = qobject_cast<PresenceChannel *>(channel)) {
        connect(presence, &PresenceChannel::memberAdded, this, [channel, quiet](const Member &m) {
            if (!quiet)
                JsonLines::write({{QStringLiteral("type"), QStringLiteral("member_added")},
                                  {QStringLiteral("channel"), channel->name()},
                                  {QStringLiteral("id"), m.id},
                                  {QStringLiteral("info"), memberInfo(m)}});
        });
        connect(presence, &PresenceChannel::memberRemoved, this, [channel, quiet](const Member &m) {
            if (!quiet)
                JsonLines::write({{QStringLiteral("type"), QStringLiteral("member_removed")},
                                  {QStringLiteral("channel"), channel->name()},
                                  {QStringLiteral("id"), m.id},
                                  {QStringLiteral("info"), memberInfo(m)}});
        });
    }
    if (auto *encrypted = qobject_cast<EncryptedChannel *>(channel)) {
        connect(encrypted, &EncryptedChannel::decryptionFailed, this,
                [channel](const QString &event, const QString &reason) {
                    JsonLines::write({{QStringLiteral("type"), QStringLiteral("error")},
                                      {QStringLiteral("kind"), QStringLiteral("decryption_failed")},
                                      {QStringLiteral("channel"), channel->name()},
                                      {QStringLiteral("event"), event},
                                      {QStringLiteral("message"), reason}});
                });
    }
}

void ListenCommand::onEvent(const Event &event)
{
    if (m_finished)
        return;
    if (!m_sinceFirst.isValid())
        m_sinceFirst.start();
    ++m_events;
    m_lastEventNs = m_sinceFirst.nsecsElapsed();
    if (!m_settings.quiet) {
        QJsonObject line{{QStringLiteral("type"), QStringLiteral("event")},
                         {QStringLiteral("channel"), event.channel},
                         {QStringLiteral("event"), event.event},
                         {QStringLiteral("data"), event.dataJson()}};
        if (!event.userId.isEmpty())
            line.insert(QStringLiteral("user_id"), event.userId);
        JsonLines::write(line);
    }
    if (m_settings.count > 0 && m_events >= m_settings.count)
        finish(ExitOk);
}
