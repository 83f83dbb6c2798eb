#pragma once

#include <chat/ServerProfile.h>

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <optional>

namespace natter::ui {

// Natter's command line, parsed into plain data (no side effects, so tests can run it).
//
//   natter [--profile NAME] [--user NAME] [--room NAME]... [--log-level LEVEL] [--new-instance]
//          [--host H --port P --tls|--no-tls | --cluster C] [--key K] [--path-prefix P] [--ca-file F]
//          [--auth-endpoint URL | --secret S]       (or NATTER_SECRET, which stays off `ps`)
//   natter --server URL --user NAME --room ROOM [--password-env VAR] [--ca-file F]
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(natter::ui::CommandLine)

public:
    enum class Action { Run, Help, Version, Error };
    enum class LogLevel { Default, Quiet, Warning, Info, Debug };

    struct Options
    {
        QString profile; // --profile: a saved profile (or the name of the ad-hoc one)
        QString user; // --user
        QStringList rooms; // --room, repeatable; the first is shown
        LogLevel logLevel = LogLevel::Default;
        bool newInstance = false;
        bool minimized = false; // --minimized: only the tray icon (ignored without a tray)
        // Connection options given on the command line: a profile that is not saved.
        std::optional<natter::chat::ServerProfile> adHocProfile;
        QString secret; // --secret or NATTER_SECRET (local signing)
        QString authToken; // NATTER_AUTH_TOKEN (bearer token for --auth-endpoint)
        QString joinPassword; // --server: the join password, from --password-env's variable
        // Variables that may hold a secret (the ones above): main() wipes them once parsed.
        QStringList secretVariables;

        // --user and --room given and something to connect to: log in without the login page.
        bool autoLogin() const { return !user.isEmpty() && !rooms.isEmpty(); }
    };

    struct Result
    {
        Action action = Action::Run;
        Options options;
        QString text; // help or version text, or the error message
    };

    static Result parse(const QStringList &arguments,
                        const QProcessEnvironment &environment
                        = QProcessEnvironment::systemEnvironment());
    // QLoggingCategory filter rules for the natter.* categories; empty for Default.
    static QString loggingRules(LogLevel level);
};

} // namespace natter::ui
