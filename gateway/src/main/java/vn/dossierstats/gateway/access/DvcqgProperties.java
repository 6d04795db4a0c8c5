package vn.dossierstats.gateway.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The DVCQG login's sessions (dvcqg.md): how long one lasts, and the secret that seals it.
 *
 * @param sessionSecret seals sessions (AES-GCM, key = SHA-256 of it); every gateway instance in front of the same
 *     sources needs the same one. Empty: a random one per process, so sessions die with a restart (clients log in
 *     again before their next push, as OpenCPS does)
 * @param sessionTtl a session expires this long after the login
 */
@ConfigurationProperties("gateway.dvcqg")
record DvcqgProperties(String sessionSecret, Duration sessionTtl) {

    DvcqgProperties {
        sessionTtl =
                sessionTtl == null || sessionTtl.isNegative() || sessionTtl.isZero() ? Duration.ofHours(1) : sessionTtl;
    }
}
