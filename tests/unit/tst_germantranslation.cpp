// The German translation as the window loads it (issue 12, "every user-visible string goes
// through tr()"): every message of natter_de.ts has a German text in the compiled .qm, with the
// source's placeholders and accelerator, and strings that were once left untranslated (the join
// password, natter-server errors, the command line) reach the widgets in German.
#include "ChatPage.h"
#include "CommandLine.h"
#include "LoginPage.h"
#include "MemberPanel.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using natter::ui::ChatPage;
using natter::ui::CommandLine;
using natter::ui::LoginPage;
using natter::ui::MemberPanel;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
};

// The messages lupdate found in the sources (vanished and obsolete ones are history, not UI).
QList<TsMessage> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<TsMessage> out;
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    bool current = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("context")) {
            context.clear();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage{context,
                                {},
                                {},
                                xml.attributes().value(QLatin1String("numerus"))
                                    == QLatin1String("yes")};
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            message.comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            current = type != QLatin1String("vanished") && type != QLatin1String("obsolete");
            if (current)
                out.append(message);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(n|L?[1-9])"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured(0);
    out.sort();
    return out;
}

bool hasAccelerator(const QString &text)
{
    QString t = text;
    t.remove(QStringLiteral("&&"));
    return t.contains(u'&');
}

} // namespace

class TestGermanTranslation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString qm = QStringLiteral(NATTER_QM_DIR);
        QVERIFY2(m_german.load(S("natter_de"), qm), qPrintable(S("no natter_de.qm in ") + qm));
    }

    void everyMessageHasAGermanText()
    {
        QString error;
        const QList<TsMessage> messages = readTs(
            QStringLiteral(NATTER_SOURCE_DIR "/resources/translations/natter_de.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 300);
        QStringList missing;
        QStringList broken;
        for (const TsMessage &m : messages) {
            const QByteArray context = m.context.toUtf8();
            const QByteArray source = m.source.toUtf8();
            const QByteArray comment = m.comment.toUtf8();
            // Both plural forms: German has one for 1 and one for the rest.
            for (int n : m.numerus ? QList<int>{1, 2} : QList<int>{-1}) {
                const QString german = m_german.translate(
                    context.constData(), source.constData(),
                    comment.isEmpty() ? nullptr : comment.constData(), n);
                if (german.isEmpty()) {
                    missing << m.context + S(": ") + m.source;
                    continue;
                }
                if (placeholders(german) != placeholders(m.source)
                    || hasAccelerator(german) != hasAccelerator(m.source))
                    broken << m.source + S(" → ") + german;
            }
        }
        QVERIFY2(
            missing.isEmpty(),
            qPrintable(S("%1 without German text:\n").arg(missing.size()) + missing.join(u'\n')));
        QVERIFY2(broken.isEmpty(),
                 qPrintable(S("placeholders or accelerator differ:\n") + broken.join(u'\n')));
    }

    void loginPageJoinPasswordInGerman()
    {
        QCoreApplication::installTranslator(&m_german);
        LoginPage page;
        QCoreApplication::removeTranslator(&m_german);
        QCOMPARE(page.joinPasswordField()->accessibleName(), S("Beitrittspasswort"));
        QCOMPARE(page.joinPasswordField()->placeholderText(), S("dieser Server verlangt eines"));
        QCOMPARE(page.joinPasswordError()->accessibleName(), S("Problem mit dem Beitrittspasswort"));
        QStringList labels;
        for (auto *label : page.findChildren<QLabel *>())
            labels << label->text();
        QVERIFY2(labels.contains(S("&Beitrittspasswort:")), qPrintable(labels.join(u'|')));
    }

    void commandLineInGerman()
    {
        QCoreApplication::installTranslator(&m_german);
        const auto error = CommandLine::parse(
            {S("natter"), S("--password-env"), S("NATTER_PW"), S("--user"), S("alice")},
            QProcessEnvironment());
        const auto help = CommandLine::parse({S("natter"), S("--help")}, QProcessEnvironment());
        QCoreApplication::removeTranslator(&m_german);
        QCOMPARE(error.action, CommandLine::Action::Error);
        QCOMPARE(error.text, S("--password-env braucht --server."));
        QCOMPARE(help.action, CommandLine::Action::Help);
        QVERIFY2(help.text.contains(S("--password-env <VARIABLE>")), qPrintable(help.text));
        QVERIFY2(help.text.contains(S("Umgebungsvariablen VARIABLE")), qPrintable(help.text));
        QVERIFY2(help.text.contains(S("--log-level <STUFE>")), qPrintable(help.text));
        QVERIFY2(help.text.contains(S("Im Infobereich starten")), qPrintable(help.text));
    }

    // "Wer ist online (3)" is wider than the narrowest Who's Online the chat page allows: the
    // header was cut to "Wer ist online (" in the 1280x800 German screenshot.
    void whosOnlineHeaderFitsTheNarrowestPanel()
    {
        ChatPage page;
        const auto *inPage = page.findChild<MemberPanel *>();
        QVERIFY(inPage);
        const int narrowest = inPage->minimumWidth();
        QVERIFY(narrowest > 0);
        QCoreApplication::installTranslator(&m_german);
        MemberPanel panel;
        QCoreApplication::removeTranslator(&m_german);
        // As in the page: its own minimum overrides the layout's, so the splitter can squeeze it.
        panel.setMinimumWidth(narrowest);
        panel.resize(narrowest, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QLabel *header = panel.header();
        QVERIFY2(header->text().startsWith(S("Wer ist online")), qPrintable(header->text()));
        if (header->wordWrap()) {
            QVERIFY2(header->height() >= header->heightForWidth(header->width()),
                     qPrintable(S("%1 px high, needs %2")
                                    .arg(header->height())
                                    .arg(header->heightForWidth(header->width()))));
        } else {
            QVERIFY2(header->width() >= header->sizeHint().width(),
                     qPrintable(S("“%1” is %2 px wide, needs %3")
                                    .arg(header->text())
                                    .arg(header->width())
                                    .arg(header->sizeHint().width())));
        }
    }

private:
    QTranslator m_german;
};

QTEST_MAIN(TestGermanTranslation)
#include "tst_germantranslation.moc"
