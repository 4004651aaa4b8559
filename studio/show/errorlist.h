// Collects every problem found in one show file, each with its file, JSON path and position, so a volunteer
// fixes them all in one pass instead of one per run.
#pragma once

#include "jsonlocator.h"
#include "showloader.h"

#include <QList>
#include <QString>

namespace xz::show {

class ErrorList {
public:
    // `locator` may be null (no parsed document yet); errors then carry no line/column.
    ErrorList(QString file, const JsonLocator* locator) : file_(std::move(file)), locator_(locator) {}

    void add(const QString& jsonPath, const QString& messageZh, const QString& messageEn);
    void addAt(const QString& jsonPath, TextPosition position, const QString& messageZh,
               const QString& messageEn);

    bool isEmpty() const { return errors_.isEmpty(); }
    qsizetype size() const { return errors_.size(); }
    // In the order they appear in the file, so the list reads top to bottom like the file does.
    QList<ShowError> sorted() const;

private:
    QString file_;
    const JsonLocator* locator_;
    QList<ShowError> errors_;
};

} // namespace xz::show
