#include "showlistmodel.h"

#include "paths.h"
#include "showloader.h"

#include <QDir>

namespace xz::ui {

ShowListModel::ShowListModel(QObject* parent) : QAbstractListModel(parent) {
    // The station's programmes first, in the order the community knows them; then anything else.
    QStringList ids = {QStringLiteral("cooking"), QStringLiteral("first-aid"), QStringLiteral("sitcom"),
                       QStringLiteral("stage")};
    const QDir scenes(paths::scenesDir());
    for (const QString& folder : scenes.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (!ids.contains(folder) && QFile::exists(scenes.filePath(folder + QStringLiteral("/show.json"))))
            ids.append(folder);
    for (const QString& id : ids) {
        const show::LoadResult loaded =
            show::ShowLoader::loadFile(show::ShowLoader::resolveShowPath(id, paths::scenesDir()));
        Entry entry{id, id, QString(), QString()};
        if (loaded.ok()) {
            entry.title = loaded.show->titleZh;
            entry.titleEn = loaded.show->titleEn;
        } else if (!loaded.errors.isEmpty()) {
            entry.problem = loaded.errors.first().toString();
        }
        entries_.append(entry);
    }
}

int ShowListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

QVariant ShowListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = entries_.at(index.row());
    switch (static_cast<Role>(role)) {
    case Role::ShowId:
        return entry.id;
    case Role::Title:
        return entry.title;
    case Role::TitleEn:
        return entry.titleEn;
    case Role::Problem:
        return entry.problem;
    }
    return {};
}

QHash<int, QByteArray> ShowListModel::roleNames() const {
    return {{int(Role::ShowId), "showId"},
            {int(Role::Title), "title"},
            {int(Role::TitleEn), "titleEn"},
            {int(Role::Problem), "problem"}};
}

} // namespace xz::ui
