// The failure policy, backoff, Retry-After parsing, secret handling and configuration checks, without a
// network.
#include "backoff.h"
#include "credentialscope.h"
#include "douyintarget.h"
#include "httpfailure.h"
#include "testsupport.h"

#include <QTest>
#include <QTimeZone>

#include <curl/curl.h>

using namespace xz::upload;
using namespace xz::upload::test;

class FailurePolicyTest : public QObject {
    Q_OBJECT
private:
    static HttpResponse status(int code, QByteArray body = {}, QByteArray retryAfter = {}) {
        HttpResponse r;
        r.status = code;
        r.body = body;
        if (!retryAfter.isEmpty())
            r.headers.insert("retry-after", retryAfter);
        return r;
    }

private slots:
    void retriesOnlyWhatCanSucceed() {
        const xz::Redactor redactor;
        for (int code : {408, 429, 500, 502, 503, 504})
            QVERIFY2(HttpFailure::classify(status(code), redactor, 1000)->canRetry(),
                     qPrintable(QString::number(code)));
        for (int code : {400, 403, 404, 413, 422})
            QVERIFY2(!HttpFailure::classify(status(code), redactor, 1000)->canRetry(),
                     qPrintable(QString::number(code)));
        QCOMPARE(HttpFailure::classify(status(401), redactor, 1000)->kind, UploadError::Kind::TokenExpired);
        QVERIFY(!HttpFailure::classify(status(204), redactor, 1000));
        HttpResponse reset;
        reset.curlCode = CURLE_RECV_ERROR;
        QVERIFY(HttpFailure::classify(reset, redactor, 1000)->canRetry());
        HttpResponse tls;
        tls.curlCode = CURLE_PEER_FAILED_VERIFICATION;
        QVERIFY(!HttpFailure::classify(tls, redactor, 1000)->canRetry());
    }

    void retryAfterIsParsedAndClampedAndGarbageIgnored() {
        QCOMPARE(HttpFailure::parseRetryAfter("3", 60'000), std::optional<qint64>(3000));
        QCOMPARE(HttpFailure::parseRetryAfter("99999999999999999999999", 60'000),
                 std::optional<qint64>(60'000));
        QCOMPARE(HttpFailure::parseRetryAfter("-5", 60'000), std::nullopt);
        QCOMPARE(HttpFailure::parseRetryAfter("soon", 60'000), std::nullopt);
        const QDateTime now = QDateTime(QDate(2025, 1, 1), QTime(12, 0), QTimeZone::utc());
        QCOMPARE(HttpFailure::parseRetryAfter("Wed, 01 Jan 2025 12:00:10 GMT", 60'000, now),
                 std::optional<qint64>(10'000));
        QCOMPARE(HttpFailure::parseRetryAfter("Wed, 01 Jan 2025 11:00:00 GMT", 60'000, now),
                 std::optional<qint64>(0));
        QCOMPARE(*HttpFailure::classify(status(429, {}, "7"), xz::Redactor(), 60'000)->retryAfterMs,
                 qint64(7000));
    }

    void backoffGrowsExponentiallyWithJitterUpToTheCap() {
        Backoff low(1000, 30'000, [] { return 0.0; });
        Backoff high(1000, 30'000, [] { return 0.999999; });
        QCOMPARE(low.delayMs(1), qint64(500));
        QCOMPARE(low.delayMs(2), qint64(1000));
        QCOMPARE(low.delayMs(3), qint64(2000));
        QVERIFY(high.delayMs(3) >= 3999 && high.delayMs(3) <= 4000);
        QCOMPARE(low.delayMs(50), qint64(15'000));
        QVERIFY(high.delayMs(50) <= 30'000);
    }

    void serverMessagesAreKeptButSecretsRedacted() {
        xz::Redactor redactor;
        redactor.addSecret(QStringLiteral("tok-12345"));
        const auto e =
            HttpFailure::classify(status(413, R"({"message": "too big for tok-12345"})"), redactor, 0);
        QVERIFY(e->en.contains(QStringLiteral("too big for ***")));
        QVERIFY(!e->describe().contains(QStringLiteral("tok-12345")));
    }

    void secretsTravelOnlyOverTlsOrToThisMachine() {
        QVERIFY(
            !CredentialScope::checkCanCarrySecret(QUrl(QStringLiteral("https://open.douyin.com")), false));
        QVERIFY(!CredentialScope::checkCanCarrySecret(QUrl(QStringLiteral("http://127.0.0.1:8080/")), false));
        QVERIFY(!CredentialScope::checkCanCarrySecret(QUrl(QStringLiteral("http://[::1]:8080/")), false));
        QVERIFY(CredentialScope::checkCanCarrySecret(QUrl(QStringLiteral("http://nas.local/")), false));
        QVERIFY(!CredentialScope::checkCanCarrySecret(QUrl(QStringLiteral("http://nas.local/")), true));
    }

    void serverNamedUrlsResolveRelativeToTheRequestAndStayOnTheEndpoint() {
        const CredentialScope scope(QUrl(QStringLiteral("https://up.example.org/files/")), false);
        const QString request = QStringLiteral("https://up.example.org/files/");
        const struct {
            const char* named;
            const char* expected; // empty: refused
        } cases[] = {
            {"/files/42", "https://up.example.org/files/42"},
            {"42", "https://up.example.org/files/42"},
            {"./42?part=1", "https://up.example.org/files/42?part=1"},
            {"../other/42", "https://up.example.org/other/42"},
            {"//up.example.org/files/42", "https://up.example.org/files/42"},
            {"https://UP.example.org:443/files/42", "https://up.example.org/files/42"},
            {"http://up.example.org/files/42", ""},       // downgrade to plain http
            {"https://up.example.org:8443/files/42", ""}, // another port
            {"https://elsewhere.example.net/files/42", ""},
            {"//elsewhere.example.net/files/42", ""},
            {"https://up.example.org.evil.net/files/42", ""},
            {"ftp://up.example.org/files/42", ""},
        };
        for (const auto& c : cases) {
            const Result<QString> resolved = scope.resolveServerUrl(request, c.named);
            if (*c.expected) {
                QVERIFY2(resolved,
                         qPrintable(QString::fromLatin1(c.named) + ": " + resolved.error().message()));
                QCOMPARE(*resolved, QString::fromLatin1(c.expected));
            } else {
                QVERIFY2(!resolved, c.named);
                QVERIFY(resolved.error().en.contains(QStringLiteral("nothing was sent")));
            }
        }
        QVERIFY(!scope.resolveServerUrl(request, ""));
        // A port of the endpoint's own is kept; only the scheme's default is left out.
        const CredentialScope local(QUrl(QStringLiteral("http://127.0.0.1:8080/files/")), false);
        QCOMPARE(*local.resolveServerUrl(QStringLiteral("http://127.0.0.1:8080/files/"), "/files/1"),
                 QStringLiteral("http://127.0.0.1:8080/files/1"));
        QVERIFY(!local.resolveServerUrl(QStringLiteral("http://127.0.0.1:8080/files/"),
                                        "http://127.0.0.1/files/1"));
    }

    void secretsAreAttachedOnlyToTheEndpointsOrigin() {
        const CredentialScope scope(QUrl(QStringLiteral("http://127.0.0.1:8080/api/")), false);
        HttpRequest same;
        same.url = QStringLiteral("http://127.0.0.1:8080/other/path?x=1");
        QVERIFY(!scope.attach(same, "access-token", "tok"));
        QCOMPARE(same.headers.size(), 1);
        HttpRequest foreign;
        foreign.url = QStringLiteral("http://127.0.0.2:8080/api/");
        QVERIFY(scope.attach(foreign, "access-token", "tok"));
        QVERIFY(foreign.headers.isEmpty());
        // The endpoint itself on plain HTTP to another machine: refused too.
        const CredentialScope lan(QUrl(QStringLiteral("http://nas.local/up/")), false);
        HttpRequest r;
        r.url = QStringLiteral("http://nas.local/up/clip.mp4");
        QVERIFY(lan.attach(r, "Authorization", "Bearer x"));
        QVERIFY(!lan.checkSameOrigin(QUrl(r.url)));
    }

    void douyinErrorCodesMapToTheRetryPolicy() {
        QVERIFY(DouyinTarget::platformError(2100004, QStringLiteral("系统繁忙")).canRetry());
        QVERIFY(DouyinTarget::platformError(28001005, {}).canRetry());
        const UploadError parameter = DouyinTarget::platformError(2100005, QStringLiteral("参数不合法"));
        QVERIFY(!parameter.canRetry());
        QVERIFY(parameter.zh.contains(QStringLiteral("参数不合法")));
        QVERIFY(DouyinTarget::platformError(28001018, {}).en.contains(QStringLiteral("lacks the ability")));
    }

    void configWithWrongFieldIsRejectedWithItsName() {
        TestHome home;
        home.writeConfig({{QStringLiteral("limits"),
                           QJsonObject{{QStringLiteral("concurrency"), QStringLiteral("many")}}}});
        const auto config = UploadConfig::load();
        QVERIFY(!config);
        QVERIFY2(config.error().en.contains(QStringLiteral("limits.concurrency")),
                 qPrintable(config.error().message()));
    }

    void credentialsInATargetUrlAreRefused() {
        const auto normal =
            TargetFactory::normalise(QStringLiteral("https://user:pass@example.com/up/"), UploadConfig());
        QVERIFY(!normal);
        QVERIFY(!normal.error().message().contains(QStringLiteral("pass@")));
    }
};

QTEST_GUILESS_MAIN(FailurePolicyTest)
#include "tst_policy.moc"
