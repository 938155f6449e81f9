package ai.spideriq.tracker.simulator;

/**
 * The verdict on one request's {@code Authorization} header. Holds the account (client id), never the token.
 *
 * @param verdict valid, invalid (401) or inactive (403)
 * @param accountId the token's client id when valid or inactive, else {@code null}
 */
record CredentialCheck(Verdict verdict, String accountId) {

    enum Verdict {
        VALID,
        INVALID,
        INACTIVE
    }

    static final CredentialCheck INVALID = new CredentialCheck(Verdict.INVALID, null);

    boolean isValid() {
        return verdict == Verdict.VALID;
    }
}
