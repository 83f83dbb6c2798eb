#pragma once

#include <QLabel>

namespace natter::ui {

// "1,850 / 2,000" beside the message field once a message nears the length limit (from 90 % of
// it), red past it. The composer keeps Send disabled while isOverLimit() and shows reason().
// Characters are counted as ChatController and natter-server count them (UTF-16 code units).
class CharacterCounter : public QLabel
{
    Q_OBJECT
public:
    explicit CharacterCounter(QWidget *parent = nullptr);

    void setLimit(int limit);
    int limit() const { return m_limit; }
    void setCount(int count);
    int count() const { return m_count; }
    // The count is shown from here on.
    int threshold() const { return m_limit - m_limit / 10; }
    bool isOverLimit() const { return m_count > m_limit; }
    // Why the message cannot be sent; empty while it can.
    QString reason() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    int m_limit;
    int m_count = 0;
};

} // namespace natter::ui
