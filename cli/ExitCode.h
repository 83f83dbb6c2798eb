#pragma once

// natter-cli's exit codes, documented in the README.
enum ExitCode : int {
    ExitOk = 0,
    ExitUsage = 2,
    ExitTimeout = 3,
    ExitConnectionFailed = 4,
    ExitAuthFailed = 5,
};
