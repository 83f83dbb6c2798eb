// Every dialog of the window in English and in German (issue 12, defect 4): nothing clipped and
// no horizontal scroll bar at the size the dialog opens with. German is the longer language;
// the fixed 760x560 Settings cut its labels and buttons off. Screenshots of each go to
// $NATTER_ARTIFACT_DIR when it is set.
#include "AboutDialog.h"
#include "KeyboardShortcutsDialog.h"
#include "ProfileEditor.h"
#include "ProfileSecrets.h"
#include "SettingsDialog.h"

#include <chat/ProfileStore.h>
#include <desktop/MemoryCredentialStore.h>

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <functional>
#include <memory>

using natter::chat::ProfileStore;
using natter::chat::ServerProfile;
using namespace natter::ui;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// The nearest scroll area viewport a widget is shown through, if any.
QWidget *viewportOf(QWidget *w, QWidget *top)
{
    for (QWidget *p = w->parentWidget(); p && p != top; p = p->parentWidget()) {
        if (auto *area = qobject_cast<QAbstractScrollArea *>(p->parentWidget());
            area && area->viewport() == p)
            return p;
    }
    return nullptr;
}

// Why `dialog` looks broken, or empty.
QStringList problems(QWidget *dialog)
{
    QStringList out;
    for (auto *area : dialog->findChildren<QAbstractScrollArea *>()) {
        if (area->isVisible() && area->horizontalScrollBar()->isVisible())
            out << S("horizontal scroll bar in %1").arg(area->objectName());
    }
    for (QWidget *w : dialog->findChildren<QWidget *>()) {
        if (!w->isVisible() || w->isWindow())
            continue;
        QString text;
        int needed = 0;
        if (auto *label = qobject_cast<QLabel *>(w)) {
            text = label->text();
            if (text.isEmpty())
                continue;
            if (label->wordWrap()) {
                const int h = label->heightForWidth(label->width());
                if (label->height() + 1 < h)
                    out << S("label “%1” is %2 px high, needs %3")
                               .arg(text)
                               .arg(label->height())
                               .arg(h);
                continue;
            }
            needed = label->sizeHint().width();
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            text = button->text();
            if (text.isEmpty() || !button->parentWidget()
                || qobject_cast<QAbstractScrollArea *>(button->parentWidget()->parentWidget()))
                continue; // the scroll bars' own buttons
            needed = button->sizeHint().width();
        } else {
            continue;
        }
        if (w->width() < needed)
            out << S("“%1” is %2 px wide, needs %3").arg(text).arg(w->width()).arg(needed);
        // Inside what is shown: the dialog, or the scroll area's viewport it sits in.
        QWidget *frame = viewportOf(w, dialog);
        QWidget *within = frame ? frame : dialog;
        const QRect r(w->mapTo(within, QPoint(0, 0)), w->size());
        if (r.left() < 0 || r.right() > within->width())
            out << S("“%1” is cut off at the side (%2..%3 of %4)")
                       .arg(text)
                       .arg(r.left())
                       .arg(r.right())
                       .arg(within->width());
    }
    return out;
}

using Factory = std::function<QWidget *(QWidget *host)>;

} // namespace

Q_DECLARE_METATYPE(Factory)

class TestDialogs : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const QString qm = QStringLiteral(NATTER_QM_DIR);
        QVERIFY2(m_german.load(S("natter_de"), qm), qPrintable(S("no natter_de.qm in ") + qm));
        m_settings = std::make_unique<QSettings>(m_dir.filePath(S("natter.conf")),
                                                 QSettings::IniFormat);
        m_profiles = std::make_unique<ProfileStore>(m_settings.get());
        m_secrets = std::make_unique<ProfileSecrets>(&m_store, m_settings.get());
        ServerProfile local;
        local.name = S("local development server");
        local.kind = ServerProfile::Kind::SelfHosted;
        local.key = S("app-key");
        local.host = S("127.0.0.1");
        local.port = 6001;
        local.authMode = ServerProfile::AuthMode::LocalSigning;
        local.allowPlainTextSecret = true;
        m_profiles->save(local);
        ServerProfile hosted;
        hosted.name = S("hosted");
        hosted.kind = ServerProfile::Kind::Hosted;
        hosted.key = S("abc");
        hosted.cluster = S("eu");
        hosted.authMode = ServerProfile::AuthMode::Endpoint;
        hosted.authEndpoint = S("http://chat.example.com/pusher/auth"); // the clear-text warning
        m_profiles->save(hosted);
    }

    void noClippingAndNoHorizontalScrollBar_data()
    {
        QTest::addColumn<bool>("german");
        QTest::addColumn<Factory>("make");
        const Factory settingsLocal = [this](QWidget *) -> QWidget * {
            auto *d = new SettingsDialog(m_profiles.get(), m_secrets.get());
            d->selectProfile(S("local development server"));
            return d;
        };
        const Factory settingsHosted = [this](QWidget *) -> QWidget * {
            auto *d = new SettingsDialog(m_profiles.get(), m_secrets.get());
            d->selectProfile(S("hosted"));
            return d;
        };
        const Factory settingsNew = [this](QWidget *) -> QWidget * {
            auto *d = new SettingsDialog(m_profiles.get(), m_secrets.get());
            d->startNewProfile();
            return d;
        };
        const Factory shortcuts = [](QWidget *host) -> QWidget * {
            auto *a = new QAction(
                QCoreApplication::translate("natter::ui::MainWindow", "&Jump to Room…"), host);
            a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
            return new KeyboardShortcutsDialog({a}, nullptr);
        };
        const Factory about = [](QWidget *) -> QWidget * { return new AboutDialog; };
        // A profile made from --host/--port/--key: "127.0.0.1:PORT (von der Befehlszeile)" made
        // the profile list scroll sideways in German; a name longer than the list may grow.
        const auto settingsCommandLine = [this](const QString &name) -> Factory {
            return [this, name](QWidget *) -> QWidget * {
                auto *d = new SettingsDialog(m_profiles.get(), m_secrets.get());
                ServerProfile p;
                p.name = name;
                p.kind = ServerProfile::Kind::SelfHosted;
                p.key = S("app-key");
                p.host = S("127.0.0.1");
                p.port = 56986;
                d->setCommandLineProfile(p);
                return d;
            };
        };
        for (bool german : {false, true}) {
            const char *lang = german ? "de" : "en";
            QTest::addRow("%s settings, local signing", lang) << german << settingsLocal;
            QTest::addRow("%s settings, hosted", lang) << german << settingsHosted;
            QTest::addRow("%s settings, new profile", lang) << german << settingsNew;
            QTest::addRow("%s keyboard shortcuts", lang) << german << shortcuts;
            QTest::addRow("%s about", lang) << german << about;
            QTest::addRow("%s settings, command-line profile", lang)
                << german << settingsCommandLine(S("127.0.0.1:56986"));
            QTest::addRow("%s settings, long command-line profile name", lang)
                << german
                << settingsCommandLine(
                       S("staging-server-in-frankfurt-for-the-whole-team.example.com:6001"));
        }
    }
    void noClippingAndNoHorizontalScrollBar()
    {
        QFETCH(bool, german);
        QFETCH(Factory, make);
        if (german)
            QCoreApplication::installTranslator(&m_german);
        QWidget host;
        std::unique_ptr<QWidget> dialog(make(&host));
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        QApplication::processEvents();
        const QStringList found = problems(dialog.get());
        const QByteArray dir = qgetenv("NATTER_ARTIFACT_DIR");
        if (!dir.isEmpty()) {
            QDir().mkpath(QString::fromLocal8Bit(dir));
            QString name = QString::fromLatin1(QTest::currentDataTag());
            name.replace(QRegularExpression(S("[^a-z0-9]+")), S("-"));
            dialog->grab().save(QString::fromLocal8Bit(dir) + S("/dialog-%1.png").arg(name));
        }
        QCoreApplication::removeTranslator(&m_german);
        QVERIFY2(found.isEmpty(), qPrintable(found.join(S("; "))));
    }

    // Elided in the list, whole in the tool tip; still the same profile.
    void longProfileNameElidedWithItsToolTip()
    {
        ServerProfile p;
        p.name = S("staging-server-in-frankfurt-for-the-whole-team.example.com:6001");
        p.kind = ServerProfile::Kind::SelfHosted;
        p.key = S("app-key");
        p.host = S("127.0.0.1");
        p.port = 6001;
        SettingsDialog dialog(m_profiles.get(), m_secrets.get());
        dialog.setCommandLineProfile(p);
        const QListWidgetItem *item = dialog.profileList()->item(0);
        QVERIFY2(item->text().contains(QChar(0x2026)), qPrintable(item->text()));
        QVERIFY2(item->toolTip().contains(p.name), qPrintable(item->toolTip()));
        QCOMPARE(SettingsDialog::profileNameOf(item), p.name);
    }

    // "Close" comes from Qt's own translations, which are not always installed: ours.
    void closeIsTranslated()
    {
        QCoreApplication::installTranslator(&m_german);
        SettingsDialog dialog(m_profiles.get(), m_secrets.get());
        QCoreApplication::removeTranslator(&m_german);
        QStringList texts;
        for (auto *b : dialog.findChildren<QAbstractButton *>())
            texts << b->text();
        QVERIFY2(!texts.contains(S("Close")) && !texts.contains(S("&Close")),
                 qPrintable(texts.join(u'|')));
        QVERIFY(texts.contains(S("Schließen")) || texts.contains(S("&Schließen")));
    }

private:
    QTemporaryDir m_dir;
    QTranslator m_german;
    natter::desktop::MemoryCredentialStore m_store;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<ProfileSecrets> m_secrets;
};

QTEST_MAIN(TestDialogs)
#include "tst_dialogs.moc"
