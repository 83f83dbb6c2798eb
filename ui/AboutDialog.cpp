#include "AboutDialog.h"

#include "SymbolicIcon.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#ifndef NATTER_LIBNOTIFY_VERSION
#define NATTER_LIBNOTIFY_VERSION "unknown"
#endif
#ifndef NATTER_SIMDJSON_VERSION
#define NATTER_SIMDJSON_VERSION "unknown"
#endif

namespace natter::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Natter"));

    auto *icon = new QLabel(this);
    icon->setPixmap(SymbolicIcon::appIcon().pixmap(64, 64));
    auto *title = new QLabel(tr("Natter %1").arg(QStringLiteral(NATTER_VERSION)), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setTextFormat(Qt::PlainText);
    QFont tf = title->font();
    tf.setBold(true);
    if (tf.pointSizeF() > 0)
        tf.setPointSizeF(tf.pointSizeF() * 1.3);
    title->setFont(tf);
    auto *what = new QLabel(tr("A desktop chat client for the Pusher Channels protocol."), this);
    what->setTextFormat(Qt::PlainText);
    what->setWordWrap(true);
    m_versions = new QLabel(tr("Built with %1.").arg(libraryVersions()), this);
    m_versions->setObjectName(QStringLiteral("aboutVersions"));
    m_versions->setTextFormat(Qt::PlainText);
    m_versions->setWordWrap(true);
    m_versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // As packaging/debian-copyright says: no licence has been chosen yet.
    m_licence = new QLabel(tr("Licence: none granted yet. Copyright 2026 the Natter developers, "
                              "all rights reserved."),
                           this);
    m_licence->setObjectName(QStringLiteral("aboutLicence"));
    m_licence->setTextFormat(Qt::PlainText);
    m_licence->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    QPushButton *close = buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);

    auto *text = new QVBoxLayout;
    text->addWidget(title);
    text->addWidget(what);
    text->addWidget(m_versions);
    text->addWidget(m_licence);
    text->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(icon, 0, Qt::AlignTop);
    row->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
    // Wrapped labels need a width to be measured against.
    setMinimumWidth(420);
}

QString AboutDialog::libraryVersions()
{
    return QStringLiteral("Qt %1, libnotify %2, simdjson %3")
        .arg(QString::fromLatin1(qVersion()), QStringLiteral(NATTER_LIBNOTIFY_VERSION),
             QStringLiteral(NATTER_SIMDJSON_VERSION));
}

} // namespace natter::ui
