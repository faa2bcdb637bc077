package dev.vocloop.gateway.auth;

/** What a caller may do; see {@link AccessPolicy} for the routes each role may use. */
public enum Role {
    /** Embedded in apps and web pages, so treated as public: submits feedback and answers surveys. */
    CUSTOMER_APP,
    /** Support agent: tickets and queues of the agent's own teams. */
    AGENT,
    /** Product team: reads masked feedback and analytics, corrects classifications. */
    PRODUCT,
    /** Everything, including teams, routing rules, SLA policies, surveys and API keys. */
    ADMIN
}
