package dev.vocloop.gateway.auth;

/**
 * A CUSTOMER_APP request sent an identity signature that does not prove its customer: the gateway
 * answers 401 {@code /problems/customer-signature}. The message is the detail for the client; it
 * never holds the key, the identity secret or the signature.
 */
public class CustomerSignatureException extends RuntimeException {

    public CustomerSignatureException(String detail) {
        super(detail, null, false, false);
    }
}
