#include "liveoptions.h"

#include "redact.h"
#include "timeparse.h"

namespace xz::app {
namespace {

QString missingValue(const QString& option) {
    return QStringLiteral("%1 需要一个值 / %1 needs a value").arg(option);
}

// Seconds within [minimum, maximum]: timers run in milliseconds in an int, and a take every few
// milliseconds is a storm, not a rehearsal.
std::optional<double> boundedSeconds(const QString& option, const QString& value, double minimum,
                                     double maximum, QString* error) {
    const std::optional<double> seconds = parseSeconds(value);
    if (!seconds || *seconds <= 0) {
        *error = QStringLiteral("%1 需要正的秒数（如 30 或 00:01:30），而不是“%2” / %1 needs a positive time "
                                "(such as 30 or 00:01:30), not '%2'")
                     .arg(option, value);
        return std::nullopt;
    }
    if (*seconds < minimum || *seconds > maximum) {
        *error =
            QStringLiteral("%1 应在 %2 到 %3 秒之间，而不是“%4” / %1 must be from %2 to %3 seconds, not '%4'")
                .arg(option)
                .arg(minimum)
                .arg(maximum)
                .arg(value);
        return std::nullopt;
    }
    return seconds;
}

} // namespace

QString LiveOptions::usage() {
    return QStringLiteral(
        "用法 / usage: xiaozhan live --show NAME|FILE [--headless] [--record DIR] [--stream URL]...\n"
        "              [--duration SECONDS] [--cycle-scenes SECONDS] [--camera ID=PIPELINE]... [--remux]\n"
        "              [--rundown FILE|NAME [--auto-advance]]\n"
        "              [--control-port PORT [--control-password PW] [--control-address ADDR]]\n"
        "  NAME: sitcom, cooking, first-aid, stage    URL: rtmp://server/app/key (rtmps too)");
}

std::optional<LiveOptions> LiveOptions::parse(const QStringList& args, QString* error) {
    LiveOptions options;
    std::optional<QString> controlPort, controlPassword, controlAddress;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString option = args[i];
        QString value;
        bool hasInlineValue = false;
        // Accept both "--duration 10" and "--duration=10".
        if (option.startsWith(QLatin1String("--")) && option.contains(QLatin1Char('='))) {
            value = option.section(QLatin1Char('='), 1);
            option = option.section(QLatin1Char('='), 0, 0);
            hasInlineValue = true;
        }
        auto takeValue = [&]() -> std::optional<QString> {
            if (hasInlineValue)
                return value;
            if (i + 1 >= args.size() || args[i + 1].startsWith(QLatin1String("--"))) {
                *error = missingValue(option);
                return std::nullopt;
            }
            return args[++i];
        };
        if (option == QLatin1String("--headless") || option == QLatin1String("--remux") ||
            option == QLatin1String("--auto-advance")) {
            (option == QLatin1String("--headless") ? options.headless
             : option == QLatin1String("--remux")  ? options.remux
                                                   : options.autoAdvance) = true;
            continue;
        }
        const bool known =
            option == QLatin1String("--show") || option == QLatin1String("--record") ||
            option == QLatin1String("--stream") || option == QLatin1String("--duration") ||
            option == QLatin1String("--cycle-scenes") || option == QLatin1String("--camera") ||
            option == QLatin1String("--rundown") || option == QLatin1String("--control-port") ||
            option == QLatin1String("--control-password") || option == QLatin1String("--control-address");
        if (!known) {
            // A stream URL typed without --stream lands here: it carries a key, so it is redacted.
            const QString shown =
                option.contains(QLatin1String("://")) ? Redactor::redactUrl(option) : option;
            *error = QStringLiteral("未知选项“%1” / unknown option '%1'").arg(shown);
            return std::nullopt;
        }
        const std::optional<QString> taken = takeValue();
        if (!taken)
            return std::nullopt;
        if (option == QLatin1String("--show")) {
            options.show = *taken;
        } else if (option == QLatin1String("--record")) {
            options.recordDir = *taken;
        } else if (option == QLatin1String("--stream")) {
            options.streamUrls.append(*taken);
        } else if (option == QLatin1String("--duration")) {
            const auto seconds = boundedSeconds(option, *taken, 0.001, kMaxDurationSec, error);
            if (!seconds)
                return std::nullopt;
            options.durationSec = *seconds;
        } else if (option == QLatin1String("--cycle-scenes")) {
            const auto seconds =
                boundedSeconds(option, *taken, kMinCycleScenesSec, kMaxCycleScenesSec, error);
            if (!seconds)
                return std::nullopt;
            options.cycleScenesSec = *seconds;
        } else if (option == QLatin1String("--camera")) {
            const qsizetype equals = taken->indexOf(QLatin1Char('='));
            CameraOverride camera{taken->left(equals).trimmed(), taken->mid(equals + 1).trimmed()};
            if (equals <= 0 || camera.pipeline.isEmpty()) {
                *error =
                    QStringLiteral("--camera 的格式是 摄像头ID=GStreamer管道，而不是“%1” / --camera takes "
                                   "ID=PIPELINE, not '%1'")
                        .arg(*taken);
                return std::nullopt;
            }
            options.cameras.append(camera);
        } else if (option == QLatin1String("--rundown")) {
            options.rundown = *taken;
        } else if (option == QLatin1String("--control-port")) {
            controlPort = *taken;
        } else if (option == QLatin1String("--control-password")) {
            controlPassword = *taken;
        } else if (option == QLatin1String("--control-address")) {
            controlAddress = *taken;
        }
    }
    if (options.autoAdvance && options.rundown.isEmpty()) {
        *error = QStringLiteral("--auto-advance 需要和 --rundown 一起用 / --auto-advance needs --rundown");
        return std::nullopt;
    }
    if (!controlPort) {
        if (controlPassword || controlAddress) {
            *error = QStringLiteral("%1 需要和 --control-port 一起用 / %1 needs --control-port")
                         .arg(controlPassword ? QStringLiteral("--control-password")
                                              : QStringLiteral("--control-address"));
            return std::nullopt;
        }
    } else {
        std::optional<UserError> problem;
        options.control = remote::ControlSettings::parse(*controlPort, controlPassword.value_or(QString()),
                                                         controlAddress.value_or(QString()), &problem);
        if (!options.control) {
            *error = problem->toString();
            return std::nullopt;
        }
    }
    if (options.show.isEmpty()) {
        *error = QStringLiteral(
            "请用 --show 指定节目 / name a show with --show (sitcom, cooking, first-aid, stage)");
        return std::nullopt;
    }
    return options;
}

} // namespace xz::app
