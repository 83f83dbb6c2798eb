// Natter, the desktop window. See CommandLine.h for the options and AppContext for the wiring.

#include "AppContext.h"
#include "BenchProbe.h"
#include "CommandLine.h"
#include "LogUi.h"
#include "QuitOnSignal.h"
#include "SymbolicIcon.h"

#include <pusher/SecretEnvironment.h>

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

#include <cstdio>

#include <sys/stat.h>

namespace {

// Qt's own options, which QApplication takes out of the arguments: with a value, and without.
const char *const qtValueOptions[] = {
    "platform",     "platformpluginpath", "platformtheme", "plugin", "qwindowgeometry",
    "qwindowtitle", "qwindowicon",        "session",       "style",  "stylesheet",
    "display",      "geometry",           "title",         "name",   "qmljsdebugger"};
const char *const qtFlagOptions[] = {"reverse", "widgetcount", "nograb", "dograb", "sync"};

bool isOneOf(const QString &name, const auto &list)
{
    for (const char *o : list) {
        if (name == QLatin1String(o))
            return true;
    }
    return false;
}

// --help, --version and mistakes must work without a display (QApplication aborts without one):
// answer them before QApplication exists. Qt's own options are left for QApplication.
int answerWithoutDisplay(int argc, char **argv)
{
    QStringList args;
    for (int i = 0; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        QString name = a.startsWith(QLatin1String("--")) ? a.mid(2)
            : a.startsWith(u'-')                         ? a.mid(1)
                                                         : QString();
        name = name.section(u'=', 0, 0);
        if (i > 0 && isOneOf(name, qtValueOptions)) {
            if (!a.contains(u'='))
                ++i; // its value
            continue;
        }
        if (i > 0 && isOneOf(name, qtFlagOptions))
            continue;
        args.append(a);
    }
    const auto result = natter::ui::CommandLine::parse(args);
    switch (result.action) {
    case natter::ui::CommandLine::Action::Help:
    case natter::ui::CommandLine::Action::Version:
        std::fputs(result.text.toLocal8Bit().constData(), stdout);
        return 0;
    case natter::ui::CommandLine::Action::Error:
        // No translations yet: they need the application object.
        std::fprintf(
            stderr, "natter: %s\n%s\n", result.text.toLocal8Bit().constData(),
            QCoreApplication::translate("main", "Try “natter --help”.").toLocal8Bit().constData());
        return 2;
    case natter::ui::CommandLine::Action::Run:
        break;
    }
    return -1;
}

void installTranslators(QApplication &app)
{
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
    auto *natter = new QTranslator(&app);
    if (natter->load(QLocale(), QStringLiteral("natter"), QStringLiteral("_"),
                     QStringLiteral(":/i18n")))
        QApplication::installTranslator(natter);
}

} // namespace

int main(int argc, char **argv)
{
    if (const int rc = answerWithoutDisplay(argc, argv); rc >= 0)
        return rc;
    // Defence in depth: the outbox and the settings are made 0600 explicitly, but any file a
    // library writes for us (caches, QSettings replacing the file) is private too.
    ::umask(077);

    QApplication::setOrganizationName(QStringLiteral("Natter"));
    QApplication::setApplicationName(QStringLiteral("natter"));
    QApplication::setApplicationVersion(QStringLiteral(NATTER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("natter"));
    QApplication app(argc, argv);
    natter::ui::BenchProbe::installFromEnvironment(); // bench/gui; nothing unless NATTER_BENCH=1
    QApplication::setWindowIcon(natter::ui::SymbolicIcon::appIcon());
    installTranslators(app);

    const auto parsed = natter::ui::CommandLine::parse(QApplication::arguments());
    switch (parsed.action) {
    case natter::ui::CommandLine::Action::Help:
    case natter::ui::CommandLine::Action::Version:
        std::fputs(parsed.text.toLocal8Bit().constData(), stdout);
        return 0;
    case natter::ui::CommandLine::Action::Error:
        std::fprintf(
            stderr, "natter: %s\n%s\n", parsed.text.toLocal8Bit().constData(),
            QCoreApplication::translate("main", "Try “natter --help”.").toLocal8Bit().constData());
        return 2;
    case natter::ui::CommandLine::Action::Run:
        break;
    }
    // The values are in `parsed` now: nothing else of ours reads them from the environment.
    for (const QString &name : parsed.options.secretVariables)
        natter::pusher::SecretEnvironment::forget(name.toLocal8Bit().constData());
    const QString rules = natter::ui::CommandLine::loggingRules(parsed.options.logLevel);
    if (!rules.isEmpty())
        QLoggingCategory::setFilterRules(rules);
    natter::ui::AppContext context(parsed.options);
    if (const QString problem = context.optionsProblem(); !problem.isEmpty()) {
        std::fprintf(stderr, "natter: %s\n", problem.toLocal8Bit().constData());
        return 2;
    }
    qCInfo(lcUi) << "event dispatcher:"
                 << QAbstractEventDispatcher::instance()->metaObject()->className();
    if (!context.acquireInstance())
        return 0;
    natter::ui::QuitOnSignal quitOnSignal;
    // Window state is saved on every way out: Ctrl+Q, closing the window, SIGTERM.
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &context,
                     &natter::ui::AppContext::shutdown);
    context.start();
    return QApplication::exec();
}
