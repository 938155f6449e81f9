package ai.spideriq.tracker.simulator;

import java.util.Set;

/** Checks {@code Authorization: Bearer <client_id>:<api_key>:<api_secret>} against the configured tokens. */
final class CredentialChecker {

    private static final String SCHEME = "Bearer ";

    private final Set<String> accepted;
    private final Set<String> inactive;

    CredentialChecker(Set<String> accepted, Set<String> inactive) {
        this.accepted = accepted;
        this.inactive = inactive;
    }

    CredentialCheck check(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return CredentialCheck.INVALID;
        }
        String token = authorizationHeader.substring(SCHEME.length()).trim();
        String[] parts = token.split(":", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return CredentialCheck.INVALID;
        }
        if (inactive.contains(token)) {
            return new CredentialCheck(CredentialCheck.Verdict.INACTIVE, parts[0]);
        }
        return accepted.contains(token)
                ? new CredentialCheck(CredentialCheck.Verdict.VALID, parts[0])
                : CredentialCheck.INVALID;
    }
}
