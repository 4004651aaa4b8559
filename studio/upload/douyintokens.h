// Access tokens for one Douyin-style account. The token comes from the configuration; when the platform says
// it expired, refresh() is the hook that gets a new one (by default through the platform's refresh_token
// endpoint, saved back to the 0600 config file). Concurrent refreshes for one account are coalesced.
#pragma once

#include "transport.h"
#include "uploaderror.h"

#include <functional>
#include <optional>
#include <vector>

namespace xz::upload {

class UploadConfig;

class TokenSource {
public:
    using Done = std::function<void(std::optional<UploadError> error)>;
    virtual ~TokenSource() = default;
    virtual QString accessToken() const = 0;
    // Gets a fresher token than rejectedToken; done(nullopt) when accessToken() is now a new one.
    virtual void refresh(const QString& rejectedToken, Done done) = 0;
};

class DouyinTokens : public TokenSource {
public:
    DouyinTokens(Transport& transport, UploadConfig& config, QString account);
    ~DouyinTokens() override;

    QString accessToken() const override;
    void refresh(const QString& rejectedToken, Done done) override;

private:
    void onRefreshed(const HttpResponse& r);
    void finish(std::optional<UploadError> error);

    Transport& transport_;
    UploadConfig& config_;
    QString account_;
    Transport::Id inflight_ = 0;
    std::vector<Done> waiting_;
};

} // namespace xz::upload
