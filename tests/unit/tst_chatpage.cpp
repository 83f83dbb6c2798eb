// The chat page over a real ChatController driven by FakeClock + FakeNetwork + FakeAuthorizer
// (ChatPageRig.h): sending (Enter, Shift+Enter, pending -> sent), failed messages (retry/discard
// by click and by context menu), a failed room's Retry, plain text only and the accessibility
// names. Who's Online, typing, the "new messages" button and rooms are in tst_chatpagerooms.
#include "ChatPageRig.h"

#include <QTest>

class TestChatPage : public QObject
{
    Q_OBJECT

private slots:
    void accessibilityNames()
    {
        Rig rig;
        rig.loggedIn();
        QCOMPARE(rig.page->sidebar()->view()->accessibleName(), S("Rooms"));
        QCOMPARE(rig.page->messageView()->accessibleName(), S("Messages"));
        QCOMPARE(rig.page->composer()->editor()->accessibleName(), S("Message"));
        QCOMPARE(rig.page->composer()->sendButton()->accessibleName(), S("Send"));
        QCOMPARE(rig.page->memberPanel()->view()->accessibleName(), S("Who's Online"));
        QCOMPARE(rig.page->currentRoom(), S("lobby"));
    }

    void enterSendsPendingThenSent()
    {
        Rig rig;
        Room *room = rig.connected(); // not subscribed yet: the message waits
        QAbstractItemModelTester tester(room->messages());
        rig.typeAndEnter(S("hello there"));
        QCOMPARE(rig.messages()->rowCount(), 1);
        QCOMPARE(rig.messages()->at(0).text, S("hello there"));
        QCOMPARE(rig.state(0), ChatMessage::State::Pending);
        QVERIFY(rig.messages()->at(0).own);
        QVERIFY(rig.page->composer()->editor()->toPlainText().isEmpty());
        QVERIFY(!rig.page->composer()->sendButton()->isEnabled()); // nothing to send now
        rig.confirm();
        QCOMPARE(rig.state(0), ChatMessage::State::Pending); // written, not yet confirmed
        QCOMPARE(rig.net.allSentEvents(S("client-message")).size(), 1);
        rig.settle();
        QCOMPARE(rig.state(0), ChatMessage::State::Sent);

        // The Send button does the same.
        rig.clock.advance(200);
        QTest::keyClicks(rig.page->composer()->editor(), S("via button"));
        QVERIFY(rig.page->composer()->sendButton()->isEnabled());
        QTest::mouseClick(rig.page->composer()->sendButton(), Qt::LeftButton);
        QCOMPARE(rig.messages()->rowCount(), 2);
        QCOMPARE(rig.messages()->at(1).text, S("via button"));
    }

    // Review item 7: a room whose subscription failed offers Retry, which keeps its unsent
    // messages (leaving and joining again would discard them).
    void failedRoomOffersRetry()
    {
        Rig rig;
        rig.loggedIn();
        rig.settle();
        rig.auth.autoAnswer =
            [](const FakeAuthorizer::Request &) -> std::optional<FakeAuthorizer::Answer> {
            return FakeAuthorizer::error(natter::pusher::AuthError::Kind::Refused, 403,
                                         S("Forbidden"));
        };
        rig.page->joinRoom(S("dev"));
        FakeClock::pumpEvents();
        auto *retry = rig.page->findChild<QPushButton *>(S("retryRoomButton"));
        QVERIFY(retry);
        QVERIFY(retry->isVisible());
        QCOMPARE(retry->accessibleName(), S("Retry joining the room"));
        auto *error = rig.page->findChild<QLabel *>(S("roomError"));
        QVERIFY(error->isVisible());
        rig.typeAndEnter(S("kept"));
        QCOMPARE(rig.state(0), ChatMessage::State::Pending);
        rig.auth.setAutoAnswerDefault();
        QTest::mouseClick(retry, Qt::LeftButton);
        FakeClock::pumpEvents();
        rig.t()->serverSend(frames::presenceSucceeded(S("presence-dev"), QJsonArray{S("alice")},
                                                      QJsonObject{{S("alice"), member("Alice")}}));
        FakeClock::pumpEvents();
        QVERIFY(!retry->isVisible());
        QVERIFY(!error->isVisible());
        QCOMPARE(rig.net.allSentEvents(S("client-message")).size(), 1);
        rig.settle();
        QCOMPARE(rig.state(0), ChatMessage::State::Sent);
    }

    void shiftEnterAddsALine()
    {
        Rig rig;
        rig.loggedIn();
        MessageEdit *edit = rig.page->composer()->editor();
        edit->setFocus();
        QTest::keyClicks(edit, S("first"));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(edit, S("second"));
        QCOMPARE(edit->toPlainText(), S("first\nsecond"));
        QCOMPARE(rig.messages()->rowCount(), 0);
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(rig.messages()->rowCount(), 1);
        QCOMPARE(rig.messages()->at(0).text, S("first\nsecond"));
        // Blank text is not sent.
        QTest::keyClicks(edit, S("   "));
        QTest::keyClick(edit, Qt::Key_Return);
        QCOMPARE(rig.messages()->rowCount(), 1);
    }

    void failedMessageRetryAndDiscardByClick()
    {
        Rig rig;
        rig.loggedIn();
        MessageView *view = rig.page->messageView();
        rig.typeAndEnter(S("one"));
        QCOMPARE(rig.state(0), ChatMessage::State::Pending); // written, not yet confirmed
        rig.refuseClientEvent();
        QCOMPARE(rig.state(0), ChatMessage::State::Failed);
        QVERIFY(!anyMessageBox());
        // The composer says what the server needs.
        QLabel *notice = rig.page->composer()->noticeLabel();
        QVERIFY(notice->isVisible());
        QVERIFY(notice->text().contains(S("client events enabled")));

        // Failed rows are taller (the "Not sent" line with Retry and Discard).
        QCoreApplication::processEvents(); // delayed relayout
        const QPoint retry = pointOver(view, 0, MessageDelegate::HitKind::Retry);
        QVERIFY(retry.x() >= 0);
        QSignalSpy retried(view, &MessageView::retryRequested);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, retry);
        QCOMPARE(retried.size(), 1);
        QCOMPARE(rig.state(0), ChatMessage::State::Pending); // connected: out again at once
        rig.refuseClientEvent(); // and refused again
        QCOMPARE(rig.state(0), ChatMessage::State::Failed);

        rig.clock.advance(200);
        rig.typeAndEnter(S("two"));
        rig.refuseClientEvent();
        QCOMPARE(rig.messages()->rowCount(), 2);
        QCOMPARE(rig.state(1), ChatMessage::State::Failed);
        QCoreApplication::processEvents();
        const QPoint discard = pointOver(view, 1, MessageDelegate::HitKind::Discard);
        QVERIFY(discard.x() >= 0);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, discard);
        QCOMPARE(rig.messages()->rowCount(), 1);
        QVERIFY(rig.outbox->isEmpty() || !rig.outbox->contains(S("two")));
    }

    void failedMessageContextMenu()
    {
        Rig rig;
        rig.loggedIn();
        MessageView *view = rig.page->messageView();
        rig.typeAndEnter(S("menu me"));
        rig.refuseClientEvent();
        QCOMPARE(rig.state(0), ChatMessage::State::Failed);
        QCoreApplication::processEvents();
        const QRect rect = view->visualRect(view->model()->index(0, 0));
        QContextMenuEvent event(QContextMenuEvent::Mouse, rect.center(),
                                view->viewport()->mapToGlobal(rect.center()));
        QCoreApplication::sendEvent(view->viewport(), &event);
        QMenu *menu = view->findChild<QMenu *>();
        QVERIFY(menu);
        QStringList texts;
        QAction *discard = nullptr;
        QAction *retry = nullptr;
        for (QAction *a : menu->actions()) {
            texts << a->text();
            if (a->text() == MessageView::tr("Discard Message"))
                discard = a;
            if (a->text() == MessageView::tr("Retry Sending"))
                retry = a;
        }
        QVERIFY2(retry && discard, qPrintable(texts.join(u',')));
        retry->trigger();
        QCOMPARE(rig.state(0), ChatMessage::State::Pending); // written, not yet confirmed
        rig.refuseClientEvent();
        menu->close();

        rig.clock.advance(200);
        rig.typeAndEnter(S("menu again"));
        rig.refuseClientEvent();
        QCoreApplication::processEvents();
        const QRect rect2 = view->visualRect(view->model()->index(1, 0));
        QContextMenuEvent event2(QContextMenuEvent::Mouse, rect2.center(),
                                 view->viewport()->mapToGlobal(rect2.center()));
        QCoreApplication::sendEvent(view->viewport(), &event2);
        QMenu *menu2 = nullptr;
        for (QMenu *m : view->findChildren<QMenu *>()) {
            if (m->isVisible())
                menu2 = m;
        }
        QVERIFY(menu2);
        for (QAction *a : menu2->actions()) {
            if (a->text() == MessageView::tr("Discard Message"))
                a->trigger();
        }
        QCOMPARE(rig.messages()->rowCount(), 1);
    }

    void richTextIsShownLiterally()
    {
        Rig rig;
        rig.loggedIn({{S("eve"), member("<i>Eve</i>")}});
        rig.receive(S("client-message"),
                    QJsonObject{{S("id"), S("m1")}, {S("text"), S("<b>x</b>")}}, S("eve"));
        rig.receive(S("client-message"),
                    QJsonObject{{S("id"), S("m2")}, {S("text"), S("<br><br><br><br>y")}}, S("eve"));
        rig.receive(S("client-message"), QJsonObject{{S("id"), S("m3")}, {S("text"), S("z")}},
                    S("eve"));
        QCOMPARE(rig.messages()->rowCount(), 3);
        QCOMPARE(rig.messages()->at(0).text, S("<b>x</b>"));
        // As markup "<br>"s would be four more lines: as plain text it is one line, like "z".
        MessageView *view = rig.page->messageView();
        QStyleOptionViewItem option;
        option.initFrom(view->viewport());
        option.widget = view;
        option.font = view->font();
        const QSize br = view->messageDelegate()->sizeHint(option, rig.messages()->index(1));
        const QSize z = view->messageDelegate()->sizeHint(option, rig.messages()->index(2));
        QCOMPARE(br.height(), z.height());
        // Names too: the member list shows the literal name.
        MemberProxyModel *members = rig.page->memberPanel()->proxy();
        QStringList names;
        for (int i = 0; i < members->rowCount(); ++i)
            names << members->index(i, 0).data().toString();
        QVERIFY2(names.contains(S("<i>Eve</i>")), qPrintable(names.join(u',')));
        // Every label of the page is plain text.
        for (QLabel *label : rig.page->findChildren<QLabel *>())
            QVERIFY2(label->textFormat() == Qt::PlainText, qPrintable(label->objectName()));
    }
};

QTEST_MAIN(TestChatPage)
#include "tst_chatpage.moc"
