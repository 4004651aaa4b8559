// Errors are values: a user-facing message in Chinese and English, a technical detail (already redacted),
// and the kind that tells the queue whether trying again can help.
#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace xz::upload {

struct UploadError {
    enum class Kind {
        Retryable = 1,  // timeouts, resets, 5xx, 429: another attempt can succeed
        Fatal,          // 403, 404, 413, bad input, malformed replies: trying again cannot help
        SessionExpired, // the server forgot the upload session: start over cleanly
        TokenExpired,   // 401 / expired access token: refresh once, then fatal
        Cancelled,      // the user paused or cancelled: not a failure at all
    };

    Kind kind = Kind::Fatal;
    QString zh;
    QString en;
    QString detail;
    // Milliseconds the server asked us to wait (Retry-After), already clamped; unset when it did not ask.
    std::optional<qint64> retryAfterMs;

    static UploadError fatal(QString zh, QString en, QString detail = {});
    static UploadError retryable(QString zh, QString en, QString detail = {});

    bool canRetry() const { return kind == Kind::Retryable; }
    // "中文 / English", the form every user-facing message takes.
    QString message() const;
    // The message plus the detail, for logs and the error-details view.
    QString describe() const;
};

// A value or the reason there is none (std::expected arrives with C++23).
template <class T> class Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(UploadError error) : error_(std::move(error)) {}

    explicit operator bool() const { return value_.has_value(); }
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    const UploadError& error() const { return error_; }

private:
    std::optional<T> value_;
    UploadError error_;
};

} // namespace xz::upload
