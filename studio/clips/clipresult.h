// A value or the reason there is none, for everything the clips library does (std::expected arrives with
// C++23). The reason is the studio's one error shape, UserError.
#pragma once

#include "usererror.h"

#include <optional>
#include <utility>

namespace xz::clips {

template <class T> class Result {
public:
    Result(T value) : value_(std::move(value)) {}
    Result(UserError error) : error_(std::move(error)) {}

    explicit operator bool() const { return value_.has_value(); }
    T& operator*() { return *value_; }
    const T& operator*() const { return *value_; }
    T* operator->() { return &*value_; }
    const T* operator->() const { return &*value_; }
    const UserError& error() const { return error_; }

private:
    std::optional<T> value_;
    UserError error_;
};

} // namespace xz::clips
