package dev.vocloop.gateway.auth;

/**
 * What a customer app sends to prove which signed-in customer it acts for: the customer id
 * ({@code X-Vocloop-Customer}) and the lowercase hex HMAC-SHA256 of that id under the key's identity
 * secret ({@code X-Vocloop-Customer-Signature}). Either may be null when the header is absent.
 *
 * @param customer the customer id as sent
 * @param signature the signature as sent
 */
public record CustomerProof(String customer, String signature) {

    public static final String CUSTOMER_HEADER = "X-Vocloop-Customer";
    public static final String SIGNATURE_HEADER = "X-Vocloop-Customer-Signature";

    /** No proof sent. */
    public static final CustomerProof NONE = new CustomerProof(null, null);

    /** Whether a signature was sent, so that it must be checked (a customer id alone proves nothing). */
    public boolean signed() {
        return signature != null;
    }

    @Override
    public String toString() {
        // Never print the signature: with the customer id it is a credential for that customer.
        return "CustomerProof[customer=" + customer + "]";
    }
}
