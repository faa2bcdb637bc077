package dev.vocloop.survey;

import dev.vocloop.testing.BehindGatewayContract;
import dev.vocloop.testing.InternalJwtResource;
import dev.vocloop.testing.PostgresResource;
import dev.vocloop.testing.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(InternalJwtResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(SmtpResource.class)
class PlatformConventionsTest extends BehindGatewayContract {

    @Override
    protected String protectedPath() {
        return "/api/v1/surveys";
    }
}
