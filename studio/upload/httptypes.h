// What a target asks the transport to send and what comes back; plain values, no libcurl types.
#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

#include <optional>

namespace xz::upload {

// A request body streamed from part of a file, so memory stays flat whatever the file size.
struct FileRange {
    QString path;
    qint64 offset = 0;
    qint64 length = 0;
};

// multipart/form-data: text fields plus the file itself as the part named filePartName.
struct MultipartForm {
    QList<QPair<QByteArray, QByteArray>> fields;
    QByteArray filePartName = "file";
    QString fileName;
    QByteArray fileContentType = "application/octet-stream";
};

struct HttpRequest {
    QByteArray method = "GET";
    QString url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;                   // small bodies (JSON, forms); ignored when file is set
    std::optional<FileRange> file;     // large bodies, read from disk as they are sent
    std::optional<MultipartForm> form; // with file: a multipart POST instead of a raw body

    void setHeader(const QByteArray& name, const QByteArray& value) { headers.append({name, value}); }
};

struct HttpResponse {
    int status = 0;                       // 0 when no HTTP response arrived at all
    int curlCode = 0;                     // CURLE_OK is 0; anything else means the transfer broke
    QString errorText;                    // libcurl's explanation, for the technical detail
    QMap<QByteArray, QByteArray> headers; // lower-case names, the last response's headers only
    QByteArray body;                      // capped, so a hostile server cannot fill our memory
    qint64 bytesSent = 0;

    bool transportFailed() const { return curlCode != 0; }
    QByteArray header(const QByteArray& lowerName) const { return headers.value(lowerName); }
    // A short, printable excerpt of the body for error details.
    QString bodyExcerpt(int maxChars = 200) const;
};

} // namespace xz::upload
