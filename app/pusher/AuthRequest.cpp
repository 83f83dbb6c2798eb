#include "AuthRequest.h"

#include <QTimer>

namespace natter::pusher {

void AuthRequest::resolve(const AuthResponse &response)
{
    if (m_done)
        return;
    m_done = true;
    QTimer::singleShot(0, this, [this, response] { emit succeeded(response); });
}

void AuthRequest::reject(const AuthError &error)
{
    if (m_done)
        return;
    m_done = true;
    QTimer::singleShot(0, this, [this, error] { emit failed(error); });
}

} // namespace natter::pusher
