// Colour emoji (issue 12): EmojiText finds whole emoji sequences, and messages and the message
// field draw them in colour. DejaVu Sans, the default font here, has monochrome outlines for
// "😀" and friends, so Qt's per-character fallback alone draws them black: the rendering checks
// count coloured pixels where the emoji are.
#include "Composer.h"
#include "EmojiText.h"
#include "MessageEdit.h"
#include "MessageView.h"

#include <chat/ChatMessage.h>
#include <chat/MessageListModel.h>

#include <QKeyEvent>
#include <QTest>

using natter::chat::ChatMessage;
using natter::chat::MessageListModel;
using namespace natter::ui;

namespace {

QString S(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// Pixels of `image` inside `rect` that are clearly coloured (saturated and not dark).
int colouredPixels(const QImage &image, const QRect &rect)
{
    int count = 0;
    const QRect r = rect.intersected(image.rect());
    for (int y = r.top(); y <= r.bottom(); ++y) {
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.hsvSaturation() > 120 && c.value() > 120)
                ++count;
        }
    }
    return count;
}

} // namespace

class TestEmojiText : public QObject
{
    Q_OBJECT

private slots:
    void runs_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<int>>("runs"); // start, length, start, length…
        QTest::newRow("none") << S("plain text: 1 + 2 = 3 #tag *") << QList<int>{};
        QTest::newRow("one") << S("hi 😀") << QList<int>{3, 2};
        QTest::newRow("adjacent merged") << S("😀😃!") << QList<int>{0, 4};
        QTest::newRow("skin tone") << S("👍🏽 ok") << QList<int>{0, 4};
        QTest::newRow("zwj family") << S("a👨‍👩‍👧b") << QList<int>{1, 8};
        QTest::newRow("flag") << S("🇩🇪") << QList<int>{0, 4};
        QTest::newRow("keycap") << S("press 1️⃣ now") << QList<int>{6, 3};
        QTest::newRow("bmp default emoji") << S("done ✅") << QList<int>{5, 1};
        QTest::newRow("text heart stays text") << S("I ❤ it") << QList<int>{};
        QTest::newRow("heart with FE0F") << S("I ❤️ it") << QList<int>{2, 2};
        QTest::newRow("lone surrogate") << S("x") + QChar(0xD83D) + S("y") << QList<int>{};
    }

    void runs()
    {
        QFETCH(QString, text);
        QFETCH(QList<int>, runs);
        QList<int> found;
        for (const EmojiText::Run &run : EmojiText::runs(text))
            found << run.start << run.length;
        QCOMPARE(found, runs);
    }

    void colourFontInstalled()
    {
        // scripts/deps installs fonts-noto-color-emoji; without it the rendering checks are moot.
        QCOMPARE(EmojiText::colorFamily(), S("Noto Color Emoji"));
    }

    void messagesShowEmojiInColour()
    {
        MessageListModel model;
        MessageView view;
        view.resize(500, 400);
        view.setMessages(&model);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        ChatMessage m;
        m.room = S("lobby");
        m.senderId = m.senderName = S("bob");
        m.sentAt = now;
        m.id = S("1");
        m.text = S("head");
        model.append(m);
        // Grouped with the first: no name, no avatar, only the text is drawn in its row.
        m.id = S("2");
        m.text = S("😀 😀 😀");
        m.sentAt = now.addSecs(1);
        model.append(m);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QModelIndex row = view.model()->index(1, 0);
        QVERIFY(row.data(MessageListModel::GroupedRole).toBool());
        const QImage shot = view.viewport()->grab().toImage();
        const int coloured = colouredPixels(shot, view.visualRect(row));
        QVERIFY2(coloured > 30, qPrintable(QString::number(coloured)));
        // The same row with plain text has none: the colour comes from the emoji.
        m.id = S("3");
        m.text = S("no emoji here");
        m.sentAt = now.addSecs(2);
        model.append(m);
        QCoreApplication::processEvents();
        const QImage plain = view.viewport()->grab().toImage();
        QCOMPARE(colouredPixels(plain, view.visualRect(view.model()->index(2, 0))), 0);
    }

    void messageFieldShowsEmojiInColour()
    {
        Composer composer;
        composer.resize(400, 80);
        composer.setRoom(S("lobby"));
        composer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&composer));
        QTest::keyClicks(composer.editor(), S("smile "));
        // As a keyboard or an emoji picker delivers it: one key event with the text.
        for (int i = 0; i < 2; ++i) {
            QKeyEvent key(QEvent::KeyPress, 0, Qt::NoModifier, S("😀"));
            QCoreApplication::sendEvent(composer.editor(), &key);
        }
        QCOMPARE(composer.text(), S("smile 😀😀"));
        QCoreApplication::processEvents();
        const QImage shot = composer.editor()->viewport()->grab().toImage();
        const int coloured = colouredPixels(shot, shot.rect());
        QVERIFY2(coloured > 20, qPrintable(QString::number(coloured)));
        // What is sent is the typed text: the colour is only a format of the field's layout.
        QCOMPARE(composer.editor()->toPlainText(), S("smile 😀😀"));
    }
};

QTEST_MAIN(TestEmojiText)
#include "tst_emojitext.moc"
