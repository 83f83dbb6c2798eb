// natter-server's history search (GET /rooms/R/messages/search, API.md): SQLite FTS5 and
// PostgreSQL full-text, run on both like every server suite.
#include "ServerApiClient.h"
#include "ServerRig.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

namespace {

const QString kLobby = QStringLiteral("/rooms/lobby/messages");

QString searchPath(const QString &q, const QString &room = QStringLiteral("lobby"),
                   const QString &extra = {})
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"),
                       QString::fromLatin1(QUrl::toPercentEncoding(q))); // '+', '&', '#' too
    return QStringLiteral("/rooms/%1/messages/search?%2%3")
        .arg(room, query.toString(QUrl::FullyEncoded), extra);
}

QStringList texts(const ServerApiClient::Result &r)
{
    QStringList list;
    for (const QJsonValue &m : r.json.value(QStringLiteral("messages")).toArray())
        list << m.toObject().value(QStringLiteral("text")).toString();
    return list;
}

QList<qint64> ids(const ServerApiClient::Result &r)
{
    QList<qint64> list;
    for (const QJsonValue &m : r.json.value(QStringLiteral("messages")).toArray())
        list << m.toObject().value(QStringLiteral("id")).toInteger();
    return list;
}

} // namespace

class TestServerSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void authAndValidation();
    void matchesWordsCaseInsensitively();
    void newestFirstAndPaging();
    void specialCharactersDoNotError();
    void otherRoomsAreNotSearched();
    void snippetIsAroundTheMatch();
    void editsAndDeletesAreFollowed();

private:
    struct Server
    {
        std::unique_ptr<NatterServerProcess> process;
        QString databaseUrl;
        QString token;
    };
    // A server on a database of its own (its URL kept to edit rows behind its back), with a
    // logged-in user and no practical rate limit.
    Server start(const QString &user = QStringLiteral("alice"))
    {
        Server s;
        s.databaseUrl = m_rig.freshDatabaseUrl();
        if (s.databaseUrl.isEmpty())
            return s;
        s.process = m_rig.startServer({QStringLiteral("--database"), s.databaseUrl,
                                       QStringLiteral("--rate-limit"), QStringLiteral("1000/1")});
        if (!s.process) {
            qWarning().noquote() << m_rig.error();
            return s;
        }
        ServerApiClient api(s.process->url());
        s.token = api.login(user);
        return s;
    }
    // Posts the texts in order; their ids.
    QList<qint64> post(const Server &s, const QStringList &textList, const QString &path = kLobby)
    {
        ServerApiClient api(s.process->url());
        QList<qint64> list;
        for (const QString &text : textList) {
            const auto r = api.postJson(
                path,
                {{QStringLiteral("text"), text},
                 {QStringLiteral("client_id"), QStringLiteral("c%1").arg(++m_clientIds)}},
                s.token);
            if (r.status != 201)
                qWarning().noquote() << r.describe();
            list << r.json.value(QStringLiteral("id")).toInteger();
        }
        return list;
    }
    ServerRig m_rig;
    int m_clientIds = 0;
};

void TestServerSearch::initTestCase()
{
    QVERIFY2(m_rig.init(), qPrintable(m_rig.error()));
    qInfo() << "database:" << m_rig.backend();
}

void TestServerSearch::authAndValidation()
{
    Server s = start();
    QVERIFY(s.process);
    QVERIFY(!s.token.isEmpty());
    ServerApiClient api(s.process->url());
    post(s, {QStringLiteral("hello world")});

    const auto anonymous = api.get(searchPath(QStringLiteral("hello")));
    QCOMPARE(anonymous.status, 401);
    QCOMPARE(anonymous.code(), QStringLiteral("unauthorized"));
    QCOMPARE(api.get(searchPath(QStringLiteral("hello")), QStringLiteral("not-a-token")).status,
             401);
    QCOMPARE(api.get(searchPath(QStringLiteral("hello")), s.token).status, 200);

    struct Case
    {
        QString path;
        int status;
    };
    const QList<Case> cases{
        {QStringLiteral("/rooms/lobby/messages/search"), 400}, // no q
        {searchPath(QStringLiteral("   ")), 400},
        {searchPath(QString(201, QLatin1Char('a'))), 400},
        {searchPath(QStringLiteral("hello"), QStringLiteral("lobby"), QStringLiteral("&limit=0")),
         400},
        {searchPath(QStringLiteral("hello"), QStringLiteral("lobby"), QStringLiteral("&limit=101")),
         400},
        {searchPath(QStringLiteral("hello"), QStringLiteral("lobby"), QStringLiteral("&limit=x")),
         400},
        {searchPath(QStringLiteral("hello"), QStringLiteral("lobby"), QStringLiteral("&before=-1")),
         400},
        {searchPath(QStringLiteral("hello"), QStringLiteral("bad%20room")), 400},
    };
    for (const Case &c : cases) {
        const auto r = api.get(c.path, s.token);
        QVERIFY2(r.status == c.status, qPrintable(c.path + QStringLiteral(" -> ") + r.describe()));
        QCOMPARE(r.code(), QStringLiteral("bad_request"));
    }
    QCOMPARE(api.post(searchPath(QStringLiteral("hello")), "{}", "application/json", s.token).status,
             405);

    // A server with --rooms has no other room to search.
    auto limited = m_rig.startServer({QStringLiteral("--rooms"), QStringLiteral("lobby")});
    QVERIFY(limited);
    ServerApiClient limitedApi(limited->url());
    const QString token = limitedApi.login(QStringLiteral("bob"));
    const auto missing = limitedApi.get(
        searchPath(QStringLiteral("hello"), QStringLiteral("elsewhere")), token);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.code(), QStringLiteral("not_found"));
}

void TestServerSearch::matchesWordsCaseInsensitively()
{
    Server s = start();
    QVERIFY(s.process);
    ServerApiClient api(s.process->url());
    const QList<qint64> id = post(
        s,
        {QStringLiteral("Deploy the new build tonight"), QStringLiteral("lunch at noon?"),
         QStringLiteral("The BUILD failed again"), QStringLiteral("rebuilding the cache")});
    QCOMPARE(id.size(), 4);

    const auto build = api.get(searchPath(QStringLiteral("build")), s.token);
    QCOMPARE(build.status, 200);
    QCOMPARE(ids(build), (QList<qint64>{id[2], id[0]})); // words, not the inside of "rebuilding"
    QCOMPARE(build.json.value(QStringLiteral("has_more")).toBool(), false);
    const QJsonObject hit = build.json.value(QStringLiteral("messages")).toArray().at(0).toObject();
    QCOMPARE(hit.value(QStringLiteral("text")).toString(), QStringLiteral("The BUILD failed again"));
    QCOMPARE(hit.value(QStringLiteral("room")).toString(), QStringLiteral("lobby"));
    QCOMPARE(hit.value(QStringLiteral("user")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("alice"));
    QVERIFY(hit.value(QStringLiteral("sent_at")).toString().endsWith(QLatin1Char('Z')));
    QCOMPARE(hit.value(QStringLiteral("snippet")).toString(),
             QStringLiteral("The BUILD failed again"));

    QCOMPARE(ids(api.get(searchPath(QStringLiteral("BUILD")), s.token)), ids(build));
    // A word prefix matches (search as you type); every word is required.
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("bui")), s.token)), ids(build));
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("build failed")), s.token)),
             (QList<qint64>{id[2]}));
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("rebuild")), s.token)), (QList<qint64>{id[3]}));
    const auto none = api.get(searchPath(QStringLiteral("pizza")), s.token);
    QCOMPARE(none.status, 200);
    QVERIFY(none.json.value(QStringLiteral("messages")).isArray());
    QCOMPARE(ids(none), QList<qint64>());
    QCOMPARE(none.json.value(QStringLiteral("has_more")).toBool(), false);
}

void TestServerSearch::newestFirstAndPaging()
{
    Server s = start();
    QVERIFY(s.process);
    ServerApiClient api(s.process->url());
    QStringList list;
    for (int i = 0; i < 5; ++i)
        list << QStringLiteral("status report %1").arg(i);
    list << QStringLiteral("unrelated");
    const QList<qint64> id = post(s, list);

    const auto all = api.get(searchPath(QStringLiteral("report")), s.token);
    QCOMPARE(ids(all), (QList<qint64>{id[4], id[3], id[2], id[1], id[0]}));
    const auto first = api.get(
        searchPath(QStringLiteral("report"), QStringLiteral("lobby"), QStringLiteral("&limit=2")),
        s.token);
    QCOMPARE(ids(first), (QList<qint64>{id[4], id[3]}));
    QCOMPARE(first.json.value(QStringLiteral("has_more")).toBool(), true);
    const auto second = api.get(searchPath(QStringLiteral("report"), QStringLiteral("lobby"),
                                           QStringLiteral("&limit=2&before=%1").arg(id[3])),
                                s.token);
    QCOMPARE(ids(second), (QList<qint64>{id[2], id[1]}));
    QCOMPARE(second.json.value(QStringLiteral("has_more")).toBool(), true);
    const auto last = api.get(searchPath(QStringLiteral("report"), QStringLiteral("lobby"),
                                         QStringLiteral("&limit=2&before=%1").arg(id[1])),
                              s.token);
    QCOMPARE(ids(last), (QList<qint64>{id[0]}));
    QCOMPARE(last.json.value(QStringLiteral("has_more")).toBool(), false);
}

void TestServerSearch::specialCharactersDoNotError()
{
    Server s = start();
    QVERIFY(s.process);
    ServerApiClient api(s.process->url());
    const QList<qint64> id = post(s,
                                  {QStringLiteral("it's \"quoted\" & <b>bold</b>"),
                                   QStringLiteral("mail alice@example.com re: 50% off"),
                                   QStringLiteral("Grüße aus Köln ☺")});
    const QStringList queries{
        QStringLiteral("\""),
        QStringLiteral("'"),
        QStringLiteral("\"unterminated"),
        QStringLiteral("it's"),
        QStringLiteral("AND OR NOT"),
        QStringLiteral("NEAR("),
        QStringLiteral("*"),
        QStringLiteral("-quoted"),
        QStringLiteral("quoted:*"),
        QStringLiteral("a & b | !c <-> d"),
        QStringLiteral("'); DROP TABLE messages; --"),
        QStringLiteral("%"),
        QStringLiteral("\\"),
        QStringLiteral("☺"),
        QStringLiteral("^col:quoted"),
        QStringLiteral("{text}: x"),
    };
    for (const QString &q : queries) {
        const auto r = api.get(searchPath(q), s.token);
        QVERIFY2(r.status == 200, qPrintable(q + QStringLiteral(" -> ") + r.describe()));
        QVERIFY2(r.json.value(QStringLiteral("messages")).isArray(), qPrintable(q));
    }
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("\"quoted\"")), s.token)),
             (QList<qint64>{id[0]}));
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("<b>")), s.token)), (QList<qint64>{id[0]}));
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("alice@example.com")), s.token)),
             (QList<qint64>{id[1]}));
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("example")), s.token)), (QList<qint64>{id[1]}));
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("grüße")), s.token)), (QList<qint64>{id[2]}));
    // Still all there.
    QCOMPARE(api.get(kLobby, s.token).json.value(QStringLiteral("messages")).toArray().size(), 3);
}

void TestServerSearch::otherRoomsAreNotSearched()
{
    Server s = start();
    QVERIFY(s.process);
    ServerApiClient api(s.process->url());
    const QList<qint64> dev = post(s, {QStringLiteral("secret plan for dev")},
                                   QStringLiteral("/rooms/dev/messages"));
    const QList<qint64> lobby = post(s, {QStringLiteral("public plan")});
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("secret")), s.token)), QList<qint64>());
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("plan")), s.token)), lobby);
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("plan"), QStringLiteral("dev")), s.token)), dev);
}

void TestServerSearch::snippetIsAroundTheMatch()
{
    Server s = start();
    QVERIFY(s.process);
    ServerApiClient api(s.process->url());
    QString text;
    for (int i = 0; i < 60; ++i)
        text += QStringLiteral("filler%1 ").arg(i);
    text += QStringLiteral("needle\nin the haystack ");
    for (int i = 60; i < 120; ++i)
        text += QStringLiteral("filler%1 ").arg(i);
    post(s, {text});
    const auto r = api.get(searchPath(QStringLiteral("needle")), s.token);
    QCOMPARE(ids(r).size(), 1);
    const QJsonObject hit = r.json.value(QStringLiteral("messages")).toArray().at(0).toObject();
    QCOMPARE(hit.value(QStringLiteral("text")).toString(), text);
    const QString snippet = hit.value(QStringLiteral("snippet")).toString();
    QVERIFY2(snippet.contains(QStringLiteral("needle in the haystack")), qPrintable(snippet));
    QVERIFY2(snippet.startsWith(QStringLiteral("… filler")), qPrintable(snippet));
    QVERIFY2(snippet.endsWith(QStringLiteral(" …")), qPrintable(snippet));
    QVERIFY2(snippet.size() <= 170, qPrintable(snippet));
}

void TestServerSearch::editsAndDeletesAreFollowed()
{
    Server s = start();
    QVERIFY(s.process);
    ServerApiClient api(s.process->url());
    const QList<qint64> id = post(
        s, {QStringLiteral("original wording here"), QStringLiteral("another original line")});
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("original")), s.token)),
             (QList<qint64>{id[1], id[0]}));

    // What an edit (UPDATE of text) and a delete (text blanked, or the row removed) do to the
    // table, done here behind the server's back.
    const QUrl url(s.databaseUrl);
    QSqlDatabase db;
    if (m_rig.usesPostgres()) {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("edit"));
        db.setHostName(url.host());
        db.setPort(url.port());
        db.setUserName(url.userName());
        db.setDatabaseName(url.path().mid(1));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
        db.setDatabaseName(s.databaseUrl.mid(int(qstrlen("sqlite://"))));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    QVERIFY2(db.open(), qPrintable(db.lastError().text()));
    auto exec = [&db](const QString &sql, const QVariantList &values) {
        QSqlQuery q(db);
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        const bool ok = q.exec();
        if (!ok)
            qWarning() << q.lastError().text();
        return ok;
    };
    QVERIFY(exec(QStringLiteral("UPDATE messages SET text = ? WHERE id = ?"),
                 {QStringLiteral("edited phrasing here"), id[0]}));
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("original")), s.token)), (QList<qint64>{id[1]}));
    const auto edited = api.get(searchPath(QStringLiteral("phrasing")), s.token);
    QCOMPARE(ids(edited), (QList<qint64>{id[0]}));
    QCOMPARE(texts(edited), QStringList{QStringLiteral("edited phrasing here")});

    QVERIFY(exec(QStringLiteral("UPDATE messages SET text = '' WHERE id = ?"), {id[0]}));
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("phrasing")), s.token)), QList<qint64>());
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("here")), s.token)), QList<qint64>());

    QVERIFY(exec(QStringLiteral("DELETE FROM messages WHERE id = ?"), {id[1]}));
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("original")), s.token)), QList<qint64>());
    // The index still takes new messages after all that.
    const QList<qint64> later = post(s, {QStringLiteral("original again")});
    QCOMPARE(ids(api.get(searchPath(QStringLiteral("original")), s.token)), later);
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("edit"));
}

QTEST_GUILESS_MAIN(TestServerSearch)
#include "tst_search.moc"
