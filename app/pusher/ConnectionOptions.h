#pragma once

#include <QNetworkProxy>
#include <QString>
#include <QUrl>

#include <optional>

namespace natter::pusher {

// Where and how to connect. Either `cluster` (hosted Pusher: ws-CLUSTER.pusher.com) or `host`.
struct ConnectionOptions
{
    QString key;
    QString cluster; // hosted Pusher when set and host is empty
    QString host; // self-hosted server (soketi, ...)
    int port = 0; // 0: 443 with TLS, 80 without
    bool tls = true; // verification is always on
    QString pathPrefix; // prepended to /app/KEY
    QString caBundlePath; // extra CA certificates (PEM), added to the system ones
    std::optional<QNetworkProxy> proxy; // unset: the application proxy (QNetworkProxy)

    int activityTimeoutMs = 120000; // ours; the server's activity_timeout may lower it
    int pongTimeoutMs = 30000;
    // A ping sent to confirm client events (see Connection::confirmWrites) must be answered within
    // this, unless other frames show the link is alive; then pongTimeoutMs applies.
    int confirmTimeoutMs = 5000;
    int unavailableTimeoutMs = 10000; // connecting this long: state "unavailable"
    int handshakeTimeoutMs = 10000; // open + connection_established per attempt
    int backoffInitialMs = 100;
    int backoffMaxMs = 15000;
    double backoffFactor = 1.5;
    double backoffJitter = 0.2; // +-20 %
    // For the first backoffQuickWindowMs of an outage the delay stays under backoffQuickMaxMs: a
    // server restart or a short network blip is bridged within ~1.5 s of the server's return,
    // instead of waiting out a delay that grew while it was away. Longer outages back off fully.
    int backoffQuickWindowMs = 30000;
    int backoffQuickMaxMs = 1200;

    QUrl url() const;
    QString validate() const; // empty when usable, else a sentence for the user
};

} // namespace natter::pusher
