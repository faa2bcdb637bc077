package dev.vocloop.commons.auth;

/**
 * The roles an internal JWT carries in its {@code groups} claim (CONTRACT.md, Internal tokens).
 * The first four are the roles of API keys; {@link #CUSTOMER} is a customer who holds only a
 * survey, follow-up or unsubscribe link; {@link #SERVICE} is another VoC Loop service making a
 * hand-over call to an {@code /internal} route.
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String AGENT = "AGENT";
    public static final String PRODUCT = "PRODUCT";
    public static final String CUSTOMER_APP = "CUSTOMER_APP";
    public static final String CUSTOMER = "CUSTOMER";
    public static final String SERVICE = "SERVICE";

    /** The claim that lists the teams an agent works. */
    public static final String TEAMS_CLAIM = "teams";

    /**
     * The claim with the customer id a CUSTOMER_APP caller proved with an identity signature
     * (gateway README, Identity verification); absent when none was verified.
     */
    public static final String CUSTOMER_CLAIM = "customer";

    /**
     * The claim, {@code true}, on tokens of CUSTOMER_APP keys that must act for a verified customer
     * only; absent for keys created before identity verification existed or switched off.
     */
    public static final String IDENTITY_REQUIRED_CLAIM = "customer_required";

    private Roles() {
    }
}
