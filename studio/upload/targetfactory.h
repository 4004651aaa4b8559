// Turns a target URL into the target that serves it:
//   tus+http(s)://host/path/   tus 1.0 server          douyin://ACCOUNT      configured Douyin-style account
//   http(s)://host/path[/]     plain PUT               post+http(s)://...    multipart/form-data POST
//   file:///dir                a folder (NAS share, USB disk)
#pragma once

#include "transport.h"
#include "uploadconfig.h"
#include "uploadtarget.h"

#include <map>
#include <memory>

namespace xz::upload {

class DouyinTokens;

class TargetFactory {
public:
    TargetFactory(Transport& transport, UploadConfig& config);
    ~TargetFactory();

    // Checks a target as the user typed it; the normalised form identifies it in the queue.
    static Result<QString> normalise(const QString& target, const UploadConfig& config);
    Result<std::shared_ptr<UploadTarget>> create(const QString& target);

private:
    Transport& transport_;
    UploadConfig& config_;
    std::map<QString, std::unique_ptr<DouyinTokens>> tokens_; // one per account, shared by its jobs
};

} // namespace xz::upload
